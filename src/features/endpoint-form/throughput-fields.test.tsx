import { screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { controlPlane } from '../../mocks/node'
import { renderApp } from '../../test/render'
import { openEntityDialog } from './form-test-helpers'

type User = ReturnType<typeof renderApp>['user']

async function pick(user: User, dialog: HTMLElement, model: string, version: string) {
  const models = within(dialog).getByRole('combobox', { name: 'Model' })
  await within(models).findByRole('option', { name: model })
  await user.selectOptions(models, model)
  const versions = within(dialog).getByRole('combobox', { name: 'Version' })
  await within(versions).findByRole('option', { name: version })
  await user.selectOptions(versions, version)
}

describe('provisioned throughput for a fine-tuned catalog model', { timeout: 20_000 }, () => {
  it('offers the throughput in the chunk’s steps and serves the model with it', async () => {
    const { user } = renderApp('/ml/endpoints/create')
    await user.type(await screen.findByRole('textbox', { name: 'Name' }, { timeout: 5000 }), 'support-llama')
    const dialog = await openEntityDialog(user)
    await pick(user, dialog, 'main.finetune.llama_3_1_8b_support', 'Version 2')
    const max = await within(dialog).findByRole('combobox', { name: 'Maximum throughput (tokens/s)' })
    expect(
      within(max)
        .getAllByRole('option')
        .slice(0, 3)
        .map((o) => o.textContent),
    ).toEqual(['None', '980', '1,960'])
    await user.selectOptions(within(dialog).getByRole('combobox', { name: 'Minimum throughput (tokens/s)' }), '1,960')
    await user.selectOptions(max, '980')
    await user.click(within(dialog).getByRole('button', { name: 'Confirm' }))
    const min = within(dialog).getByRole('combobox', { name: 'Minimum throughput (tokens/s)' })
    expect(min).toHaveAccessibleDescription('The minimum must not exceed the maximum.')

    await user.selectOptions(max, '2,940')
    await user.click(within(dialog).getByRole('button', { name: 'Confirm' }))
    expect(await screen.findByText(/Provisioned throughput 1,960–2,940 tokens\/s/)).toBeInTheDocument()
    expect(screen.getByText('1,960–2,940 tokens/s')).toBeInTheDocument()
    expect(screen.queryByRole('combobox', { name: 'Compute scale-out' })).not.toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: 'Create' }))
    await screen.findByRole('heading', { level: 1, name: 'support-llama' }, { timeout: 5000 })
    expect(controlPlane.get('support-llama').pending_config?.served_entities[0]).toMatchObject({
      entity_name: 'main.finetune.llama_3_1_8b_support',
      min_provisioned_throughput: 1960,
      max_provisioned_throughput: 2940,
    })
  })

  it('offers no throughput for a model that is not an optimizable LLM', async () => {
    const { user } = renderApp('/ml/endpoints/create')
    const dialog = await openEntityDialog(user)
    await pick(user, dialog, 'main.default.churn_model', 'Version 4')
    await within(dialog).findByRole('combobox', { name: 'Version' })
    expect(within(dialog).queryByRole('group', { name: 'Provisioned throughput' })).not.toBeInTheDocument()
  })
})
