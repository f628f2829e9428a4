import { screen, waitFor, within } from '@testing-library/react'
import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { clock, controlPlane, server } from '../../mocks/node'
import { renderApp } from '../../test/render'
import { entityButton, openEntityDialog } from './form-test-helpers'

const requests: string[] = []
function recordWrites() {
  requests.length = 0
  server.events.removeAllListeners('request:start')
  server.events.on('request:start', ({ request }) => {
    if (request.method !== 'GET') requests.push(`${request.method} ${new URL(request.url).pathname}`)
  })
}

async function loaded(path: string) {
  const app = renderApp(path)
  await screen.findByRole('heading', { level: 1, name: 'Edit serving endpoint' }, { timeout: 5000 })
  await screen.findByRole('textbox', { name: 'Name' }, { timeout: 5000 })
  return app
}

/** Sets the two entities of churn-predictor to 50/50 and adds a tag `stage`. */
async function splitEvenlyAndTag(user: ReturnType<typeof renderApp>['user']) {
  const traffic = screen.getAllByRole('textbox', { name: 'Traffic (%)' })
  for (const input of traffic) {
    await user.clear(input)
    await user.type(input, '50')
  }
  await user.click(screen.getByRole('button', { name: 'Add tag' }))
  const keys = screen.getAllByRole('textbox', { name: 'Key' })
  await user.type(keys[keys.length - 1], 'stage')
}

