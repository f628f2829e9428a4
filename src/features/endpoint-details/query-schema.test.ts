import { describe, expect, it } from 'vitest'
import { queryFormSchema } from './query-schema'

const problem = (body: string) => queryFormSchema.safeParse({ body }).error?.issues.map((i) => [i.path.join('.'), i.message])

describe('query form schema', () => {
  it('gives the parsed request for a JSON object', () => {
    expect(queryFormSchema.parse({ body: '{"messages": [{"role": "user", "content": "hi"}]}' })).toEqual({
      body: { messages: [{ role: 'user', content: 'hi' }] },
    })
  })

  it.each(['', '  \n '])('asks for a body when it is %j', (body) => {
    expect(problem(body)).toEqual([['body', 'Enter a request body in JSON.']])
  })

  it('says what is wrong with text that is not JSON', () => {
    expect(problem('{"messages": [')).toEqual([['body', expect.stringMatching(/^The request body is not valid JSON: /)]])
  })

  it.each(['[1, 2]', '"hi"', '42', 'null'])('refuses %s, which is JSON but not an object', (body) => {
    expect(problem(body)).toEqual([['body', 'The request body must be a JSON object, like {"messages": [...]}.']])
  })
})
