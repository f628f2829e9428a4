import { act, screen, within } from '@testing-library/react'
import { http, HttpResponse } from 'msw'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { server } from '../../mocks/node'
import { renderApp } from '../../test/render'

async function open(name: string) {
  const app = renderApp(`/ml/endpoints/${name}`)
  expect(await screen.findByRole('heading', { level: 1, name }, { timeout: 5000 })).toBeInTheDocument()
  return app
}

afterEach(() => vi.useRealTimers())

describe('endpoint details', () => {
  it('shows active and pending configurations side by side with what changes', async () => {
    await open('recsys-ranker')
    expect(document.title).toMatch(/^recsys-ranker/)
    const state = screen.getByRole('group', { name: 'Serving endpoint state' })
    expect(state).toHaveTextContent('Ready')
    expect(state).toHaveTextContent('Update in progress')

    const active = screen.getByRole('table', { name: 'Active configuration' })
    const pending = screen.getByRole('table', { name: 'Pending configuration' })
    expect(within(active).getAllByRole('row')).toHaveLength(2)
    const newRow = within(pending).getByRole('row', { name: /ranker-12/ })
    expect(within(newRow).getByText('New')).toBeInTheDocument()
    expect(within(newRow).getByText('main.recsys.ranker · version 12')).toBeInTheDocument()
    expect(within(newRow).getByText('Creating')).toBeInTheDocument()
    const keptRow = within(pending).getByRole('row', { name: /ranker-11/ })
    expect(keptRow).toHaveTextContent('90%')
    expect(within(keptRow).getByText('was 100%')).toBeInTheDocument()
    expect(within(active).getByRole('row', { name: /ranker-11/ })).toHaveTextContent('CPU · Medium · scale to zero')
  })

  it('shows who, when, where and what the user may do in the side panel', async () => {
    const { user } = await open('recsys-ranker')
    const aside = screen.getByRole('complementary', { name: 'Endpoint information' })
    expect(within(aside).getByText('grace.hopper@example.com')).toBeInTheDocument()
    expect(within(aside).getByText('Can manage')).toBeInTheDocument()
    expect(within(aside).getByText(`${window.location.origin}/serving-endpoints/recsys-ranker/invocations`)).toBeInTheDocument()
    await user.click(within(aside).getByRole('button', { name: 'Copy endpoint URL' }))
    expect(await navigator.clipboard.readText()).toBe(`${window.location.origin}/serving-endpoints/recsys-ranker/invocations`)
    expect(within(aside).getByRole('status')).toHaveTextContent('Copied')
  })

  it('shows rate limits and AI Gateway settings', async () => {
    await open('support-chat-gpt4o')
    const aside = screen.getByRole('complementary', { name: 'Endpoint information' })
    expect(within(aside).getByText('100 calls per minute per user')).toBeInTheDocument()
    expect(within(aside).getByText('Usage tracking').nextElementSibling).toHaveTextContent('On')
    expect(within(aside).getByText('Chat')).toBeInTheDocument()
    expect(screen.getByRole('table', { name: 'Active configuration' })).toHaveTextContent('OpenAI · gpt-4o · Chat')
  })

  it('disables Edit endpoint with the reason while an update runs, and opens the edit page otherwise', async () => {
    const { user, router } = await open('recsys-ranker')
    const edit = screen.getByRole('button', { name: 'Edit endpoint' })
    expect(edit).toHaveAttribute('aria-disabled', 'true')
    expect(edit).toHaveAccessibleDescription('Cannot edit endpoint when pending update is in progress.')
    await user.click(edit)
    expect(router.state.location.pathname).toBe('/ml/endpoints/recsys-ranker')

    await act(() => router.navigate('/ml/endpoints/churn-predictor'))
    expect(await screen.findByRole('heading', { level: 1, name: 'churn-predictor' })).toBeInTheDocument()
    expect(screen.queryByText('Cannot edit endpoint when pending update is in progress.')).not.toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: 'Edit endpoint' }))
    await vi.waitFor(() => expect(router.state.location.pathname).toBe('/ml/endpoints/churn-predictor/edit'))
  })

  it('lists events newest first and shows logs per served entity', async () => {
    const { user } = await open('sentiment-classifier')
    expect(screen.getByText(/The last configuration update failed/)).toBeInTheDocument()
    const events = await screen.findByRole('list', { name: 'Events, newest first' })
    const items = within(events).getAllByRole('listitem')
    expect(items[0]).toHaveTextContent('Update failed')
    expect(items[0]).toHaveTextContent('pip exited with status 1')
    expect(items.at(-1)).toHaveTextContent('Endpoint created')

    await user.click(screen.getByRole('tab', { name: 'Logs' }))
    expect(await screen.findByText(/Model loaded; listening on :8080/)).toBeInTheDocument()
    await user.click(screen.getByRole('radio', { name: 'Build logs' }))
    expect(await screen.findByText(/Image built/)).toBeInTheDocument()
  })

  it('shows the entity messages of an endpoint that is still being created', async () => {
    await open('fraud-detector-v2')
    expect(screen.getByRole('group', { name: 'Serving endpoint state' })).toHaveTextContent('Not ready')
    expect(screen.getByText(/Nothing is serving yet/)).toBeInTheDocument()
    const pending = screen.getByRole('table', { name: 'Pending configuration' })
    expect(within(pending).getByText('Provisioning compute resources for the served entity.')).toBeInTheDocument()
  })
})

