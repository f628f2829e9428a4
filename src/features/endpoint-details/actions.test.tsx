import { screen, within } from '@testing-library/react'
import { http, HttpResponse } from 'msw'
import { describe, expect, it, vi } from 'vitest'
import { controlPlane, server } from '../../mocks/node'
import { renderApp } from '../../test/render'

async function open(name: string) {
  const app = renderApp(`/ml/endpoints/${name}`)
  expect(await screen.findByRole('heading', { level: 1, name }, { timeout: 5000 })).toBeInTheDocument()
  return app
}

const fault = (method: string, path: string, status: number) =>
  server.setControls({ latencyMs: 0, faults: [{ method, path, status, times: 1 }] })

describe('tags', () => {
  it('adds and removes tags inline', async () => {
    const { user } = await open('churn-predictor')
    await user.click(screen.getByRole('button', { name: 'Add tag' }))
    const form = screen.getByRole('form', { name: 'Add tag' })
    await user.type(within(form).getByRole('textbox', { name: 'Key' }), 'owner')
    await user.type(within(form).getByRole('textbox', { name: /Value/ }), '<b>ml-platform</b>')
    await user.click(within(form).getByRole('button', { name: 'Save tag' }))

    const tags = await screen.findByRole('list', { name: 'Tags' })
    expect(await within(tags).findByText('owner: <b>ml-platform</b>')).toBeInTheDocument()
    expect(screen.queryByRole('form', { name: 'Add tag' })).not.toBeInTheDocument()

    await user.click(screen.getByRole('button', { name: 'Remove tag team' }))
    await vi.waitFor(() => expect(within(tags).queryByText('team: growth')).not.toBeInTheDocument())
    // Saved on the server, not only on screen.
    const fresh = (await (await fetch('http://localhost/api/2.0/serving-endpoints/churn-predictor')).json()) as {
      tags: { key: string }[]
    }
    expect(fresh.tags.map((t) => t.key)).toEqual(['owner'])
  })

  it('asks for a key at its field and keeps what was typed when the save fails', async () => {
    const { user } = await open('churn-predictor')
    await user.click(screen.getByRole('button', { name: 'Add tag' }))
    const form = screen.getByRole('form', { name: 'Add tag' })
    const value = within(form).getByRole('textbox', { name: /Value/ })
    await user.type(value, 'gold')
    await user.click(within(form).getByRole('button', { name: 'Save tag' }))
    const key = within(form).getByRole('textbox', { name: 'Key' })
    expect(key).toHaveAttribute('aria-invalid', 'true')
    expect(key).toHaveAccessibleDescription('Enter a tag key.')

    fault('PATCH', '/api/2.0/serving-endpoints/churn-predictor/tags', 500)
    await user.type(key, 'tier')
    await user.click(within(form).getByRole('button', { name: 'Save tag' }))
    expect(await within(form).findByRole('alert')).toHaveTextContent('The serving service answered 500')
    expect(key).toHaveValue('tier')
    expect(value).toHaveValue('gold')
  })

  it('shows an error the API gives for the key at the Key field, and keeps both fields', async () => {
    server.use(
      http.patch(
        '*/api/2.0/serving-endpoints/:name/tags',
        () =>
          HttpResponse.json(
            {
              error_code: 'INVALID_PARAMETER_VALUE',
              message: 'Tag key is reserved.',
              details: [{ '@type': 'type.googleapis.com/google.rpc.ErrorInfo', metadata: { field: 'add_tags[0].key' } }],
            },
            { status: 400 },
          ),
        { once: true },
      ),
    )
    const { user } = await open('churn-predictor')
    await user.click(screen.getByRole('button', { name: 'Add tag' }))
    const form = screen.getByRole('form', { name: 'Add tag' })
    const key = within(form).getByRole('textbox', { name: 'Key' })
    const value = within(form).getByRole('textbox', { name: /Value/ })
    await user.type(key, 'databricks')
    await user.type(value, 'yes')
    await user.click(within(form).getByRole('button', { name: 'Save tag' }))
    await vi.waitFor(() => expect(key).toHaveAccessibleDescription('Tag key is reserved.'))
    expect(key).toHaveAttribute('aria-invalid', 'true')
    expect(key).toHaveFocus()
    expect(within(form).queryByRole('alert')).not.toBeInTheDocument()
    expect(key).toHaveValue('databricks')
    expect(value).toHaveValue('yes')
  })

  it('checks the value too and sends nothing while a field is wrong', async () => {
    const { user } = await open('churn-predictor')
    await user.click(screen.getByRole('button', { name: 'Add tag' }))
    const form = screen.getByRole('form', { name: 'Add tag' })
    const value = within(form).getByRole('textbox', { name: /Value/ })
    await user.type(within(form).getByRole('textbox', { name: 'Key' }), 'tier')
    await user.click(value)
    await user.paste('v'.repeat(256))
    await user.click(within(form).getByRole('button', { name: 'Save tag' }))
    expect(value).toHaveAttribute('aria-invalid', 'true')
    expect(value).toHaveAccessibleDescription('Tag values are at most 255 characters.')
    expect(value).toHaveFocus()
    expect(controlPlane.get('churn-predictor').tags?.map((t) => t.key)).toEqual(['team'])
  })

  it('keeps a tag and says why when removing it fails', async () => {
    fault('PATCH', '/api/2.0/serving-endpoints/churn-predictor/tags', 503)
    const { user } = await open('churn-predictor')
    await user.click(screen.getByRole('button', { name: 'Remove tag team' }))
    expect(await screen.findByText(/Couldn't remove tag team/)).toBeInTheDocument()
    expect(screen.getByText('team: growth')).toBeInTheDocument()
  })
})

describe('Delete', () => {
  it('asks to confirm, says what stops working, deletes and returns to the list with a notice', async () => {
    const { user, router } = await open('churn-predictor')
    await user.click(screen.getByRole('button', { name: 'Delete' }))
    const dialog = await screen.findByRole('alertdialog', { name: 'Delete serving endpoint' })
    expect(dialog).toHaveAccessibleDescription(/stops answering queries/)
    await user.click(within(dialog).getByRole('button', { name: 'Delete' }))

    await vi.waitFor(() => expect(router.state.location.pathname).toBe('/ml/endpoints'))
    expect(await screen.findByText('Serving endpoint churn-predictor deleted.')).toBeInTheDocument()
    const gone = await fetch('http://localhost/api/2.0/serving-endpoints/churn-predictor')
    expect(gone.status).toBe(404)
  })

  it('is an alert dialog that starts on Cancel; Escape cancels and focus returns to Delete', async () => {
    const { user, router } = await open('churn-predictor')
    await user.click(screen.getByRole('button', { name: 'Delete' }))
    const dialog = await screen.findByRole('alertdialog', { name: 'Delete serving endpoint' })
    await vi.waitFor(() => expect(within(dialog).getByRole('button', { name: 'Cancel' })).toHaveFocus())

    await user.keyboard('{Escape}')
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Delete' })).toHaveFocus()
    expect(router.state.location.pathname).toBe('/ml/endpoints/churn-predictor')
    expect(controlPlane.get('churn-predictor').name).toBe('churn-predictor')

    // Opened again, it starts clean on Cancel, and Enter there cancels too.
    await user.keyboard('{Enter}')
    const again = await screen.findByRole('alertdialog', { name: 'Delete serving endpoint' })
    await vi.waitFor(() => expect(within(again).getByRole('button', { name: 'Cancel' })).toHaveFocus())
    await user.keyboard('{Enter}')
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument()
    expect(controlPlane.get('churn-predictor').name).toBe('churn-predictor')
  })

  it('keeps the dialog open with the reason when the delete fails, and Cancel keeps the endpoint', async () => {
    fault('DELETE', '/api/2.0/serving-endpoints/churn-predictor', 500)
    const { user, router } = await open('churn-predictor')
    await user.click(screen.getByRole('button', { name: 'Delete' }))
    const dialog = await screen.findByRole('alertdialog', { name: 'Delete serving endpoint' })
    await user.click(within(dialog).getByRole('button', { name: 'Delete' }))
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('The endpoint was not deleted')
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }))
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument()
    expect(router.state.location.pathname).toBe('/ml/endpoints/churn-predictor')
    expect(screen.getByRole('button', { name: 'Delete' })).toHaveFocus()
  })

  it('a delete that went through but whose answer was lost counts as done', async () => {
    server.use(
      http.delete(
        '*/api/2.0/serving-endpoints/:name',
        ({ params }) => {
          controlPlane.remove(String(params.name))
          return HttpResponse.error()
        },
        { once: true },
      ),
    )
    const { user, router } = await open('churn-predictor')
    await user.click(screen.getByRole('button', { name: 'Delete' }))
    await user.click(
      within(await screen.findByRole('alertdialog', { name: 'Delete serving endpoint' })).getByRole('button', { name: 'Delete' }),
    )
    await vi.waitFor(() => expect(router.state.location.pathname).toBe('/ml/endpoints'))
    expect(await screen.findByText('Serving endpoint churn-predictor deleted.')).toBeInTheDocument()
  })

  it('a dropped delete that never arrived says so, and the endpoint stays', async () => {
    server.use(http.delete('*/api/2.0/serving-endpoints/:name', () => HttpResponse.error(), { once: true }))
    const { user, router } = await open('churn-predictor')
    await user.click(screen.getByRole('button', { name: 'Delete' }))
    const dialog = await screen.findByRole('alertdialog', { name: 'Delete serving endpoint' })
    await user.click(within(dialog).getByRole('button', { name: 'Delete' }))
    const alert = await within(dialog).findByRole('alert')
    expect(alert).toHaveTextContent('The endpoint was not deleted')
    expect(alert).toHaveTextContent('Could not reach the server')
    expect(router.state.location.pathname).toBe('/ml/endpoints/churn-predictor')
    expect(controlPlane.get('churn-predictor').name).toBe('churn-predictor')
  })
})
