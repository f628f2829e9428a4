import { describe, expect, it } from 'vitest'
import { PT_MODELS } from '../../lib/foundation-models'
import {
  EMPTY_GATEWAY,
  RATE_LIMIT_EMPTY_MESSAGE,
  RATE_LIMIT_MESSAGE,
  type RateLimitRow,
} from '../../components/ai-gateway/gateway-values'
import { EMPTY_FORM, endpointFormSchema, type EndpointFormValues } from './form-schema'

const valid: EndpointFormValues = {
  ...EMPTY_FORM,
  name: 'limits',
  entities: [{ ...EMPTY_FORM.entities[0], entity: { kind: 'uc', entity_name: 'main.default.churn_model', entity_version: '4' } }],
}

function problemAt(values: Partial<EndpointFormValues>, path: string): string | undefined {
  const result = endpointFormSchema('create').safeParse({ ...valid, ...values })
  return result.error?.issues.find((issue) => issue.path.join('.') === path)?.message
}

const limit = (row: Partial<RateLimitRow>): RateLimitRow => ({ calls: '', tokens: '', key: 'user', principal: '', ...row })
const callsProblem = (calls: string) => problemAt({ rate_limits: [limit({ calls })] }, 'rate_limits.0.calls')

describe('rate limit calls', () => {
  it.each(['0', '1', ' 25 ', '9007199254740991'])('accepts %j', (calls) => {
    expect(callsProblem(calls)).toBeUndefined()
  })

  it.each(['-1', '10.5', '1e3', 'ten'])('refuses %j as not a non-negative integer', (calls) => {
    expect(callsProblem(calls)).toBe(RATE_LIMIT_MESSAGE)
  })

  // Number() would silently round these (1e20) or make them Infinity, which JSON sends as null.
  it.each([
    { what: '2^53', calls: '9007199254740992' },
    { what: '20 digits', calls: '99999999999999999999' },
    { what: '10 kB of digits', calls: '9'.repeat(10_240) },
  ])('refuses $what, which a JSON number cannot carry exactly', ({ calls }) => {
    expect(callsProblem(calls)).toBe('Rate limits must be at most 9007199254740991.')
  })
})

describe('gateway rate limits', () => {
  it('needs calls, tokens or both', () => {
    expect(callsProblem('')).toBe(RATE_LIMIT_EMPTY_MESSAGE)
    expect(problemAt({ rate_limits: [limit({ tokens: '500' })] }, 'rate_limits.0.calls')).toBeUndefined()
    expect(problemAt({ rate_limits: [limit({ calls: '5', tokens: '500' })] }, 'rate_limits.0.calls')).toBeUndefined()
  })

  it.each(['-1', '2.5', 'lots'])('refuses tokens %j', (tokens) => {
    expect(problemAt({ rate_limits: [limit({ tokens })] }, 'rate_limits.0.tokens')).toBe(RATE_LIMIT_MESSAGE)
  })

  it('needs the group name for a user-group limit and the application ID for a service-principal limit', () => {
    expect(
      problemAt({ rate_limits: [limit({ calls: '1', key: 'user_group', principal: ' ' })] }, 'rate_limits.0.principal'),
    ).toBe('Enter the name of the user group.')
    expect(problemAt({ rate_limits: [limit({ calls: '1', key: 'service_principal' })] }, 'rate_limits.0.principal')).toBe(
      'Enter the application ID of the service principal.',
    )
    expect(problemAt({ rate_limits: [limit({ calls: '1', key: 'endpoint' })] }, 'rate_limits.0.principal')).toBeUndefined()
  })

  it('needs the catalog and schema of an enabled inference table', () => {
    const inference_table = { enabled: true, catalog: '', schema: ' ', prefix: '' }
    expect(problemAt({ inference_table }, 'inference_table.catalog')).toBe('Enter the catalog for the inference table.')
    expect(problemAt({ inference_table }, 'inference_table.schema')).toBe('Enter the schema for the inference table.')
    expect(problemAt({ inference_table: EMPTY_GATEWAY.inference_table }, 'inference_table.catalog')).toBeUndefined()
  })

  it('refuses a PII behavior other than None, Block or Mask', () => {
    const guardrails = { ...EMPTY_GATEWAY.guardrails, input: { ...EMPTY_GATEWAY.guardrails.input, pii: 'HIDE' } }
    expect(problemAt({ guardrails } as unknown as Partial<EndpointFormValues>, 'guardrails.input.pii')).toBeDefined()
  })
})

