import { act, fireEvent, screen, waitFor, within } from '@testing-library/react'
import { http, HttpResponse } from 'msw'
import { describe, expect, it, vi } from 'vitest'
import { server } from '../../mocks/node'
import { renderApp } from '../../test/render'

const PINNED = [
  'databricks-bge-large-en',
  'databricks-claude-sonnet-4-5',
  'databricks-gemma-3-12b',
  'databricks-gpt-oss-120b',
  'databricks-gte-large-en',
  'databricks-llama-4-maverick',
  'databricks-meta-llama-3-1-8b-instruct',
  'databricks-meta-llama-3-3-70b-instruct',
]

async function table() {
  const found = await screen.findByRole('table', { name: 'Serving endpoints' })
  await within(found).findByRole('link', { name: 'churn-predictor' })
  return found
}

/** Endpoint names in row order, and group rows as "[group]". */
function rowNames(tableElement: HTMLElement): string[] {
  return within(tableElement)
    .getAllByRole('row')
    .slice(1)
    .map((row) => {
      const header = within(row).queryByRole('rowheader')
      if (header) return `[${header.textContent}]`
      return within(row).getByRole('link').textContent ?? ''
    })
}

function rowFor(name: string): HTMLElement {
  const row = screen.getByRole('link', { name }).closest('tr')
  if (!row) throw new Error(`no row for ${name}`)
  return row
}

/** Types into the filter, then runs `during` before React renders, with the filter's URL-write timer under control. */
function typeThen(value: string, during: () => void) {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
  try {
    fireEvent.change(screen.getByRole('textbox', { name: 'Filter endpoints' }), { target: { value } })
    act(during)
  } finally {
    vi.useRealTimers()
  }
}

