import { screen, waitFor, within } from '@testing-library/react'
import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { controlPlane, server } from '../../mocks/node'
import { renderApp } from '../../test/render'
import { chooseUcModel } from './form-test-helpers'

type User = ReturnType<typeof renderApp>['user']

async function fillGateway(user: User) {
  await user.click(screen.getByRole('button', { name: 'Add rate limit' }))
  const limits = screen.getByRole('region', { name: 'Rate limits' })
  await user.type(within(limits).getByRole('textbox', { name: 'Tokens per minute' }), '5000')
  await user.selectOptions(within(limits).getByRole('combobox', { name: 'Key' }), 'Per user group')
  await user.type(within(limits).getByRole('textbox', { name: 'User group' }), 'analysts')
  await user.click(screen.getByRole('checkbox', { name: 'Enable usage tracking' }))
  const input = screen.getByRole('group', { name: 'Input guardrails' })
  await user.click(within(input).getByRole('checkbox', { name: 'Safety' }))
  await user.selectOptions(within(input).getByRole('combobox', { name: 'PII' }), 'Block')
  await user.type(within(input).getByRole('textbox', { name: /^Invalid keywords/ }), 'falcon{Enter} secret ')
  await user.type(within(input).getByRole('textbox', { name: /^Valid topics/ }), 'spark, databricks')
  const output = screen.getByRole('group', { name: 'Output guardrails' })
  await user.selectOptions(within(output).getByRole('combobox', { name: 'PII' }), 'Mask')
  await user.click(screen.getByRole('checkbox', { name: 'Enable fallbacks' }))
}

describe('AI Gateway in the create form', { timeout: 20_000 }, () => {
  it('sends the whole gateway: token limits per user group, usage tracking, guardrails and fallbacks', async () => {
    const { user, router } = renderApp('/ml/endpoints/create')
    await user.type(await screen.findByRole('textbox', { name: 'Name' }, { timeout: 5000 }), 'governed')
    await chooseUcModel(user)
    const pii = within(screen.getByRole('group', { name: 'Input guardrails' })).getByRole('combobox', { name: 'PII' })
    expect(
      within(pii)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['None', 'Block', 'Mask'])
    await fillGateway(user)
    await user.click(screen.getByRole('button', { name: 'Create' }))
    await waitFor(() => expect(router.state.location.pathname).toBe('/ml/endpoints/governed'), { timeout: 8000 })
    expect(controlPlane.get('governed').ai_gateway).toEqual({
      usage_tracking_config: { enabled: true },
      inference_table_config: { enabled: false },
      rate_limits: [{ tokens: 5000, key: 'user_group', principal: 'analysts', renewal_period: 'minute' }],
      guardrails: {
        input: {
          safety: true,
          pii: { behavior: 'BLOCK' },
          invalid_keywords: ['falcon', 'secret'],
          valid_topics: ['spark', 'databricks'],
        },
        output: { pii: { behavior: 'MASK' } },
      },
      fallback_config: { enabled: true },
    })
  })

  it('asks for calls or tokens and for the group, at their fields, before sending', async () => {
    const { user } = renderApp('/ml/endpoints/create')
    await user.type(await screen.findByRole('textbox', { name: 'Name' }, { timeout: 5000 }), 'governed')
    await chooseUcModel(user)
    await user.click(screen.getByRole('button', { name: 'Add rate limit' }))
    await user.selectOptions(screen.getByRole('combobox', { name: 'Key' }), 'Per user group')
    await user.click(screen.getByRole('button', { name: 'Create' }))
    expect(await screen.findByRole('textbox', { name: 'Calls per minute' })).toHaveAccessibleDescription(
      'Enter calls per minute, tokens per minute, or both.',
    )
    expect(screen.getByRole('textbox', { name: 'User group' })).toHaveAccessibleDescription('Enter the name of the user group.')
  })

  it('puts a 400 about a guardrail at its field and keeps everything typed; a 500 shows in the banner', async () => {
    server.use(
      http.post('/api/2.0/serving-endpoints', () =>
        HttpResponse.json(
          {
            error_code: 'INVALID_PARAMETER_VALUE',
            message: 'Invalid keyword 1 is too long.',
            details: [
              { reason: 'INVALID_PARAMETER_VALUE', metadata: { field: 'ai_gateway.guardrails.input.invalid_keywords[0]' } },
            ],
          },
          { status: 400 },
        ),
      ),
    )
    const { user } = renderApp('/ml/endpoints/create')
    await user.type(await screen.findByRole('textbox', { name: 'Name' }, { timeout: 5000 }), 'governed')
    await chooseUcModel(user)
    await fillGateway(user)
    await user.click(screen.getByRole('button', { name: 'Create' }))
    const input = screen.getByRole('group', { name: 'Input guardrails' })
    const keywords = within(input).getByRole('textbox', { name: /^Invalid keywords/ })
    await waitFor(() => expect(keywords).toHaveAttribute('aria-invalid', 'true'))
    expect(keywords).toHaveAccessibleDescription(expect.stringContaining('Invalid keyword 1 is too long.'))
    expect(keywords).toHaveValue('falcon\n secret ')
    expect(screen.getByRole('textbox', { name: 'User group' })).toHaveValue('analysts')

    server.use(
      http.post('/api/2.0/serving-endpoints', () =>
        HttpResponse.json({ error_code: 'INTERNAL_ERROR', message: 'Down.' }, { status: 500 }),
      ),
    )
    await user.click(screen.getByRole('button', { name: 'Create' }))
    expect(await screen.findByText('Down.')).toBeInTheDocument()
    expect(within(screen.getByRole('group', { name: 'Output guardrails' })).getByRole('combobox', { name: 'PII' })).toHaveValue(
      'MASK',
    )
  })
})
