import { screen, waitFor, within } from '@testing-library/react'
import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { controlPlane, server } from '../../mocks/node'
import { renderApp } from '../../test/render'
import { chooseOpenAi, chooseUcModel, entityButton, openEntityDialog } from './form-test-helpers'

const ENDPOINTS = '/api/2.0/serving-endpoints'

async function fillBasics(user: ReturnType<typeof renderApp>['user'], name = 'churn-api') {
  await user.type(await screen.findByRole('textbox', { name: 'Name' }, { timeout: 5000 }), name)
  await chooseUcModel(user)
  await user.click(screen.getByRole('button', { name: 'Add tag' }))
  await user.type(screen.getByRole('textbox', { name: 'Key' }), 'team')
  await user.type(screen.getByRole('textbox', { name: /^Value/ }), 'ml <b>ops</b>')
}

function countPosts() {
  const posts: unknown[] = []
  server.events.removeAllListeners('request:start')
  server.events.on('request:start', async ({ request }) => {
    if (request.method === 'POST' && new URL(request.url).pathname === ENDPOINTS) posts.push(await request.clone().json())
  })
  return posts
}

function expectInputsKept() {
  expect(screen.getByRole('textbox', { name: 'Name' })).toHaveValue('churn-api')
  expect(entityButton()).toHaveAccessibleName('Entity main.default.churn_model · Version 4')
  expect(screen.getByRole('textbox', { name: /^Value/ })).toHaveValue('ml <b>ops</b>')
}