describe('endpoint list', () => {
  it('shows every endpoint with its columns, pay-per-token ones pinned first', async () => {
    renderApp('/ml/endpoints')
    expect(await screen.findByRole('heading', { level: 1, name: 'Serving endpoints' })).toBeInTheDocument()
    expect(screen.getByRole('link', { name: 'Create serving endpoint' })).toHaveAttribute('href', '/ml/endpoints/create')
    const t = await table()
    expect(
      within(t)
        .getAllByRole('columnheader')
        .map((h) => h.textContent),
    ).toEqual(['Name', 'State', 'Served entities', 'Task', 'Tags', 'Created by', 'Last modified'])
    const names = rowNames(t)
    expect(names.slice(0, 9)).toEqual(['[Foundation Model APIs]', ...PINNED])
    expect(names).toHaveLength(1 + 8 + 8)
    for (const name of PINNED) expect(within(rowFor(name)).getByText('Pay-per-token')).toBeInTheDocument()
    expect(within(rowFor('churn-predictor')).queryByText('Pay-per-token')).not.toBeInTheDocument()
    expect(screen.getByText('16 endpoints')).toBeInTheDocument()
    expect(document.title).toContain('Serving endpoints')
  })

  it('summarises state, served entities, task, tags and creator per row', async () => {
    renderApp('/ml/endpoints')
    await table()
    const chat = within(rowFor('support-chat-gpt4o'))
    expect(chat.getByText('Ready')).toBeInTheDocument()
    expect(chat.getByText('OpenAI · gpt-4o')).toBeInTheDocument()
    expect(chat.getByText('Chat')).toBeInTheDocument()
    expect(chat.getByText('ada.lovelace@example.com')).toBeInTheDocument()

    const churn = within(rowFor('churn-predictor'))
    expect(churn.getByText('main.default.churn_model · version 3, main.default.churn_model · version 4')).toBeInTheDocument()
    expect(churn.getByText('Custom model')).toBeInTheDocument()
    expect(within(churn.getByRole('list', { name: 'Tags' })).getByText('team: growth')).toBeInTheDocument()

    expect(within(rowFor('recsys-ranker')).getByText('Update in progress')).toBeInTheDocument()
    expect(within(rowFor('recsys-ranker')).getByText('Ready')).toBeInTheDocument()
    expect(within(rowFor('sentiment-classifier')).getByText('Update failed')).toBeInTheDocument()
    expect(within(rowFor('fraud-detector-v2')).getByText('Not ready')).toBeInTheDocument()

    const embeddings = within(rowFor('databricks-gte-large-en'))
    expect(embeddings.getByText('GTE Large (En)')).toBeInTheDocument()
    expect(embeddings.getByText('Embeddings')).toBeInTheDocument()
    expect(embeddings.getByText('Databricks')).toBeInTheDocument()
    expect(within(rowFor('shared-embeddings')).getByText('Cohere · embed-english-v3.0')).toBeInTheDocument()
  })

  it('links each name to its details page', async () => {
    const { user, router } = renderApp('/ml/endpoints')
    await table()
    await user.click(screen.getByRole('link', { name: 'churn-predictor' }))
    // The details page's code loads on first use: slow on a busy machine, so wait for what the person sees.
    expect(await screen.findByRole('heading', { level: 1, name: 'churn-predictor' }, { timeout: 5000 })).toBeInTheDocument()
    expect(router.state.location.pathname).toBe('/ml/endpoints/churn-predictor')
  })

  it('filters by name, served entity, creator and tag, case-insensitively, pinned rows included', async () => {
    const { user, router } = renderApp('/ml/endpoints')
    const t = await table()
    const box = screen.getByRole('textbox', { name: 'Filter endpoints' })

    await user.type(box, 'LLAMA')
    await waitFor(() =>
      expect(rowNames(t)).toEqual([
        '[Foundation Model APIs]',
        'databricks-llama-4-maverick',
        'databricks-meta-llama-3-1-8b-instruct',
        'databricks-meta-llama-3-3-70b-instruct',
        'llama-pt-finance',
      ]),
    )
    expect(screen.getByText('4 of 16 endpoints')).toBeInTheDocument()
    // The URL follows once typing pauses.
    await waitFor(() => expect(router.state.location.search).toBe('?q=LLAMA'))

    await user.clear(box)
    await user.type(box, 'grace.hopper')
    await waitFor(() => expect(rowNames(t)).toEqual(['recsys-ranker', 'shared-embeddings']))

    await user.clear(box)
    await user.type(box, 'Cohere')
    await waitFor(() => expect(rowNames(t)).toEqual(['shared-embeddings']))

    await user.clear(box)
    await user.type(box, 'nlp')
    await waitFor(() => expect(rowNames(t)).toEqual(['sentiment-classifier']))
  })

  it('renders typed text as text, never as markup', async () => {
    const { user } = renderApp('/ml/endpoints')
    await table()
    const box = screen.getByRole('textbox', { name: 'Filter endpoints' })
    await user.type(box, '<img src=x onerror=alert(1)>')
    expect(box).toHaveValue('<img src=x onerror=alert(1)>')
    expect(await screen.findByText('No serving endpoints match')).toBeInTheDocument()
    expect(document.querySelector('img')).toBeNull()
  })

  it('says when nothing matches and clears the filter on request', async () => {
    const { user, router } = renderApp('/ml/endpoints?q=no-such-endpoint&owner=me')
    expect(await screen.findByText('No serving endpoints match')).toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: 'Clear filters' }))
    expect(await screen.findByRole('link', { name: 'churn-predictor' })).toBeInTheDocument()
    expect(screen.getByRole('textbox', { name: 'Filter endpoints' })).toHaveValue('')
    expect(screen.getByRole('checkbox', { name: 'Owned by me' })).not.toBeChecked()
    expect(router.state.location.search).toBe('')
  })

  it('clears the filter with Escape and with its clear button', async () => {
    const { user } = renderApp('/ml/endpoints?q=churn')
    const box = await screen.findByRole('textbox', { name: 'Filter endpoints' })
    expect(box).toHaveValue('churn')
    await user.click(screen.getByRole('button', { name: 'Clear filter' }))
    expect(box).toHaveValue('')
    await user.type(box, 'x{Escape}')
    expect(box).toHaveValue('')
    expect(await screen.findByRole('link', { name: 'recsys-ranker' })).toBeInTheDocument()
  })

  it('shows only my endpoints with Owned by me, and keeps it in the URL', async () => {
    const { user, router } = renderApp('/ml/endpoints')
    const t = await table()
    await user.click(screen.getByRole('checkbox', { name: 'Owned by me' }))
    await waitFor(() =>
      expect(rowNames(t)).toEqual(['churn-predictor', 'fraud-detector-v2', 'sentiment-classifier', 'support-chat-gpt4o']),
    )
    expect(router.state.location.search).toBe('?owner=me')
    await user.click(screen.getByRole('checkbox', { name: 'Owned by me' }))
    await waitFor(() => expect(rowNames(t)).toHaveLength(17))
    expect(router.state.location.search).toBe('')
  })

  it('sorts by name and last modified with header buttons, pinned rows staying first', async () => {
    const { user, router } = renderApp('/ml/endpoints')
    const t = await table()
    const nameHeader = screen.getByRole('columnheader', { name: 'Name' })
    const modifiedHeader = screen.getByRole('columnheader', { name: 'Last modified' })
    expect(nameHeader).toHaveAttribute('aria-sort', 'ascending')
    expect(modifiedHeader).not.toHaveAttribute('aria-sort')

    await user.click(within(nameHeader).getByRole('button', { name: 'Name' }))
    expect(nameHeader).toHaveAttribute('aria-sort', 'descending')
    expect(router.state.location.search).toBe('?sort=-name')
    let names = rowNames(t)
    expect(names[0]).toBe('[Foundation Model APIs]')
    expect(names.slice(1, 9)).toEqual([...PINNED].reverse())
    expect(names.slice(9)).toEqual(
      [
        'support-chat-gpt4o',
        'shared-embeddings',
        'sentiment-classifier',
        'recsys-ranker',
        'llama-pt-finance',
        'fraud-detector-v2',
        'churn-predictor',
        'claude-summarizer',
      ]
        .sort()
        .reverse(),
    )

    await user.click(within(modifiedHeader).getByRole('button', { name: 'Last modified' }))
    expect(modifiedHeader).toHaveAttribute('aria-sort', 'descending')
    expect(nameHeader).not.toHaveAttribute('aria-sort')
    expect(router.state.location.search).toBe('?sort=-last_modified')
    names = rowNames(t)
    expect(names.slice(0, 9)).toEqual(['[Foundation Model APIs]', ...names.slice(1, 9).filter((n) => PINNED.includes(n))])
    const times = names.slice(9).map((n) => new Date(rowFor(n).querySelector('time')?.getAttribute('datetime') ?? '').getTime())
    expect(times).toEqual([...times].sort((a, b) => b - a))

    await user.click(within(modifiedHeader).getByRole('button', { name: 'Last modified' }))
    expect(modifiedHeader).toHaveAttribute('aria-sort', 'ascending')
    expect(router.state.location.search).toBe('?sort=last_modified')
  })

  it('keeps a sort chosen while the typed filter is still on its way to the URL', async () => {
    const { router } = renderApp('/ml/endpoints?q=churn')
    await screen.findByRole('link', { name: 'churn-predictor' })
    // The click and the filter's delayed URL write land before React renders either.
    typeThen('', () => {
      fireEvent.click(screen.getByRole('button', { name: 'Name' }))
      vi.advanceTimersByTime(1000)
    })
    await waitFor(() => expect(router.state.location.search).toBe('?sort=-name'))
    expect(screen.getByRole('columnheader', { name: 'Name' })).toHaveAttribute('aria-sort', 'descending')
  })

  it('keeps the cleared filter out of the URL when a sort click lands before the clearing has rendered', async () => {
    const { router } = renderApp('/ml/endpoints?q=churn')
    await screen.findByRole('link', { name: 'churn-predictor' })
    typeThen('', () => {
      vi.advanceTimersByTime(1000)
      fireEvent.click(screen.getByRole('button', { name: 'Name' }))
    })
    // Not a moment with the old filter back in the address bar.
    expect(router.state.location.search).toBe('?sort=-name')
    expect(screen.getByRole('textbox', { name: 'Filter endpoints' })).toHaveValue('')
  })

  it('opens an endpoint clicked just after typing in the filter (the URL write does not cancel it)', async () => {
    const { router } = renderApp('/ml/endpoints')
    await screen.findByRole('link', { name: 'churn-predictor' })
    // The filter's URL write comes due before the navigation has even rendered.
    typeThen('churn', () => {
      fireEvent.click(screen.getByRole('link', { name: 'churn-predictor' }))
      vi.advanceTimersByTime(1000)
    })
    expect(await screen.findByRole('heading', { level: 1, name: 'churn-predictor' })).toBeInTheDocument()
    expect(router.state.location.pathname).toBe('/ml/endpoints/churn-predictor')
  })

  it('writes the typed text into the URL with a sort clicked before typing paused', async () => {
    const { router } = renderApp('/ml/endpoints')
    await screen.findByRole('link', { name: 'churn-predictor' })
    typeThen('churn', () => {
      fireEvent.click(screen.getByRole('button', { name: 'Name' }))
      vi.advanceTimersByTime(1000)
    })
    expect(router.state.location.search).toBe('?q=churn&sort=-name')
    expect(screen.getByRole('textbox', { name: 'Filter endpoints' })).toHaveValue('churn')
    expect(screen.getByRole('columnheader', { name: 'Name' })).toHaveAttribute('aria-sort', 'descending')
  })

  it('finds the filter typed just before opening an endpoint again on Back', async () => {
    const { user, router } = renderApp('/ml/endpoints')
    await screen.findByRole('link', { name: 'churn-predictor' })
    // Typed, then the link at once: no pause for the URL to follow.
    typeThen('churn', () => fireEvent.click(screen.getByRole('link', { name: 'churn-predictor' })))
    expect(await screen.findByRole('heading', { level: 1, name: 'churn-predictor' }, { timeout: 5000 })).toBeInTheDocument()

    await act(() => router.navigate(-1))
    expect(await screen.findByRole('textbox', { name: 'Filter endpoints' })).toHaveValue('churn')
    expect(router.state.location.search).toBe('?q=churn')
    expect(screen.queryByRole('link', { name: 'recsys-ranker' })).not.toBeInTheDocument()

    // Forward and Back again: each entry shows its own view.
    await user.click(screen.getByRole('button', { name: 'Last modified' }))
    expect(router.state.location.search).toBe('?q=churn&sort=-last_modified')
    await act(() => router.navigate(1))
    await screen.findByRole('heading', { level: 1, name: 'churn-predictor' })
    await act(() => router.navigate(-1))
    expect(await screen.findByRole('columnheader', { name: 'Last modified' })).toHaveAttribute('aria-sort', 'descending')
    expect(screen.getByRole('textbox', { name: 'Filter endpoints' })).toHaveValue('churn')
  })

  it('restores filter, owner and sort from the URL', async () => {
    renderApp('/ml/endpoints?q=team&owner=me&sort=-name')
    const t = await screen.findByRole('table', { name: 'Serving endpoints' })
    expect(screen.getByRole('textbox', { name: 'Filter endpoints' })).toHaveValue('team')
    expect(screen.getByRole('checkbox', { name: 'Owned by me' })).toBeChecked()
    expect(screen.getByRole('columnheader', { name: 'Name' })).toHaveAttribute('aria-sort', 'descending')
    await waitFor(() =>
      expect(rowNames(t)).toEqual(['support-chat-gpt4o', 'sentiment-classifier', 'fraud-detector-v2', 'churn-predictor']),
    )
  })

  it('follows the URL when a link changes it while the page is open', async () => {
    const { user, router } = renderApp('/ml/endpoints?q=churn')
    const box = await screen.findByRole('textbox', { name: 'Filter endpoints' })
    await user.click(screen.getByRole('link', { name: 'Serving' }))
    await waitFor(() => expect(box).toHaveValue(''))
    expect(router.state.location.search).toBe('')
  })

  it('applies the filter to pay-per-token rows too, hiding their group when none match', async () => {
    const { user } = renderApp('/ml/endpoints')
    const t = await table()
    await user.type(screen.getByRole('textbox', { name: 'Filter endpoints' }), 'embeddings')
    await waitFor(() =>
      expect(rowNames(t)).toEqual([
        '[Foundation Model APIs]',
        'databricks-bge-large-en',
        'databricks-gte-large-en',
        'shared-embeddings',
      ]),
    )
    await user.type(screen.getByRole('textbox', { name: 'Filter endpoints' }), ' cohere')
    await waitFor(() => expect(rowNames(t)).toEqual(['shared-embeddings']))
  })
})