describe('permissions', () => {
  it('keeps pay-per-token endpoints read-only but queryable', async () => {
    await open('databricks-claude-sonnet-4-5')
    expect(screen.getByRole('heading', { level: 1 }).parentElement).toHaveTextContent('Pay-per-token')
    expect(screen.getByRole('table', { name: 'Active configuration' })).toHaveTextContent('Pay-per-token')
    expect(screen.getByRole('button', { name: 'Query endpoint' })).toBeInTheDocument()
    expect(screen.queryByRole('button', { name: 'Edit endpoint' })).not.toBeInTheDocument()
    expect(screen.queryByRole('button', { name: 'Delete' })).not.toBeInTheDocument()
    expect(screen.queryByRole('button', { name: 'Add tag' })).not.toBeInTheDocument()
  })

  it('lets CAN_VIEW only look', async () => {
    await open('shared-embeddings')
    expect(screen.getByText('Can view')).toBeInTheDocument()
    for (const name of ['Query endpoint', 'Edit endpoint', 'Delete', 'Permissions']) {
      expect(screen.getByRole('button', { name })).toHaveAttribute('aria-disabled', 'true')
    }
    for (const name of ['Add tag', 'Remove tag team']) {
      expect(screen.queryByRole('button', { name })).not.toBeInTheDocument()
    }
    expect(screen.getByText('team: platform')).toBeInTheDocument()
  })

  it('lets CAN_QUERY query and nothing else', async () => {
    await open('claude-summarizer')
    expect(screen.getByRole('button', { name: 'Query endpoint' })).not.toHaveAttribute('aria-disabled')
    for (const name of ['Edit endpoint', 'Delete', 'Permissions']) {
      expect(screen.getByRole('button', { name })).toHaveAttribute('aria-disabled', 'true')
    }
    expect(screen.queryByRole('button', { name: 'Add tag' })).not.toBeInTheDocument()
  })
})

describe('missing endpoints and failing refreshes', () => {
  it('shows Endpoint not found for a 404 with a way back', async () => {
    const { user, router } = renderApp('/ml/endpoints/no-such-endpoint')
    expect(await screen.findByRole('heading', { level: 1, name: 'Endpoint not found' }, { timeout: 5000 })).toBeInTheDocument()
    expect(screen.getByText('no-such-endpoint')).toBeInTheDocument()
    await user.click(screen.getByRole('link', { name: 'Go to Serving endpoints' }))
    await vi.waitFor(() => expect(router.state.location.pathname).toBe('/ml/endpoints'))
  })

  it('shows Endpoint not found when the endpoint is deleted while polling, then stops polling', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'], shouldAdvanceTime: true })
    let gets = 0
    server.events.on('request:start', ({ request }) => {
      if (request.method === 'GET' && request.url.endsWith('/serving-endpoints/recsys-ranker')) gets++
    })
    await open('recsys-ranker')
    // Someone else deletes it while this page polls.
    server.use(
      http.get('*/api/2.0/serving-endpoints/recsys-ranker', () =>
        HttpResponse.json(
          { error_code: 'RESOURCE_DOES_NOT_EXIST', message: "Serving endpoint with name 'recsys-ranker' does not exist." },
          { status: 404 },
        ),
      ),
    )
    await act(() => vi.advanceTimersByTimeAsync(2500))
    expect(await screen.findByRole('heading', { level: 1, name: 'Endpoint not found' }, { timeout: 5000 })).toBeInTheDocument()
    const after = gets
    await act(() => vi.advanceTimersByTimeAsync(20_000))
    expect(gets).toBe(after)
    server.events.removeAllListeners()
  })

  it("keeps the last data on screen with a Couldn't refresh notice when a poll fails", async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'], shouldAdvanceTime: true })
    const { user } = await open('recsys-ranker')
    server.setControls({
      latencyMs: 0,
      faults: [{ method: 'GET', path: '/api/2.0/serving-endpoints/recsys-ranker', network: true, times: 1 }],
    })
    await act(() => vi.advanceTimersByTimeAsync(2500))
    expect(await screen.findByText(/Couldn't refresh/)).toBeInTheDocument()
    expect(screen.getByRole('table', { name: 'Pending configuration' })).toBeInTheDocument()
    expect(screen.queryByRole('alert')).not.toBeInTheDocument()

    await user.click(screen.getByRole('button', { name: 'Retry now' }))
    await vi.waitFor(() => expect(screen.queryByText(/Couldn't refresh/)).not.toBeInTheDocument())
  })

  it('offers Retry when the first load fails', async () => {
    server.setControls({
      latencyMs: 0,
      faults: [{ method: 'GET', path: '/api/2.0/serving-endpoints/churn-predictor', status: 500, times: 1 }],
    })
    const { user } = renderApp('/ml/endpoints/churn-predictor')
    expect(await screen.findByRole('alert')).toHaveTextContent(/Couldn't load this endpoint/)
    await user.click(screen.getByRole('button', { name: 'Retry' }))
    expect(await screen.findByRole('table', { name: 'Active configuration' })).toBeInTheDocument()
  })
})
