import { screen, waitFor, within } from '@testing-library/react'
import { beforeAll, describe, expect, it } from 'vitest'
import { server } from '../../mocks/node'
import { renderApp } from '../../test/render'

// The tabs load with the dialog: fetch their module once, so the first test does not pay its transform.
beforeAll(() => import('./query-tabs'))

async function open(name: string) {
  const app = renderApp(`/ml/endpoints/${name}`)
  expect(await screen.findByRole('heading', { level: 1, name }, { timeout: 5000 })).toBeInTheDocument()
  return app
}

describe('Query endpoint', { timeout: 15_000 }, () => {
  it('sends the prefilled chat request and shows the answer', async () => {
    const { user } = await open('support-chat-gpt4o')
    await user.click(screen.getByRole('button', { name: 'Query endpoint' }))
    const dialog = screen.getByRole('dialog', { name: 'Query endpoint' })
    const body = await within(dialog).findByRole('textbox', { name: 'Request body' }, { timeout: 5000 })
    expect(JSON.parse((body as HTMLTextAreaElement).value)).toMatchObject({
      messages: [{ role: 'system' }, { role: 'user', content: 'What is Databricks Model Serving?' }],
    })
    await user.click(within(dialog).getByRole('button', { name: 'Send' }))
    const response = await within(dialog).findByRole('region', { name: 'Response' })
    expect(response).toHaveTextContent('Here is a short answer from gpt-4o about "What is Databricks Model Serving?"')
  })

  it('prefills embeddings input for an embeddings endpoint and shows the vector size', async () => {
    const { user } = await open('databricks-gte-large-en')
    await user.click(screen.getByRole('button', { name: 'Query endpoint' }))
    const body = (await screen.findByRole('textbox', { name: 'Request body' }, { timeout: 5000 })) as HTMLTextAreaElement
    expect(JSON.parse(body.value)).toEqual({ input: ['Databricks Model Serving'] })
    await user.click(screen.getByRole('button', { name: 'Send' }))
    expect(await screen.findByText('1 embedding(s) of 1024 dimensions.')).toBeInTheDocument()
  })

  it('prefills dataframe_split for a custom model, as the docs do, and shows its predictions', async () => {
    const { user } = await open('churn-predictor')
    await user.click(screen.getByRole('button', { name: 'Query endpoint' }))
    const body = (await screen.findByRole('textbox', { name: 'Request body' }, { timeout: 5000 })) as HTMLTextAreaElement
    expect(JSON.parse(body.value)).toHaveProperty('dataframe_split')
    await user.click(screen.getByRole('button', { name: 'Send' }))
    expect(await screen.findByLabelText('Response JSON')).toHaveTextContent('"predictions"')
  })

  it('says what is wrong with invalid JSON and shows server errors without losing the text', async () => {
    const { user } = await open('claude-summarizer')
    await user.click(screen.getByRole('button', { name: 'Query endpoint' }))
    const dialog = screen.getByRole('dialog', { name: 'Query endpoint' })
    const body = await within(dialog).findByRole('textbox', { name: 'Request body' }, { timeout: 5000 })
    await user.clear(body)
    await user.type(body, '{{"messages": [[')
    await user.click(within(dialog).getByRole('button', { name: 'Send' }))
    expect(body).toHaveAttribute('aria-invalid', 'true')
    expect(body).toHaveAccessibleDescription(/The request body is not valid JSON/)

    await user.clear(body)
    await user.type(body, '{{"prompt": "hi"}')
    await user.click(within(dialog).getByRole('button', { name: 'Send' }))
    expect(await within(dialog).findByRole('alert')).toHaveTextContent("A chat endpoint needs 'messages'")
    expect(body).toHaveValue('{"prompt": "hi"}')

    // Closing and reopening keeps the draft.
    await user.keyboard('{Escape}')
    await user.click(screen.getByRole('button', { name: 'Query endpoint' }))
    expect(await screen.findByRole('textbox', { name: 'Request body' }, { timeout: 5000 })).toHaveValue('{"prompt": "hi"}')
  })
  it('Show example puts the example back and clears the error', async () => {
    const { user } = await open('support-chat-gpt4o')
    await user.click(screen.getByRole('button', { name: 'Query endpoint' }))
    const dialog = screen.getByRole('dialog', { name: 'Query endpoint' })
    const body = await within(dialog).findByRole('textbox', { name: 'Request body' }, { timeout: 5000 })
    const example = (body as HTMLTextAreaElement).value
    await user.clear(body)
    await user.click(within(dialog).getByRole('button', { name: 'Send' }))
    expect(body).toHaveAccessibleDescription('Enter a request body in JSON.')
    expect(body).toHaveFocus()

    await user.click(within(dialog).getByRole('button', { name: 'Show example' }))
    expect(body).toHaveValue(example)
    expect(body).not.toHaveAttribute('aria-invalid')
    expect(body).not.toHaveAccessibleDescription()
  })
})

async function openDialog(name: string) {
  const app = await open(name)
  await app.user.click(screen.getByRole('button', { name: 'Query endpoint' }))
  const dialog = screen.getByRole('dialog', { name: 'Query endpoint' })
  await within(dialog).findByRole('textbox', { name: 'Request body' }, { timeout: 5000 })
  return { ...app, dialog }
}