describe('Edit serving endpoint', { timeout: 20_000 }, () => {
  it('prefills from the endpoint, keeps the name read-only, and sends only what changed', async () => {
    recordWrites()
    const { user, router } = await loaded('/ml/endpoints/churn-predictor/edit')
    expect(screen.getByRole('textbox', { name: 'Name' })).toHaveAttribute('readonly')
    expect(screen.getByRole('textbox', { name: 'Name' })).toHaveValue('churn-predictor')
    const traffic = screen.getAllByRole('textbox', { name: 'Traffic (%)' })
    expect(traffic.map((t) => (t as HTMLInputElement).value)).toEqual(['80', '20'])
    await splitEvenlyAndTag(user)
    await user.click(screen.getByRole('button', { name: 'Update' }))
    await waitFor(() => expect(router.state.location.pathname).toBe('/ml/endpoints/churn-predictor'))
    expect(requests).toEqual([
      'PUT /api/2.0/serving-endpoints/churn-predictor/config',
      'PATCH /api/2.0/serving-endpoints/churn-predictor/tags',
    ])
    expect(controlPlane.get('churn-predictor').pending_config?.traffic_config.routes.map((r) => r.traffic_percentage)).toEqual([
      50, 50,
    ])
  })

  it('prefills a custom model’s environment variables, and a removed one is gone from the update', async () => {
    controlPlane.create({
      name: 'env-model',
      config: {
        served_entities: [
          {
            entity_name: 'main.default.churn_model',
            entity_version: '4',
            workload_size: 'Small',
            scale_to_zero_enabled: true,
            environment_vars: { THRESHOLD: '0.7', API_KEY: '{{secrets/team/key}}' },
          },
        ],
      },
    })
    clock.advance(60_000)
    const { user, router } = await loaded('/ml/endpoints/env-model/edit')
    const names = screen.getAllByRole('textbox', { name: 'Variable name' })
    expect(names.map((n) => (n as HTMLInputElement).value)).toEqual(['THRESHOLD', 'API_KEY'])
    expect(screen.getAllByRole('textbox', { name: 'Variable value' })[1]).toHaveValue('{{secrets/team/key}}')
    await user.click(screen.getByRole('button', { name: 'Remove environment variable 1 of served entity 1' }))
    await user.click(screen.getByRole('button', { name: 'Update' }))
    await waitFor(() => expect(router.state.location.pathname).toBe('/ml/endpoints/env-model'))
    expect(controlPlane.get('env-model').pending_config?.served_entities[0].environment_vars).toEqual({
      API_KEY: '{{secrets/team/key}}',
    })
  })

  it('shows a stored plain-text secret as unchanged, never shows it, and keeps it when left empty', async () => {
    controlPlane.create({
      name: 'plain-gpt',
      config: {
        served_entities: [
          {
            external_model: {
              name: 'gpt-4o',
              provider: 'openai',
              task: 'llm/v1/chat',
              openai_config: { openai_api_key_plaintext: 'sk-very-secret' },
            },
          },
        ],
      },
    })
    clock.advance(60_000)
    const bodies: unknown[] = []
    server.events.removeAllListeners('request:start')
    server.events.on('request:start', async ({ request }) => {
      if (request.method === 'PUT') bodies.push(await request.clone().json())
    })
    const { user, router } = await loaded('/ml/endpoints/plain-gpt/edit')
    expect(entityButton()).toHaveAccessibleName('Entity OpenAI · gpt-4o · Chat')
    const dialog = await openEntityDialog(user)
    const key = within(dialog).getByLabelText('OpenAI API key')
    expect(key).toHaveAttribute('type', 'password')
    expect(key).toHaveValue('')
    expect(key).toHaveAccessibleDescription(expect.stringContaining('A value is stored. Leave empty to keep it'))
    const name = within(dialog).getByRole('combobox', { name: 'External model name' })
    await user.clear(name)
    await user.type(name, 'gpt-4o-mini')
    // The derived name would follow the model to gpt-4o-mini; the stored key stays with served entity gpt-4o.
    await user.click(within(dialog).getByRole('button', { name: 'Confirm' }))
    expect(key).toHaveAccessibleDescription(expect.stringContaining('The stored value belongs to served entity "gpt-4o"'))
    await user.type(within(dialog).getByRole('textbox', { name: /^Served entity name/ }), 'gpt-4o')
    await user.click(within(dialog).getByRole('button', { name: 'Confirm' }))
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument())
    expect(screen.getByText('OpenAI API key').nextElementSibling).toHaveTextContent('Stored plain-text value (hidden)')
    expect(document.body).not.toHaveTextContent('sk-very-secret')
    await user.click(screen.getByRole('button', { name: 'Update' }))
    await waitFor(() => expect(router.state.location.pathname).toBe('/ml/endpoints/plain-gpt'))
    expect(bodies).toHaveLength(1)
    expect(JSON.stringify(bodies[0])).not.toContain('openai_api_key')
    expect(controlPlane.get('plain-gpt').pending_config?.served_entities[0].external_model?.name).toBe('gpt-4o-mini')
  })

  it('a derived served-entity name follows the model on edit; a name the person set stays', async () => {
    controlPlane.create({
      name: 'openai-derived',
      config: {
        served_entities: [
          {
            external_model: {
              name: 'text-embedding-ada-002',
              provider: 'openai',
              task: 'llm/v1/embeddings',
              openai_config: { openai_api_key: '{{secrets/team/openai}}' },
            },
          },
        ],
      },
    })
    controlPlane.create({
      name: 'openai-named',
      config: {
        served_entities: [
          {
            name: 'openai_embeddings',
            external_model: {
              name: 'text-embedding-ada-002',
              provider: 'openai',
              task: 'llm/v1/embeddings',
              openai_config: { openai_api_key: '{{secrets/team/openai}}' },
            },
          },
        ],
      },
    })
    clock.advance(60_000)
    for (const [endpoint, expected] of [
      ['openai-derived', 'gpt-4'],
      ['openai-named', 'openai_embeddings'],
    ] as const) {
      const { user, router, unmount } = await loaded(`/ml/endpoints/${endpoint}/edit`)
      const dialog = await openEntityDialog(user)
      const served = within(dialog).getByRole('textbox', { name: /^Served entity name/ })
      expect(served).toHaveValue(endpoint === 'openai-named' ? 'openai_embeddings' : '')
      await user.selectOptions(within(dialog).getByRole('combobox', { name: 'Task' }), 'Chat')
      const model = within(dialog).getByRole('combobox', { name: 'External model name' })
      await user.clear(model)
      await user.type(model, 'gpt-4')
      await user.keyboard('{Escape}')
      await user.click(within(dialog).getByRole('button', { name: 'Confirm' }))
      await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument())
      await user.click(screen.getByRole('button', { name: 'Update' }))
      await waitFor(() => expect(router.state.location.pathname).toBe(`/ml/endpoints/${endpoint}`), { timeout: 5000 })
      const pending = controlPlane.get(endpoint).pending_config
      expect(pending?.served_entities.map((e) => [e.name, e.external_model?.name, e.external_model?.task])).toEqual([
        [expected, 'gpt-4', 'llm/v1/chat'],
      ])
      expect(pending?.traffic_config.routes.map((r) => r.served_entity_name)).toEqual([expected])
      unmount()
    }
  })

  it('refuses to switch an external-model endpoint to another kind of entity', async () => {
    const { user } = await loaded('/ml/endpoints/support-chat-gpt4o/edit')
    const dialog = await openEntityDialog(user)
    await user.click(within(dialog).getByRole('radio', { name: 'Unity Catalog model' }))
    const models = within(dialog).getByRole('combobox', { name: 'Model' })
    await within(models).findByRole('option', { name: 'main.default.churn_model' })
    await user.selectOptions(models, 'main.default.churn_model')
    const versions = within(dialog).getByRole('combobox', { name: 'Version' })
    await within(versions).findByRole('option', { name: 'Version 4' })
    await user.selectOptions(versions, 'Version 4')
    await user.click(within(dialog).getByRole('button', { name: 'Confirm' }))
    expect(models).toHaveAccessibleDescription(expect.stringContaining('cannot switch to another kind of entity'))
  })

  it('explains why it cannot update while an update is in progress', async () => {
    await loaded('/ml/endpoints/recsys-ranker/edit')
    expect(screen.getByText('Cannot edit endpoint when pending update is in progress.')).toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Update' })).toBeDisabled()
  })

  it('after the config is saved but the tags fail, lets the person retry the tags without waiting for the update', async () => {
    recordWrites()
    server.use(
      http.patch(
        '*/api/2.0/serving-endpoints/:name/tags',
        () => HttpResponse.json({ error_code: 'INTERNAL_ERROR', message: 'The tag store is unavailable.' }, { status: 500 }),
        { once: true },
      ),
    )
    const { user, router } = await loaded('/ml/endpoints/churn-predictor/edit')
    await splitEvenlyAndTag(user)
    await user.click(screen.getByRole('button', { name: 'Update' }))

    // Says what did happen: the new traffic split is live (updating), only the tag is missing.
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'The served entities were saved; the tags were not. The tag store is unavailable.',
    )
    expect(screen.getAllByRole('textbox', { name: 'Key' }).at(-1)).toHaveValue('stage')
    // Its own config update is in progress now; that must not lock the form against the tags.
    expect(screen.queryByText('Cannot edit endpoint when pending update is in progress.')).not.toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Update' })).toBeEnabled()
    await user.click(screen.getByRole('button', { name: 'Update' }))
    await waitFor(() => expect(router.state.location.pathname).toBe('/ml/endpoints/churn-predictor'))
    expect(requests).toEqual([
      'PUT /api/2.0/serving-endpoints/churn-predictor/config',
      'PATCH /api/2.0/serving-endpoints/churn-predictor/tags',
      'PATCH /api/2.0/serving-endpoints/churn-predictor/tags',
    ])
    expect(controlPlane.get('churn-predictor').tags?.map((t) => t.key)).toContain('stage')
  })
})
