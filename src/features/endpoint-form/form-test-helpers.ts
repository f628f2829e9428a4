// Steps a person takes in the create form, shared by this feature's component tests.
import { screen, within } from '@testing-library/react'
import type { RenderAppResult } from '../../test/render'

type User = RenderAppResult['user']

export const entityButton = (index = 0) => screen.getAllByRole('button', { name: /^Entity/ })[index]

export async function openEntityDialog(user: User, index = 0) {
  await user.click((await screen.findAllByRole('button', { name: /^Entity/ }, { timeout: 5000 }))[index])
  return screen.findByRole('dialog', { name: 'Select served entity' })
}

export async function chooseUcModel(user: User, model = 'main.default.churn_model', version = 'Version 4', index = 0) {
  const dialog = await openEntityDialog(user, index)
  const models = within(dialog).getByRole('combobox', { name: 'Model' })
  await within(models).findByRole('option', { name: model })
  await user.selectOptions(models, model)
  const versions = within(dialog).getByRole('combobox', { name: 'Version' })
  await within(versions).findByRole('option', { name: version })
  await user.selectOptions(versions, version)
  await user.click(within(dialog).getByRole('button', { name: 'Confirm' }))
}

export async function chooseOpenAi(user: User, { key = '{{secrets/team/openai}}', model = 'gpt-4o' } = {}) {
  const dialog = await openEntityDialog(user)
  await user.click(within(dialog).getByRole('radio', { name: 'Foundation models' }))
  await user.selectOptions(within(dialog).getByRole('combobox', { name: 'Select a foundation model' }), 'OpenAI')
  await user.type(
    within(dialog).getByLabelText('OpenAI API key'),
    key.replace(/[{[]/g, (c) => c + c),
  )
  await user.selectOptions(within(dialog).getByRole('combobox', { name: 'Task' }), 'Chat')
  await user.type(within(dialog).getByRole('combobox', { name: 'External model name' }), model)
  await user.click(within(dialog).getByRole('button', { name: 'Confirm' }))
}
