import { screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { controlPlane, server } from '../../mocks/node'
import { renderApp } from '../../test/render'

async function open(name: string) {
  const app = renderApp(`/ml/endpoints/${name}`)
  expect(await screen.findByRole('heading', { level: 1, name }, { timeout: 5000 })).toBeInTheDocument()
  return app
}

async function openPermissions(name: string) {
  const app = await open(name)
  await app.user.click(screen.getByRole('button', { name: 'Permissions' }))
  const dialog = await screen.findByRole('dialog', { name: 'Permissions' }, { timeout: 5000 })
  const rows = await within(dialog).findByRole('list', { name: 'Who has access' })
  return { ...app, dialog, rows }
}

const grants = (name: string) =>
  controlPlane
    .permissions(controlPlane.get(name).id ?? '')
    .access_control_list.map((e) => [
      e.user_name ?? e.group_name ?? e.service_principal_name,
      e.all_permissions.map((p) => p.permission_level).join(),
    ])

// Each test opens the dialog, whose code loads on first use: slow on a busy machine.
describe('Permissions dialog', { timeout: 20_000 }, () => {
  it('lists the principals, adds a group with a level and saves', async () => {
    const { user, dialog, rows } = await openPermissions('churn-predictor')
    expect(within(rows).getByText('ada.lovelace@example.com')).toBeInTheDocument()
    expect(within(rows).getByText('Inherited from /serving-endpoints/')).toBeInTheDocument()
    await user.type(within(dialog).getByLabelText('Add user, group or service principal'), 'growth')
    await user.selectOptions(within(dialog).getByLabelText('Permission level'), 'Can query')
    await user.click(within(dialog).getByRole('button', { name: 'Add' }))
    const added = within(rows).getByRole('combobox', { name: 'Permission of growth' })
    expect(added).toHaveValue('CAN_QUERY')
    expect(added.closest('li')).toHaveTextContent('Group')
    await user.click(within(dialog).getByRole('button', { name: 'Save' }))
    expect(await screen.findByText('Permissions of churn-predictor saved.')).toBeInTheDocument()
    expect(screen.queryByRole('dialog', { name: 'Permissions' })).not.toBeInTheDocument()
    expect(grants('churn-predictor')).toContainEqual(['growth', 'CAN_QUERY'])
  })

  it('changes a level and removes a row', async () => {
    const { user, dialog, rows } = await openPermissions('support-chat-gpt4o')
    await user.selectOptions(within(rows).getByRole('combobox', { name: 'Permission of support' }), 'Can manage')
    await user.click(within(rows).getByRole('button', { name: 'Remove grace.hopper@example.com' }))
    await user.click(within(dialog).getByRole('button', { name: 'Save' }))
    await screen.findByText('Permissions of support-chat-gpt4o saved.')
    expect(grants('support-chat-gpt4o')).toEqual([
      ['ada.lovelace@example.com', 'CAN_MANAGE'],
      ['support', 'CAN_MANAGE'],
      ['admins', 'CAN_MANAGE'],
    ])
  })

  it('will not let the current user remove their own last Can manage, and says why at the row', async () => {
    const { user, dialog, rows } = await openPermissions('recsys-ranker')
    const remove = within(rows).getByRole('button', { name: 'Remove ada.lovelace@example.com' })
    expect(remove).toHaveAttribute('aria-disabled', 'true')
    expect(remove).toHaveAccessibleDescription(/can't take away your own Can manage/)
    await user.click(remove)
    expect(within(rows).getByText('ada.lovelace@example.com')).toBeInTheDocument()
    const level = within(rows).getByRole('combobox', { name: 'Permission of ada.lovelace@example.com' })
    await user.selectOptions(level, 'Can view')
    await user.click(within(dialog).getByRole('button', { name: 'Save' }))
    expect(level).toHaveAttribute('aria-invalid', 'true')
    expect(level).toHaveAccessibleDescription(/can't take away your own Can manage/)
    expect(grants('recsys-ranker')).toContainEqual(['ada.lovelace@example.com', 'CAN_MANAGE'])
  })

  it('refuses an empty or repeated principal at the field', async () => {
    const { user, dialog } = await openPermissions('churn-predictor')
    const field = within(dialog).getByLabelText('Add user, group or service principal')
    await user.click(within(dialog).getByRole('button', { name: 'Add' }))
    expect(field).toHaveAccessibleDescription(expect.stringContaining('Enter a user, group or service principal.'))
    await user.type(field, 'admins')
    await user.click(within(dialog).getByRole('button', { name: 'Add' }))
    expect(field).toHaveAccessibleDescription(expect.stringContaining('admins already has a permission'))
  })

  it('keeps what was typed when the save fails', async () => {
    const { user, dialog, rows } = await openPermissions('churn-predictor')
    await user.type(within(dialog).getByLabelText('Add user, group or service principal'), 'grace.hopper@example.com')
    await user.click(within(dialog).getByRole('button', { name: 'Add' }))
    const id = controlPlane.get('churn-predictor').id ?? ''
    server.setControls({
      latencyMs: 0,
      faults: [{ method: 'PUT', path: `/api/2.0/permissions/serving-endpoints/${id}`, status: 500 }],
    })
    await user.click(within(dialog).getByRole('button', { name: 'Save' }))
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('The serving service answered 500')
    expect(within(rows).getByRole('combobox', { name: 'Permission of grace.hopper@example.com' })).toHaveValue('CAN_VIEW')
    expect(screen.getByRole('dialog', { name: 'Permissions' })).toBeInTheDocument()
  })
})

describe('actions the permission level forbids', () => {
  it('stay visible but disabled, with the reason, for Can query', async () => {
    await open('claude-summarizer')
    expect(screen.getByRole('button', { name: 'Query endpoint' })).not.toHaveAttribute('aria-disabled')
    for (const name of ['Edit endpoint', 'Delete', 'Permissions']) {
      const button = screen.getByRole('button', { name })
      expect(button).toHaveAttribute('aria-disabled', 'true')
      expect(button).toHaveAccessibleDescription(
        /editing, deleting, canceling an update and managing permissions need Can manage/,
      )
    }
  })

  it('disable Query too for Can view, and nothing opens on click', async () => {
    const { user } = await open('shared-embeddings')
    const query = screen.getByRole('button', { name: 'Query endpoint' })
    expect(query).toHaveAttribute('aria-disabled', 'true')
    expect(query).toHaveAccessibleDescription(/querying it needs Can query/)
    await user.click(query)
    await user.click(screen.getByRole('button', { name: 'Permissions' }))
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument()
  })

  it('follow the caller control', async () => {
    server.setControls({ latencyMs: 0, caller: { user_name: 'sam@example.com', groups: ['support'] } })
    await open('support-chat-gpt4o')
    expect(screen.getByRole('button', { name: 'Edit endpoint' })).toHaveAttribute('aria-disabled', 'true')
    expect(screen.getByText('Can query')).toBeInTheDocument()
  })
})
