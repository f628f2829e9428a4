import { screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { renderApp } from '../../test/render'
import { chooseOpenAi, chooseUcModel, entityButton, openEntityDialog } from './form-test-helpers'

describe('Select served entity dialog', { timeout: 20_000 }, () => {
  it('shows the chosen provider’s fields live, and only the tasks it supports', async () => {
    const { user } = renderApp('/ml/endpoints/create')
    const dialog = await openEntityDialog(user)
    await user.click(within(dialog).getByRole('radio', { name: 'Foundation models' }))
    const picker = within(dialog).getByRole('combobox', { name: 'Select a foundation model' })
    expect(within(picker).getByRole('group', { name: 'External model providers' })).toBeInTheDocument()
    expect(within(picker).getByRole('group', { name: 'Foundation Model APIs' })).toBeInTheDocument()

    await user.selectOptions(picker, 'Anthropic')
    expect(within(dialog).getByLabelText('Anthropic API key')).toBeInTheDocument()
    const task = within(dialog).getByRole('combobox', { name: 'Task' })
    expect(within(task).getAllByRole('option').map((o) => o.textContent)).toEqual(['Select a task', 'Chat', 'Completions'])

    await user.selectOptions(picker, 'Azure OpenAI')
    expect(within(dialog).queryByLabelText('Anthropic API key')).not.toBeInTheDocument()
    expect(within(dialog).getByLabelText('Azure OpenAI API key')).toBeInTheDocument()
    await user.click(within(dialog).getByRole('radio', { name: 'Microsoft Entra ID' }))
    expect(within(dialog).queryByLabelText('Azure OpenAI API key')).not.toBeInTheDocument()
    expect(within(dialog).getByLabelText('Microsoft Entra tenant ID')).toBeInTheDocument()
    expect(within(dialog).getByLabelText('Microsoft Entra client secret')).toBeInTheDocument()
  })

  it('suggests model names for the provider and task, and clears a suggestion that no longer applies', async () => {
    const { user } = renderApp('/ml/endpoints/create')
    const dialog = await openEntityDialog(user)
    await user.click(within(dialog).getByRole('radio', { name: 'Foundation models' }))
    await user.selectOptions(within(dialog).getByRole('combobox', { name: 'Select a foundation model' }), 'OpenAI')
    await user.selectOptions(within(dialog).getByRole('combobox', { name: 'Task' }), 'Embeddings')
    const name = within(dialog).getByRole('combobox', { name: 'External model name' })
    const list = document.getElementById(name.getAttribute('list') ?? '')
    expect([...(list?.querySelectorAll('option') ?? [])].map((o) => o.value)).toContain('text-embedding-3-small')
    await user.type(name, 'text-embedding-3-small')
    await user.selectOptions(within(dialog).getByRole('combobox', { name: 'Task' }), 'Chat')
    expect(name).toHaveValue('')
    await user.type(name, 'ft:gpt-4o:acme')
    await user.selectOptions(within(dialog).getByRole('combobox', { name: 'Task' }), 'Completions')
    expect(name).toHaveValue('ft:gpt-4o:acme')
  })

  it('Confirm shows a message at each missing field and does not submit the outer form', async () => {
    const { user } = renderApp('/ml/endpoints/create')
    const dialog = await openEntityDialog(user)
    await user.click(within(dialog).getByRole('radio', { name: 'Foundation models' }))
    await user.selectOptions(within(dialog).getByRole('combobox', { name: 'Select a foundation model' }), 'Amazon Bedrock')
    await user.click(within(dialog).getByRole('button', { name: 'Confirm' }))
    for (const [label, message] of [
      ['AWS region', 'AWS region is required.'],
      ['AWS access key ID', 'AWS access key ID is required.'],
      ['AWS secret access key', 'AWS secret access key is required.'],
      ['External model name', 'Enter the external model name.'],
    ]) {
      const input = within(dialog).getByLabelText(label)
      expect(input).toHaveAttribute('aria-invalid', 'true')
      expect(input).toHaveAccessibleDescription(expect.stringContaining(message))
    }
    expect(within(dialog).getByRole('combobox', { name: 'Task' })).toHaveAccessibleDescription('Select a task.')
    // The outer form was not submitted: its Name has no error.
    expect(screen.getByRole('textbox', { name: 'Name', hidden: true })).not.toHaveAttribute('aria-invalid')
  })

  it('refuses a malformed secret reference and masks a plain-text secret', async () => {
    const { user } = renderApp('/ml/endpoints/create')
    const dialog = await openEntityDialog(user)
    await user.click(within(dialog).getByRole('radio', { name: 'Foundation models' }))
    await user.selectOptions(within(dialog).getByRole('combobox', { name: 'Select a foundation model' }), 'Cohere')
    await user.type(within(dialog).getByLabelText('Cohere API key'), 'sk-raw')
    await user.click(within(dialog).getByRole('button', { name: 'Confirm' }))
    expect(within(dialog).getByLabelText('Cohere API key')).toHaveAccessibleDescription(
      expect.stringContaining('Enter a secret reference like {{secrets/<scope>/<key>}}'),
    )
    const source = within(dialog).getByRole('radiogroup', { name: 'Cohere API key source' })
    await user.click(within(source).getByRole('radio', { name: 'Plain text' }))
    const secret = within(dialog).getByLabelText('Cohere API key')
    expect(secret).toHaveAttribute('type', 'password')
    expect(secret).toHaveAttribute('autocomplete', 'off')
    expect(secret).toHaveValue('')
  })

  it('Escape and Cancel change nothing and return focus to the Entity button', async () => {
    const { user } = renderApp('/ml/endpoints/create')
    await chooseUcModel(user)
    expect(entityButton()).toHaveAccessibleName('Entity main.default.churn_model · Version 4')
    let dialog = await openEntityDialog(user)
    await user.click(within(dialog).getByRole('radio', { name: 'Foundation models' }))
    await user.keyboard('{Escape}')
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument())
    expect(entityButton()).toHaveFocus()
    expect(entityButton()).toHaveAccessibleName('Entity main.default.churn_model · Version 4')
    dialog = await openEntityDialog(user)
    expect(within(dialog).getByRole('radio', { name: 'Unity Catalog model' })).toBeChecked()
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }))
    expect(entityButton()).toHaveFocus()
  })

  it('Confirm writes the choice into the row and disables Add served entity for an external model', async () => {
    const { user } = renderApp('/ml/endpoints/create')
    await chooseOpenAi(user)
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument())
    expect(entityButton()).toHaveAccessibleName('Entity OpenAI · gpt-4o · Chat')
    expect(entityButton()).toHaveFocus()
    expect(screen.getByRole('button', { name: 'Add served entity' })).toBeDisabled()
    expect(screen.queryByRole('textbox', { name: 'Traffic (%)' })).not.toBeInTheDocument()
  })
})