describe('Query endpoint: code tabs', { timeout: 15_000 }, () => {
  it('has Browser, curl, Python and SQL tabs; each code tab copies code naming the endpoint and no token', async () => {
    const { user, dialog } = await openDialog('support-chat-gpt4o')
    const tabs = within(dialog)
      .getAllByRole('tab')
      .map((t) => t.textContent)
    expect(tabs).toEqual(['Browser', 'curl', 'Python', 'SQL'])
    const expected = { curl: '$DATABRICKS_TOKEN', Python: 'os.environ["DATABRICKS_TOKEN"]', SQL: 'ai_query(' }
    for (const [tab, marker] of Object.entries(expected)) {
      await user.click(within(dialog).getByRole('tab', { name: tab }))
      const panel = within(dialog).getByRole('tabpanel', { name: tab })
      const code = within(panel).getByLabelText(/code$/).textContent ?? ''
      await user.click(within(panel).getByRole('button', { name: 'Copy' }))
      const copied = await navigator.clipboard.readText()
      expect(copied).toBe(code)
      expect(copied).toContain('support-chat-gpt4o')
      expect(copied).toContain(marker)
      expect(copied).not.toMatch(/dapi/)
      expect(await within(panel).findByText('Copied')).toBeInTheDocument()
    }
  })

  it('shows the OpenAI client for a chat endpoint and requests for a custom model', async () => {
    const chat = await openDialog('support-chat-gpt4o')
    await chat.user.click(within(chat.dialog).getByRole('tab', { name: 'Python' }))
    expect(within(chat.dialog).getByRole('tabpanel', { name: 'Python' })).toHaveTextContent('client.chat.completions.create(')
    // The Browser tab stays mounted (a stream survives a look at the code) but out of sight.
    expect(within(chat.dialog).queryByRole('textbox', { name: 'Request body' })).not.toBeInTheDocument()
    expect(within(chat.dialog).getAllByRole('tabpanel')).toHaveLength(1)
    chat.unmount()
    const custom = await openDialog('churn-predictor')
    await custom.user.click(within(custom.dialog).getByRole('tab', { name: 'Python' }))
    expect(within(custom.dialog).getByRole('tabpanel', { name: 'Python' })).toHaveTextContent('requests.post(')
  })
})

describe('Query endpoint: streaming', { timeout: 15_000 }, () => {
  it('streams a chat answer into the Response as it arrives', async () => {
    const { user, dialog } = await openDialog('support-chat-gpt4o')
    await user.click(within(dialog).getByRole('checkbox', { name: 'Stream' }))
    await user.click(within(dialog).getByRole('button', { name: 'Send' }))
    const response = await within(dialog).findByRole('region', { name: 'Response' })
    expect(await within(response).findByText('Finished.')).toBeInTheDocument()
    expect(within(response).getByLabelText('Streamed answer')).toHaveTextContent(
      /^Here is a short answer from gpt-4o about "What is Databricks Model Serving\?": it depends on your data, so start small, measure, and iterate\.$/,
    )
    expect(within(dialog).queryByRole('button', { name: 'Stop' })).not.toBeInTheDocument()
  })

  it('Stop ends the stream and keeps what arrived', async () => {
    server.setControls({ latencyMs: 40 })
    const { user, dialog } = await openDialog('support-chat-gpt4o')
    await user.click(within(dialog).getByRole('checkbox', { name: 'Stream' }))
    await user.click(within(dialog).getByRole('button', { name: 'Send' }))
    const answer = await within(dialog).findByLabelText('Streamed answer', undefined, { timeout: 3000 })
    await waitFor(() => expect(answer.textContent).toMatch(/^Here is/))
    await user.click(within(dialog).getByRole('button', { name: 'Stop' }))
    expect(await within(dialog).findByText('Stopped: the answer above is incomplete.')).toBeInTheDocument()
    const kept = answer.textContent ?? ''
    expect(kept.length).toBeGreaterThan(0)
    expect(kept).not.toMatch(/iterate\.$/)
    expect(within(dialog).getByRole('button', { name: 'Send' })).toBeEnabled()
  })

  it('moves the keyboard focus to Stop while streaming and back to Send after', async () => {
    server.setControls({ latencyMs: 40 })
    const { user, dialog } = await openDialog('support-chat-gpt4o')
    await user.click(within(dialog).getByRole('checkbox', { name: 'Stream' }))
    within(dialog).getByRole('button', { name: 'Send' }).focus()
    await user.keyboard('{Enter}')
    await waitFor(() => expect(within(dialog).getByRole('button', { name: 'Stop' })).toHaveFocus())
    await user.keyboard('{Enter}')
    await waitFor(() => expect(within(dialog).getByRole('button', { name: 'Send' })).toHaveFocus())
    expect(within(dialog).getByText('Stopped: the answer above is incomplete.')).toBeInTheDocument()
  })

  it('offers no Stream for embeddings or custom models', async () => {
    const { dialog } = await openDialog('databricks-gte-large-en')
    expect(within(dialog).queryByRole('checkbox', { name: 'Stream' })).not.toBeInTheDocument()
  })

  it('reads a rate-limit refusal as a person would', async () => {
    server.setControls({ latencyMs: 0, faults: [{ method: 'POST', path: '/serving-endpoints/*', status: 429, times: 1 }] })
    const { user, dialog } = await openDialog('support-chat-gpt4o')
    await user.click(within(dialog).getByRole('checkbox', { name: 'Stream' }))
    await user.click(within(dialog).getByRole('button', { name: 'Send' }))
    const alert = await within(dialog).findByRole('alert')
    expect(alert).toHaveTextContent('Rate limit reached')
    expect(alert).toHaveTextContent('Wait a minute, then send the request again.')
  })
})
