import { screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { clock, controlPlane, server } from '../../mocks/node'
import { renderApp } from '../../test/render'

async function open(name: string) {
  const app = renderApp(`/ml/endpoints/${name}`)
  expect(await screen.findByRole('heading', { level: 1, name }, { timeout: 5000 })).toBeInTheDocument()
  return app
}

const customEntity = {
  entity_name: 'main.default.churn_model',
  entity_version: '4',
  workload_size: 'Small',
  scale_to_zero_enabled: true,
}

function aboutTask(): string | null {
  const about = screen.getByRole('region', { name: 'About' })
  return within(about).getByText('Task').nextElementSibling?.textContent ?? null
}

describe('About → Task', () => {
  it('names the task the active config serves while a pending config changes it', async () => {
    server.setControls({ latencyMs: 0, updateMs: 60 * 60_000 })
    controlPlane.updateConfig('support-chat-gpt4o', {
      served_entities: [
        {
          name: 'embeddings',
          external_model: {
            name: 'text-embedding-3-small',
            provider: 'openai',
            task: 'llm/v1/embeddings',
            openai_config: { openai_api_key: '{{secrets/support/openai_api_key}}' },
          },
        },
      ],
    })
    await open('support-chat-gpt4o')
    expect(screen.getByRole('table', { name: 'Pending configuration' })).toHaveTextContent('Embeddings')
    expect(aboutTask()).toBe('Chat')
  })
})

describe('an endpoint whose creation ended before it was ready', () => {
  it('says nothing ever served and shows the canceled config as canceled', async () => {
    server.setControls({ latencyMs: 0, deployMs: 60 * 60_000 })
    controlPlane.create({ name: 'never-served', config: { served_entities: [customEntity] } })
    controlPlane.cancelUpdate('never-served')
    await open('never-served')

    expect(screen.getByText(/No active configuration — this endpoint has never served traffic/)).toBeInTheDocument()
    expect(screen.queryByRole('table', { name: 'Active configuration' })).not.toBeInTheDocument()
    expect(screen.queryByText(/Active configuration · Version/)).not.toBeInTheDocument()
    const canceled = screen.getByRole('region', { name: 'Canceled configuration' })
    expect(canceled).toHaveTextContent('Version 1')
    expect(within(canceled).getByRole('table', { name: 'Canceled configuration' })).toHaveTextContent('Aborted')
    expect(screen.getByRole('group', { name: 'Serving endpoint state' })).toHaveTextContent('Creation was canceled')
  })

  it('shows a failed first deployment as the failed configuration', async () => {
    server.setControls({ latencyMs: 0, deployMs: 1000, failNextDeploy: true })
    controlPlane.create({ name: 'never-ready', config: { served_entities: [customEntity] } })
    clock.advance(2000)
    await open('never-ready')

    expect(screen.getByText(/No active configuration — this endpoint has never served traffic/)).toBeInTheDocument()
    expect(screen.queryByRole('table', { name: 'Active configuration' })).not.toBeInTheDocument()
    expect(screen.getByRole('table', { name: 'Failed configuration' })).toHaveTextContent('Failed')
    const events = await screen.findByRole('list', { name: 'Events, newest first' })
    expect(within(events).getAllByRole('listitem')[0]).toHaveTextContent('Creation failed')
  })
})

describe('events', () => {
  it('logs an endpoint that became ready after creation as ready, and later rollouts as updates', async () => {
    server.setControls({ latencyMs: 0, deployMs: 1000, updateMs: 1000 })
    controlPlane.create({ name: 'fresh', config: { served_entities: [customEntity] } })
    clock.advance(2000)
    controlPlane.updateConfig('fresh', { served_entities: [{ ...customEntity, workload_size: 'Medium' }] })
    clock.advance(2000)
    await open('fresh')

    const events = await screen.findByRole('list', { name: 'Events, newest first' })
    const labels = within(events)
      .getAllByRole('listitem')
      .map((item) => item.firstElementChild?.nextElementSibling?.textContent)
    expect(labels).toEqual(['Update succeeded', 'Update started', 'Endpoint is ready', 'Endpoint created'])
  })
})

describe('missing actions', () => {
  it('says why Query, Edit and Delete are disabled for a CAN_VIEW user', async () => {
    await open('shared-embeddings')
    for (const name of ['Query endpoint', 'Edit endpoint', 'Delete']) {
      expect(screen.getByRole('button', { name })).toHaveAccessibleDescription(/You have view-only access to this endpoint/)
    }
    expect(screen.getByText(/You have view-only access to this endpoint/)).toBeInTheDocument()
  })

  it('says why Edit and Delete are disabled for a CAN_QUERY user', async () => {
    await open('claude-summarizer')
    expect(screen.getByText(/You have query access to this endpoint/)).toBeInTheDocument()
  })
})
