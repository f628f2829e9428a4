import { describe, expect, it } from 'vitest'
import { throughputOptions, throughputProblems, throughputText } from './throughput'

describe('provisioned throughput in chunk steps', () => {
  it('offers the chunk’s multiples, with 0 for the minimum', () => {
    expect(throughputOptions(980, { withZero: true }).slice(0, 3)).toEqual([0, 980, 1960])
    expect(throughputOptions(980, { withZero: false })).toHaveLength(10)
  })

  it.each([
    ['', '', {}],
    ['0', '1960', {}],
    ['980', '980', {}],
    ['', '1000', { max: 'Choose a multiple of 980 tokens/s, at least 980.' }],
    ['0', '0', { max: 'Choose a multiple of 980 tokens/s, at least 980.' }],
    ['500', '980', { min: 'Choose a multiple of 980 tokens/s.' }],
    ['1960', '980', { min: 'The minimum must not exceed the maximum.' }],
    ['980', '', { max: 'Choose a maximum throughput.' }],
  ])('min %j, max %j → %j', (min, max, problems) => {
    expect(throughputProblems(min, max, 980)).toEqual(problems)
  })

  it('reads as a range', () => {
    expect(throughputText(0, 1960)).toBe('Provisioned throughput 0–1,960 tokens/s')
  })
})