describe('Create serving endpoint', { timeout: 20_000 }, () => {
  it('creates a custom-model endpoint and opens its page', async () => {
    const posts = countPosts()
    const { user, router } = renderApp('/ml/endpoints/create')
    await fillBasics(user)
    await user.selectOptions(screen.getByRole('combobox', { name: 'Compute scale-out' }), 'Medium')
    await user.click(screen.getByRole('checkbox', { name: 'Scale to zero' }))
    await user.click(screen.getByRole('button', { name: 'Add rate limit' }))
    await user.type(screen.getByRole('textbox', { name: 'Calls per minute' }), '100')
    await user.click(screen.getByRole('button', { name: 'Create' }))
    await waitFor(() => expect(router.state.location.pathname).toBe('/ml/endpoints/churn-api'), { timeout: 8000 })
    expect(posts).toEqual([
      {
        name: 'churn-api',
        config: {
          served_entities: [
            {
              name: 'churn_model-4',
              entity_name: 'main.default.churn_model',
              entity_version: '4',
              workload_type: 'CPU',
              workload_size: 'Medium',
              scale_to_zero_enabled: false,
            },
          ],
          traffic_config: { routes: [{ served_entity_name: 'churn_model-4', traffic_percentage: 100 }] },
        },
        tags: [{ key: 'team', value: 'ml <b>ops</b>' }],
        rate_limits: [{ calls: 100, key: 'user', renewal_period: 'minute' }],
      },
    ])
  })

  it('sends a custom model’s environment variables, and refuses a bad name at its field first', async () => {
    const posts = countPosts()
    const { user, router } = renderApp('/ml/endpoints/create')
    await fillBasics(user)
    await user.click(screen.getByRole('button', { name: 'Add environment variable' }))
    await user.type(screen.getByRole('textbox', { name: 'Variable name' }), 'OPENAI-KEY')
    await user.type(screen.getByRole('textbox', { name: 'Variable value' }), '{{{{secrets/team/openai}}')
    await user.click(screen.getByRole('button', { name: 'Create' }))
    expect(await screen.findByRole('textbox', { name: 'Variable name' })).toHaveAccessibleDescription(
      'Variable names use letters, digits and underscores, and do not start with a digit.',
    )
    expect(posts).toEqual([])

    const name = screen.getByRole('textbox', { name: 'Variable name' })
    await user.clear(name)
    await user.type(name, 'OPENAI_API_KEY')
    await user.click(screen.getByRole('button', { name: 'Create' }))
    await waitFor(() => expect(router.state.location.pathname).toBe('/ml/endpoints/churn-api'), { timeout: 8000 })
    expect(posts).toHaveLength(1)
    expect(controlPlane.get('churn-api').pending_config?.served_entities[0].environment_vars).toEqual({
      OPENAI_API_KEY: '{{secrets/team/openai}}',
    })
    expect(await screen.findByText('Environment: OPENAI_API_KEY')).toBeInTheDocument()
  })

  it('checks the name, traffic and rate limits before sending anything', async () => {
    const posts = countPosts()
    const { user } = renderApp('/ml/endpoints/create')
    await user.type(await screen.findByRole('textbox', { name: 'Name' }, { timeout: 5000 }), 'databricks-mine')
    await chooseUcModel(user)
    await user.click(screen.getByRole('button', { name: 'Add served entity' }))
    await chooseUcModel(user, 'main.risk.fraud_detector', 'Version 7', 1)
    await user.type(screen.getAllByRole('textbox', { name: 'Traffic (%)' })[1], '20')
    await user.click(screen.getByRole('button', { name: 'Add rate limit' }))
    await user.type(screen.getByRole('textbox', { name: 'Calls per minute' }), '-5')
    await user.click(screen.getByRole('button', { name: 'Create' }))
    expect(screen.getByRole('textbox', { name: 'Name' })).toHaveAccessibleDescription(
      expect.stringContaining('Names starting with "databricks-" are reserved'),
    )
    const traffic = screen.getAllByRole('textbox', { name: 'Traffic (%)' })
    expect(traffic[1]).toHaveAttribute('aria-invalid', 'true')
    expect(traffic[1]).toHaveAccessibleDescription('Traffic must add up to 100% (now 120%).')
    expect(screen.getByRole('textbox', { name: 'Calls per minute' })).toHaveAccessibleDescription(
      'Rate limits must be non-negative integers',
    )
    expect(posts).toHaveLength(0)
  })

  it('puts a taken name (409) at the Name field and keeps every input', async () => {
    const { user } = renderApp('/ml/endpoints/create')
    await fillBasics(user, 'churn-predictor')
    await user.click(screen.getByRole('button', { name: 'Create' }))
    const name = screen.getByRole('textbox', { name: 'Name' })
    await waitFor(() => expect(name).toHaveAttribute('aria-invalid', 'true'))
    expect(name).toHaveAccessibleDescription(
      expect.stringContaining("Serving endpoint with name 'churn-predictor' already exists."),
    )
    expect(name).toHaveValue('churn-predictor')
    expect(screen.getByRole('textbox', { name: /^Value/ })).toHaveValue('ml <b>ops</b>')
  })

  it('puts a 400 about a provider field at the entity row and at that field in the dialog', async () => {
    server.use(
      http.post(ENDPOINTS, () =>
        HttpResponse.json(
          {
            error_code: 'INVALID_PARAMETER_VALUE',
            message: 'The secret {{secrets/team/openai}} does not exist.',
            details: [
              {
                '@type': 'type.googleapis.com/google.rpc.ErrorInfo',
                metadata: { field: 'served_entities[0].external_model.openai_config.openai_api_key' },
              },
            ],
          },
          { status: 400 },
        ),
      ),
    )
    const { user } = renderApp('/ml/endpoints/create')
    await user.type(await screen.findByRole('textbox', { name: 'Name' }, { timeout: 5000 }), 'gpt-proxy')
    await chooseOpenAi(user)
    await user.click(screen.getByRole('button', { name: 'Create' }))
    await waitFor(() => expect(entityButton()).toHaveAccessibleDescription('The secret {{secrets/team/openai}} does not exist.'))
    const dialog = await openEntityDialog(user)
    const key = within(dialog).getByLabelText('OpenAI API key')
    expect(key).toHaveAttribute('aria-invalid', 'true')
    expect(key).toHaveValue('{{secrets/team/openai}}')
  })

  it('shows a 503 in an alert above the buttons, keeps every input, and succeeds on retry', async () => {
    server.setControls({ faults: [{ method: 'POST', path: ENDPOINTS, status: 503, times: 1 }] })
    const { user, router } = renderApp('/ml/endpoints/create')
    await fillBasics(user)
    await user.click(screen.getByRole('button', { name: 'Create' }))
    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent('Could not create the endpoint')
    expectInputsKept()
    await user.click(screen.getByRole('button', { name: 'Create' }))
    await waitFor(() => expect(router.state.location.pathname).toBe('/ml/endpoints/churn-api'), { timeout: 8000 })
  })

  it('disables Create while the request runs', async () => {
    server.setControls({ latencyMs: 300 })
    const { user, router } = renderApp('/ml/endpoints/create')
    await fillBasics(user)
    await user.click(screen.getByRole('button', { name: 'Create' }))
    expect(screen.getByRole('button', { name: 'Create' })).toBeDisabled()
    await waitFor(() => expect(router.state.location.pathname).toBe('/ml/endpoints/churn-api'), { timeout: 8000 })
  })

  it('after a dropped connection, a retry looks the name up and does not create the endpoint twice', async () => {
    // The POST reaches the server, which creates the endpoint, but the answer never arrives.
    server.use(
      http.post(
        ENDPOINTS,
        async ({ request }) => {
          controlPlane.create(await request.json())
          return HttpResponse.error()
        },
        { once: true },
      ),
    )
    const posts = countPosts()
    const { user, router } = renderApp('/ml/endpoints/create')
    await fillBasics(user)
    await user.click(screen.getByRole('button', { name: 'Create' }))
    expect(await screen.findByRole('alert')).toHaveTextContent('Could not reach the server')
    expectInputsKept()
    await user.click(screen.getByRole('button', { name: 'Create' }))
    await waitFor(() => expect(router.state.location.pathname).toBe('/ml/endpoints/churn-api'), { timeout: 8000 })
    expect(posts).toHaveLength(1)
    expect(controlPlane.list().endpoints.filter((e) => e.name === 'churn-api')).toHaveLength(1)
  })

  it('Cancel asks before dropping typed input', async () => {
    const { user, router } = renderApp('/ml/endpoints/create')
    await user.type(await screen.findByRole('textbox', { name: 'Name' }, { timeout: 5000 }), 'half-typed')
    await user.click(screen.getByRole('button', { name: 'Cancel' }))
    const confirm = await screen.findByRole('dialog', { name: 'Discard unsaved changes?' })
    await user.click(within(confirm).getByRole('button', { name: 'Keep editing' }))
    expect(router.state.location.pathname).toBe('/ml/endpoints/create')
    expect(screen.getByRole('textbox', { name: 'Name' })).toHaveValue('half-typed')
    await user.click(screen.getByRole('button', { name: 'Cancel' }))
    await user.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Discard changes' }))
    await waitFor(() => expect(router.state.location.pathname).toBe('/ml/endpoints'))
  })

  it('a link in the page asks before dropping typed input, and goes where it led on Discard', async () => {
    const { user, router } = renderApp('/ml/endpoints/create')
    await user.type(await screen.findByRole('textbox', { name: 'Name' }, { timeout: 5000 }), 'half-typed')
    await user.click(screen.getByRole('link', { name: 'Serving' }))
    const confirm = await screen.findByRole('dialog', { name: 'Discard unsaved changes?' })
    await user.click(within(confirm).getByRole('button', { name: 'Keep editing' }))
    expect(router.state.location.pathname).toBe('/ml/endpoints/create')
    expect(screen.getByRole('textbox', { name: 'Name' })).toHaveValue('half-typed')
    await user.click(screen.getByRole('link', { name: 'Serving Console' }))
    await user.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Discard changes' }))
    await waitFor(() => expect(router.state.location.pathname).toBe('/ml/endpoints'))
  })

  it('Cancel on an untouched form leaves at once', async () => {
    const { user, router } = renderApp('/ml/endpoints/create')
    await user.click(await screen.findByRole('button', { name: 'Cancel' }, { timeout: 5000 }))
    await waitFor(() => expect(router.state.location.pathname).toBe('/ml/endpoints'))
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument()
  })
})