function unitsProblem(units: string): string | undefined {
  const [model] = PT_MODELS
  const entity = { kind: 'pt' as const, entity_name: model.entity_name, entity_version: model.entity_version }
  const entities = [{ ...valid.entities[0], entity, units }]
  const result = endpointFormSchema('create').safeParse({ ...valid, entities })
  return result.error?.issues.find((issue) => issue.path.join('.') === 'entities.0.units')?.message
}

describe('provisioned model units', () => {
  it.each(['50', '100', '9007199254740950'])('accepts %j', (units) => {
    expect(unitsProblem(units)).toBeUndefined()
  })

  it.each(['', '0', '75', '-50', 'fifty'])('refuses %j as not a positive multiple of 50', (units) => {
    expect(unitsProblem(units)).toBe('Model units must be a positive multiple of 50.')
  })

  it.each([
    { what: '20 digits', units: '99999999999999999950' },
    { what: '10 kB of digits', units: `${'5'.repeat(10_239)}0` },
  ])('refuses $what, which a JSON number cannot carry exactly', ({ units }) => {
    expect(unitsProblem(units)).toBe('Model units must be at most 9007199254740991.')
  })
})

function envProblems(env: { name: string; value: string }[]): Record<string, string> {
  const entities = [{ ...valid.entities[0], env }]
  const result = endpointFormSchema('create').safeParse({ ...valid, entities })
  return Object.fromEntries((result.error?.issues ?? []).map((issue) => [issue.path.join('.'), issue.message]))
}

describe('environment variables of a custom model', () => {
  it('accepts shell-style names with plain values or secret references', () => {
    expect(
      envProblems([
        { name: 'OPENAI_API_KEY', value: '{{secrets/team/openai}}' },
        { name: '_debug2', value: 'true' },
        { name: 'EMPTY', value: '' },
      ]),
    ).toEqual({})
  })

  it.each([
    { name: '', message: 'Enter a variable name.' },
    { name: '2FAST', message: 'Variable names use letters, digits and underscores, and do not start with a digit.' },
    { name: 'MY-VAR', message: 'Variable names use letters, digits and underscores, and do not start with a digit.' },
    { name: '<script>', message: 'Variable names use letters, digits and underscores, and do not start with a digit.' },
  ])('refuses the name $name at its field', ({ name, message }) => {
    expect(envProblems([{ name, value: 'x' }])).toEqual({ 'entities.0.env.0.name': message })
  })

  it('refuses a name set twice, at the second row', () => {
    expect(
      envProblems([
        { name: 'A', value: '1' },
        { name: 'A', value: '2' },
      ]),
    ).toEqual({
      'entities.0.env.1.name': 'Variable "A" is already set above.',
    })
  })

  it('refuses a malformed secret reference at the value', () => {
    expect(envProblems([{ name: 'KEY', value: '{{secrets/only-scope}}' }])).toEqual({
      'entities.0.env.0.value': 'Use a secret reference like {{secrets/<scope>/<key>}}',
    })
  })

  it('ignores the rows of an entity that is not a custom model (they are not sent)', () => {
    const [model] = PT_MODELS
    const entity = { kind: 'pt' as const, entity_name: model.entity_name, entity_version: model.entity_version }
    const result = endpointFormSchema('create').safeParse({
      ...valid,
      entities: [{ ...valid.entities[0], entity, env: [{ name: '1', value: '' }] }],
    })
    expect(result.success).toBe(true)
  })
})
