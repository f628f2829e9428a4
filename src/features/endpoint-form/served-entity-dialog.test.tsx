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
    expect(
      within(task)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['Select a task', 'Chat', 'Completions'])

    await user.selectOptions(picker, 'Azure OpenAI')
    expect(within(dialog).queryByLabelText('Anthropic API key')).not.toBeInTheDocument()
    expect(within(dialog).getByLabelText('Azure OpenAI API key')).toBeInTheDocument()
    await user.click(within(dialog).getByRole('radio', { name: 'Microsoft Entra ID' }))
    expect(within(dialog).queryByLabelText('Azure OpenAI API key')).not.toBeInTheDocument()
    expect(within(dialog).getByLabelText('Microsoft Entra tenant ID')).toBeInTheDocument()
    expect(within(dialog).getByLabelText('Microsoft Entra client secret')).toBeInTheDocument()
  })

  it('lists the provider’s models for the task visibly, and clears a suggestion that no longer applies', async () => {
    const { user } = renderApp('/ml/endpoints/create')
    const dialog = await openEntityDialog(user)
    await user.click(within(dialog).getByRole('radio', { name: 'Foundation models' }))
    await user.selectOptions(within(dialog).getByRole('combobox', { name: 'Select a foundation model' }), 'OpenAI')
    await user.selectOptions(within(dialog).getByRole('combobox', { name: 'Task' }), 'Embeddings')
    const name = within(dialog).getByRole('combobox', { name: 'External model name' })
    await user.click(name)
    const list = within(dialog).getByRole('listbox', { name: 'Suggested model names' })
    expect(list).toBeVisible()
    expect(
      within(list)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['text-embedding-3-large', 'text-embedding-3-small', 'text-embedding-ada-002'])
    await user.click(within(list).getByRole('option', { name: 'text-embedding-3-small' }))
    expect(name).toHaveValue('text-embedding-3-small')
    await user.selectOptions(within(dialog).getByRole('combobox', { name: 'Task' }), 'Chat')
    expect(name).toHaveValue('')
    await user.type(name, 'ft:gpt-4o:acme')
    expect(within(dialog).queryByRole('listbox', { name: 'Suggested model names' })).not.toBeInTheDocument()
    await user.selectOptions(within(dialog).getByRole('combobox', { name: 'Task' }), 'Completions')
    expect(name).toHaveValue('ft:gpt-4o:acme')
  })

  it('model names: typing filters, arrows and Enter pick one, and Escape closes the list before the dialog', async () => {
    const { user } = renderApp('/ml/endpoints/create')
    const dialog = await openEntityDialog(user)
    await user.click(within(dialog).getByRole('radio', { name: 'Foundation models' }))
    await user.selectOptions(within(dialog).getByRole('combobox', { name: 'Select a foundation model' }), 'OpenAI')
    await user.selectOptions(within(dialog).getByRole('combobox', { name: 'Task' }), 'Chat')
    const name = within(dialog).getByRole('combobox', { name: 'External model name' })
    await user.type(name, 'mini')
    const list = within(dialog).getByRole('listbox', { name: 'Suggested model names' })
    expect(
      within(list)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['gpt-4o-mini', 'o3-mini'])
    await user.keyboard('{ArrowDown}{ArrowDown}{Enter}')
    expect(name).toHaveValue('o3-mini')
    expect(screen.getByRole('dialog', { name: 'Select served entity' })).toBeInTheDocument()
    await user.keyboard('{ArrowDown}')
    expect(within(dialog).getByRole('listbox', { name: 'Suggested model names' })).toBeVisible()
    await user.keyboard('{Escape}')
    expect(within(dialog).queryByRole('listbox', { name: 'Suggested model names' })).not.toBeInTheDocument()
    expect(screen.getByRole('dialog', { name: 'Select served entity' })).toBeInTheDocument()
    expect(name).toHaveValue('o3-mini')
    await user.keyboard('{Escape}')
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument())
  })

  it('suggests the other workspace’s serving endpoints for Databricks Model Serving, and says a custom provider takes free text', async () => {
    const { user } = renderApp('/ml/endpoints/create')
    const dialog = await openEntityDialog(user)
    await user.click(within(dialog).getByRole('radio', { name: 'Foundation models' }))
    const picker = within(dialog).getByRole('combobox', { name: 'Select a foundation model' })
    await user.selectOptions(picker, 'Databricks Model Serving')
    await user.selectOptions(within(dialog).getByRole('combobox', { name: 'Task' }), 'Embeddings')
    await user.click(within(dialog).getByRole('combobox', { name: 'External model name' }))
    const list = within(dialog).getByRole('listbox', { name: 'Suggested model names' })
    expect(within(list).getByRole('option', { name: 'databricks-gte-large-en' })).toBeVisible()
    await user.selectOptions(picker, 'Custom provider')
    await user.selectOptions(within(dialog).getByRole('combobox', { name: 'Task' }), 'Chat')
    const name = within(dialog).getByRole('combobox', { name: 'External model name' })
    expect(name).toHaveAccessibleDescription('Type the name of the model Custom provider serves.')
    await user.type(name, 'my-llm')
    expect(name).toHaveValue('my-llm')
  })

  it('puts required fields first and focuses the first invalid one, in visual order, on Confirm', async () => {
    const { user } = renderApp('/ml/endpoints/create')
    const dialog = await openEntityDialog(user)
    await user.click(within(dialog).getByRole('radio', { name: 'Foundation models' }))
    await user.selectOptions(within(dialog).getByRole('combobox', { name: 'Select a foundation model' }), 'OpenAI')
    const labels = [...dialog.querySelectorAll('label')].map((l) => l.textContent)
    const at = (label: string) => labels.indexOf(label)
    expect(at('OpenAI API key')).toBeGreaterThan(-1)
    for (const optional of ['OpenAI API base (optional)', 'OpenAI organization (optional)', 'Served entity name (optional)']) {
      expect(at(optional)).toBeGreaterThan(at('OpenAI API key'))
      expect(at(optional)).toBeGreaterThan(at('Task'))
      expect(at(optional)).toBeGreaterThan(at('External model name'))
    }
    await user.click(within(dialog).getByRole('button', { name: 'Confirm' }))
    await waitFor(() => expect(within(dialog).getByLabelText('OpenAI API key')).toHaveFocus())
    await user.type(within(dialog).getByLabelText('OpenAI API key'), '{{{{secrets/team/openai}}')
    await user.click(within(dialog).getByRole('button', { name: 'Confirm' }))
    await waitFor(() => expect(within(dialog).getByRole('combobox', { name: 'Task' })).toHaveFocus())
  })

  it('takes an optional Served entity name and refuses one the API would refuse, at the field', async () => {
    const { user } = renderApp('/ml/endpoints/create')
    const dialog = await openEntityDialog(user)
    await user.click(within(dialog).getByRole('radio', { name: 'Foundation models' }))
    await user.selectOptions(within(dialog).getByRole('combobox', { name: 'Select a foundation model' }), 'OpenAI')
    await user.type(within(dialog).getByLabelText('OpenAI API key'), '{{{{secrets/team/openai}}')
    await user.selectOptions(within(dialog).getByRole('combobox', { name: 'Task' }), 'Embeddings')
    await user.type(within(dialog).getByRole('combobox', { name: 'External model name' }), 'text-embedding-ada-002')
    const served = within(dialog).getByRole('textbox', { name: /^Served entity name/ })
    expect(served).toHaveAttribute('placeholder', 'text-embedding-ada-002')
    await user.type(served, 'openai embeddings')
    await user.click(within(dialog).getByRole('button', { name: 'Confirm' }))
    expect(served).toHaveAttribute('aria-invalid', 'true')
    expect(served).toHaveAccessibleDescription(
      expect.stringContaining('may contain only letters, digits, dashes (-) and underscores (_)'),
    )
    await waitFor(() => expect(served).toHaveFocus())
    await user.clear(served)
    await user.type(served, 'openai_embeddings')
    await user.click(within(dialog).getByRole('button', { name: 'Confirm' }))
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument())
    expect(screen.getByText('Served entity name').nextElementSibling).toHaveTextContent('openai_embeddings')
  })

  it('shows the chosen settings on the card — secrets as references, plain text hidden — behind a clear Change button', async () => {
    const { user } = renderApp('/ml/endpoints/create')
    const dialog = await openEntityDialog(user)
    await user.click(within(dialog).getByRole('radio', { name: 'Foundation models' }))
    await user.selectOptions(within(dialog).getByRole('combobox', { name: 'Select a foundation model' }), 'Azure OpenAI')
    await user.type(within(dialog).getByLabelText('Azure OpenAI API base'), 'https://acme.openai.azure.com')
    await user.type(within(dialog).getByLabelText('Deployment name'), 'gpt4o-prod')
    await user.type(within(dialog).getByLabelText('API version'), '2024-06-01')
    const source = within(dialog).getByRole('radiogroup', { name: 'Azure OpenAI API key source' })
    await user.click(within(source).getByRole('radio', { name: 'Plain text' }))
    await user.type(within(dialog).getByLabelText('Azure OpenAI API key'), 'sk-azure-very-secret')
    await user.selectOptions(within(dialog).getByRole('combobox', { name: 'Task' }), 'Chat')
    await user.type(within(dialog).getByRole('combobox', { name: 'External model name' }), 'gpt-4o')
    await user.click(within(dialog).getByRole('button', { name: 'Confirm' }))
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument())

    const details = Object.fromEntries(
      [...document.querySelectorAll('dt')].map((dt) => [dt.textContent, dt.nextElementSibling?.textContent]),
    )
    expect(details).toEqual({
      'Served entity name': 'gpt-4o (from the model)',
      Provider: 'Azure OpenAI',
      Task: 'Chat',
      Model: 'gpt-4o',
      Authentication: 'API key',
      'Azure OpenAI API base': 'https://acme.openai.azure.com',
      'Deployment name': 'gpt4o-prod',
      'API version': '2024-06-01',
      'Azure OpenAI API key': 'Plain-text value (hidden)',
    })
    expect(document.body).not.toHaveTextContent('sk-azure-very-secret')
    expect(entityButton()).toHaveAccessibleName('Entity Azure OpenAI · gpt-4o · Chat')
    expect(entityButton()).toHaveTextContent('Change…')
    expect(entityButton().querySelector('svg')).not.toBeNull()
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
    ]) {
      const input = within(dialog).getByLabelText(label)
      expect(input).toHaveAttribute('aria-invalid', 'true')
      expect(input).toHaveAccessibleDescription(expect.stringContaining(message))
    }
    expect(within(dialog).getByRole('combobox', { name: 'Task' })).toHaveAccessibleDescription('Select a task.')
    const model = within(dialog).getByRole('combobox', { name: 'External model name' })
    expect(model).toHaveAttribute('aria-invalid', 'true')
    expect(model).toHaveAccessibleDescription(expect.stringContaining('Enter the external model name.'))
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
      expect.stringContaining('Cohere API key must be a secret reference like {{secrets/<scope>/<key>}}.'),
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