describe('endpoint list states', () => {
  it('shows a loading state until the endpoints arrive', async () => {
    server.setControls({ latencyMs: 50 })
    renderApp('/ml/endpoints')
    expect(await screen.findByText('Loading serving endpoints…')).toBeInTheDocument()
    expect(await screen.findByRole('link', { name: 'churn-predictor' })).toBeInTheDocument()
    expect(screen.queryByText('Loading serving endpoints…')).not.toBeInTheDocument()
  })

  it('shows the Databricks error message and loads again on Retry', async () => {
    server.setControls({ faults: [{ method: 'GET', path: '/api/2.0/serving-endpoints', status: 503, times: 1 }] })
    const { user } = renderApp('/ml/endpoints')
    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent('Could not load serving endpoints')
    expect(alert.textContent).toMatch(/unavailable/i)
    await user.click(within(alert).getByRole('button', { name: 'Retry' }))
    expect(await screen.findByRole('link', { name: 'churn-predictor' })).toBeInTheDocument()
    expect(screen.queryByRole('alert')).not.toBeInTheDocument()
  })

  it('explains a dropped connection and keeps the typed filter', async () => {
    server.setControls({ faults: [{ method: 'GET', path: '/api/2.0/serving-endpoints', network: true, times: 1 }] })
    const { user } = renderApp('/ml/endpoints')
    const alert = await screen.findByRole('alert')
    await user.type(screen.getByRole('textbox', { name: 'Filter endpoints' }), 'churn')
    await user.click(within(alert).getByRole('button', { name: 'Retry' }))
    await waitFor(() =>
      expect(screen.getAllByRole('link', { name: /^[a-z]/ }).map((l) => l.textContent)).toContain('churn-predictor'),
    )
    expect(screen.getByRole('textbox', { name: 'Filter endpoints' })).toHaveValue('churn')
    expect(screen.queryByRole('link', { name: 'recsys-ranker' })).not.toBeInTheDocument()
  })

  it('says when there are no endpoints at all', async () => {
    server.use(http.get('*/api/2.0/serving-endpoints', () => HttpResponse.json({ endpoints: [] })))
    renderApp('/ml/endpoints')
    expect(await screen.findByText('No serving endpoints yet')).toBeInTheDocument()
    expect(screen.queryByText('No serving endpoints match')).not.toBeInTheDocument()
    expect(screen.getAllByRole('link', { name: 'Create serving endpoint' })).toHaveLength(2)
  })

  it('windows thousands of rows but announces the full row count', async () => {
    // jsdom lays nothing out: give the scroller a viewport so the virtualizer has rows to show.
    vi.spyOn(Element.prototype, 'clientHeight', 'get').mockReturnValue(800)
    vi.spyOn(Element.prototype, 'clientWidth', 'get').mockReturnValue(1200)
    server.setControls({ extraEndpoints: 2000 })
    const { user } = renderApp('/ml/endpoints')
    const t = await screen.findByRole('table', { name: 'Serving endpoints' }, { timeout: 5000 })
    await within(t).findByRole('link', { name: 'databricks-bge-large-en' })
    // 2,016 endpoints + the group row + the header row.
    expect(t).toHaveAttribute('aria-rowcount', String(2016 + 1 + 1))
    expect(within(t).getAllByRole('row').length).toBeLessThan(100)
    expect(screen.getByText('2,016 endpoints')).toBeInTheDocument()
    await user.type(screen.getByRole('textbox', { name: 'Filter endpoints' }), 'synthetic-endpoint-01999')
    expect(await within(t).findByRole('link', { name: 'synthetic-endpoint-01999' })).toBeInTheDocument()
    expect(within(t).getAllByRole('row')).toHaveLength(2)
    expect(t).toHaveAttribute('aria-rowcount', '2')
  })
})
