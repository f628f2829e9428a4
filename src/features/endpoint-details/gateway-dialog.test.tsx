import { screen, waitFor, within } from '@testing-library/react'
import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { controlPlane, server } from '../../mocks/node'
import { renderApp } from '../../test/render'

const NAME = 'support-chat-gpt4o'

async function openDialog(name = NAME) {
  const app = renderApp(`/ml/endpoints/${name}`)
  await screen.findByRole('heading', { level: 1, name }, { timeout: 5000 })
  const panel = screen.getByRole('region', { name: 'AI Gateway' })
  await app.user.click(within(panel).getByRole('button', { name: 'Edit AI Gateway' }))
  const dialog = await screen.findByRole('dialog', { name: 'Edit AI Gateway' }, { timeout: 5000 })
  return { ...app, dialog }
}

describe('AI Gateway dialog on the details page', { timeout: 20_000 }, () => {
  it('prefills the gateway, saves it with PUT ai-gateway, and the panel shows it', async () => {
    const puts: unknown[] = []
    server.events.removeAllListeners('request:start')
    server.events.on('request:start', async ({ request }) => {
      if (request.method === 'PUT') puts.push([new URL(request.url).pathname, await request.clone().json()])
    })
    const { user, dialog } = await openDialog()
    expect(within(dialog).getByRole('checkbox', { name: 'Enable usage tracking' })).toBeChecked()
    expect(within(dialog).getByRole('textbox', { name: 'Calls per minute' })).toHaveValue('100')
    await user.click(within(dialog).getByRole('button', { name: 'Add rate limit' }))
    await user.type(within(dialog).getAllByRole('textbox', { name: 'Calls per minute' })[1], '2')
    await user.selectOptions(within(dialog).getAllByRole('combobox', { name: 'Key' })[1], 'Per endpoint')
    const output = within(dialog).getByRole('group', { name: 'Output guardrails' })
    await user.selectOptions(within(output).getByRole('combobox', { name: 'PII' }), 'Mask')
    await user.click(within(dialog).getByRole('button', { name: 'Save' }))
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument())
    expect(puts).toEqual([
      [
        `/api/2.0/serving-endpoints/${NAME}/ai-gateway`,
        {
          usage_tracking_config: { enabled: true },
          inference_table_config: { enabled: false },
          rate_limits: [
            { key: 'user', renewal_period: 'minute', calls: 100 },
            { key: 'endpoint', renewal_period: 'minute', calls: 2 },
          ],
          guardrails: { output: { pii: { behavior: 'MASK' } } },
          fallback_config: { enabled: false },
        },
      ],
    ])
    expect(controlPlane.get(NAME).ai_gateway?.guardrails).toEqual({ output: { pii: { behavior: 'MASK' } } })
    const aside = screen.getByRole('complementary', { name: 'Endpoint information' })
    expect(within(aside).getByText('2 calls per minute for the endpoint')).toBeInTheDocument()
    expect(within(aside).getByText('Output guardrails').nextElementSibling).toHaveTextContent('PII masked')
    expect(screen.getByRole('button', { name: 'Edit AI Gateway' })).toHaveFocus()
  })

  it('checks the fields before sending, and puts a 400 at its field keeping everything typed', async () => {
    let sent = 0
    server.use(
      http.put(`/api/2.0/serving-endpoints/${NAME}/ai-gateway`, () => {
        sent++
        return HttpResponse.json(
          {
            error_code: 'INVALID_PARAMETER_VALUE',
            message: "Group 'nobody' does not exist.",
            details: [{ reason: 'INVALID_PARAMETER_VALUE', metadata: { field: 'ai_gateway.rate_limits[1].principal' } }],
          },
          { status: 400 },
        )
      }),
    )
    const { user, dialog } = await openDialog()
    await user.click(within(dialog).getByRole('button', { name: 'Add rate limit' }))
    await user.selectOptions(within(dialog).getAllByRole('combobox', { name: 'Key' })[1], 'Per user group')
    await user.click(within(dialog).getByRole('button', { name: 'Save' }))
    expect(await within(dialog).findByRole('textbox', { name: 'User group' })).toHaveAccessibleDescription(
      'Enter the name of the user group.',
    )
    expect(within(dialog).getAllByRole('textbox', { name: 'Calls per minute' })[1]).toHaveAccessibleDescription(
      'Enter calls per minute, tokens per minute, or both.',
    )
    expect(sent).toBe(0)
    await user.type(within(dialog).getByRole('textbox', { name: 'User group' }), 'nobody')
    await user.type(within(dialog).getAllByRole('textbox', { name: 'Tokens per minute' })[1], '900')
    await user.click(within(dialog).getByRole('button', { name: 'Save' }))
    await waitFor(() =>
      expect(within(dialog).getByRole('textbox', { name: 'User group' })).toHaveAccessibleDescription(
        "Group 'nobody' does not exist.",
      ),
    )
    expect(sent).toBe(1)
    expect(within(dialog).getAllByRole('textbox', { name: 'Tokens per minute' })[1]).toHaveValue('900')
  })

  it('shows a 5xx in the dialog and keeps it open with what was typed', async () => {
    server.use(
      http.put(`/api/2.0/serving-endpoints/${NAME}/ai-gateway`, () =>
        HttpResponse.json({ error_code: 'TEMPORARILY_UNAVAILABLE', message: 'Try again later.' }, { status: 503 }),
      ),
    )
    const { user, dialog } = await openDialog()
    await user.click(within(dialog).getByRole('checkbox', { name: 'Enable fallbacks' }))
    await user.click(within(dialog).getByRole('button', { name: 'Save' }))
    expect(await within(dialog).findByText('Try again later.')).toBeInTheDocument()
    expect(within(dialog).getByRole('checkbox', { name: 'Enable fallbacks' })).toBeChecked()
  })

  it('is offered only to callers who can manage the endpoint', async () => {
    renderApp('/ml/endpoints/claude-summarizer')
    await screen.findByRole('heading', { level: 1, name: 'claude-summarizer' }, { timeout: 5000 })
    expect(within(screen.getByRole('region', { name: 'AI Gateway' })).queryByRole('button')).not.toBeInTheDocument()
  })
})
