import { describe, expect, it } from 'vitest'
import { isSettled } from '../../lib/endpoint-status'
import { DEPLOY_FAILURE_MESSAGE } from './lifecycle'
import { DEPLOY_MS, UPDATE_MS, createBody, createReady, custom, errorOf, setup } from './test-support'

const deployments = (entities: { state: { deployment: string } }[] | undefined) => entities?.map((e) => e.state.deployment)

describe('create', () => {
  it('starts NOT_READY / IN_PROGRESS with a version-1 pending config of creating entities and no config', () => {
    const { cp, clock } = setup()
    const created = cp.create(createBody('churn', [custom('3')]))
    expect(created.state).toEqual({ ready: 'NOT_READY', config_update: 'IN_PROGRESS' })
    expect(created.config).toBeUndefined()
    expect(created.pending_config?.config_version).toBe(1)
    expect(created.pending_config?.start_time).toBe(clock.now())
    expect(deployments(created.pending_config?.served_entities)).toEqual(['DEPLOYMENT_CREATING'])
    expect(created.pending_config?.served_entities[0].state.deployment_state_message).not.toBe('')
    expect(created.creator).toBe('ada.lovelace@example.com')
    expect(isSettled(created)).toBe(false)
  })

  it('stays in progress until deployMs has passed, then is READY / NOT_UPDATING with ready entities', () => {
    const { cp, clock } = setup()
    const created = cp.create(createBody('churn', [custom('3')]))
    clock.advance(DEPLOY_MS - 1)
    expect(cp.get('churn').state.config_update).toBe('IN_PROGRESS')
    clock.advance(1)
    const ready = cp.get('churn')
    expect(ready.state).toEqual({ ready: 'READY', config_update: 'NOT_UPDATING' })
    expect(ready.pending_config).toBeUndefined()
    expect(ready.config?.config_version).toBe(1)
    expect(deployments(ready.config?.served_entities)).toEqual(['DEPLOYMENT_READY'])
    expect(ready.last_updated_timestamp).toBe(created.creation_timestamp + DEPLOY_MS)
    expect(isSettled(ready)).toBe(true)
  })

  it('records the creation and the end of the deployment as events', () => {
    const plane = setup()
    createReady(plane, 'churn', [custom('3')])
    expect(plane.cp.events('churn').events.map((e) => e.type)).toEqual(['ENDPOINT_READY', 'ENDPOINT_CREATED'])
  })

  it('shows the created endpoint in the list as a summary without pending config or entity state', () => {
    const { cp } = setup()
    cp.create(createBody('churn', [custom('3')]))
    const item = cp.list().endpoints.find((e) => e.name === 'churn')
    expect(item?.state).toEqual({ ready: 'NOT_READY', config_update: 'IN_PROGRESS' })
    expect(item).not.toHaveProperty('pending_config')
    expect(item?.config?.served_entities).toEqual([
      { name: 'churn_model-3', entity_name: 'main.default.churn_model', entity_version: '3' },
    ])
  })

  it('ends NOT_READY / UPDATE_FAILED with failed entities and a message when failNextDeploy is set', () => {
    const { cp, clock } = setup({ failNextDeploy: true })
    cp.create(createBody('churn', [custom('3')]))
    clock.advance(DEPLOY_MS)
    const failed = cp.get('churn')
    expect(failed.state).toEqual({ ready: 'NOT_READY', config_update: 'UPDATE_FAILED' })
    expect(failed.pending_config).toBeUndefined()
    expect(deployments(failed.config?.served_entities)).toEqual(['DEPLOYMENT_FAILED'])
    expect(failed.config?.served_entities[0].state.deployment_state_message).toBe(DEPLOY_FAILURE_MESSAGE)
    expect(cp.events('churn').events[0]).toMatchObject({ type: 'CONFIG_UPDATE_FAILED', served_entity_name: 'churn_model-3' })
  })
})

describe('update config', () => {
  it('adds a pending config n+1 with start_time while the active config keeps serving', () => {
    const plane = setup()
    createReady(plane, 'churn', [custom('3')])
    plane.clock.advance(5_000)
    const updating = plane.cp.updateConfig('churn', { served_entities: [custom('4')] })
    expect(updating.state).toEqual({ ready: 'READY', config_update: 'IN_PROGRESS' })
    expect(updating.config?.config_version).toBe(1)
    expect(deployments(updating.config?.served_entities)).toEqual(['DEPLOYMENT_READY'])
    expect(updating.pending_config?.config_version).toBe(2)
    expect(updating.pending_config?.start_time).toBe(plane.clock.now())
    expect(updating.pending_config?.served_entities.map((e) => e.name)).toEqual(['churn_model-4'])
    expect(updating.last_updated_timestamp).toBe(plane.clock.now())
    expect(plane.cp.events('churn').events[0].type).toBe('CONFIG_UPDATE_STARTED')
  })

  it('refuses a second update while one is in progress with 409 RESOURCE_CONFLICT', () => {
    const plane = setup()
    createReady(plane, 'churn', [custom('3')])
    plane.cp.updateConfig('churn', { served_entities: [custom('4')] })
    const error = errorOf(() => plane.cp.updateConfig('churn', { served_entities: [custom('2')] }))
    expect(error.status).toBe(409)
    expect(error.errorCode).toBe('RESOURCE_CONFLICT')
  })

  it('refuses an update while the endpoint is still being created', () => {
    const { cp } = setup()
    cp.create(createBody('churn', [custom('3')]))
    expect(errorOf(() => cp.updateConfig('churn', { served_entities: [custom('4')] })).errorCode).toBe('RESOURCE_CONFLICT')
  })

  it('applies the pending config after updateMs', () => {
    const plane = setup()
    createReady(plane, 'churn', [custom('3')])
    const started = plane.cp.updateConfig('churn', { served_entities: [custom('4')] })
    plane.clock.advance(UPDATE_MS)
    const updated = plane.cp.get('churn')
    expect(updated.state).toEqual({ ready: 'READY', config_update: 'NOT_UPDATING' })
    expect(updated.pending_config).toBeUndefined()
    expect(updated.config?.config_version).toBe(2)
    expect(updated.config?.served_entities.map((e) => e.name)).toEqual(['churn_model-4'])
    expect(updated.last_updated_timestamp).toBe(started.last_updated_timestamp + UPDATE_MS)
    expect(plane.cp.events('churn').events[0].type).toBe('CONFIG_UPDATE_SUCCEEDED')
  })

  it('keeps an entity’s creator and creation time when an update keeps it', () => {
    const plane = setup()
    const first = createReady(plane, 'churn', [custom('3')])
    plane.clock.advance(60_000)
    plane.cp.updateConfig('churn', {
      served_entities: [custom('3'), custom('4')],
      traffic_config: {
        routes: [
          { served_entity_name: 'churn_model-3', traffic_percentage: 50 },
          { served_entity_name: 'churn_model-4', traffic_percentage: 50 },
        ],
      },
    })
    plane.clock.advance(UPDATE_MS)
    const [kept, added] = plane.cp.get('churn').config?.served_entities ?? []
    expect(kept.creation_timestamp).toBe(first.config?.served_entities[0].creation_timestamp)
    expect(added.creation_timestamp).toBe(first.creation_timestamp + DEPLOY_MS + 60_000)
  })

  it('drops a failed update, keeps the active config and reports UPDATE_FAILED', () => {
    const plane = setup()
    createReady(plane, 'churn', [custom('3')])
    plane.cp.controls.write({ failNextDeploy: true })
    plane.cp.updateConfig('churn', { served_entities: [custom('4')] })
    plane.clock.advance(UPDATE_MS)
    const failed = plane.cp.get('churn')
    expect(failed.state).toEqual({ ready: 'READY', config_update: 'UPDATE_FAILED' })
    expect(failed.pending_config).toBeUndefined()
    expect(failed.config?.config_version).toBe(1)
    expect(deployments(failed.config?.served_entities)).toEqual(['DEPLOYMENT_READY'])
    expect(plane.cp.events('churn').events[0].message).toContain('version 1 keeps serving')
  })
})

describe('after a failed creation', () => {
  it('a successful update makes the endpoint READY', () => {
    const plane = setup({ failNextDeploy: true })
    plane.cp.create(createBody('churn', [custom('3')]))
    plane.clock.advance(DEPLOY_MS)
    const updating = plane.cp.updateConfig('churn', { served_entities: [custom('4')] })
    expect(updating.state).toEqual({ ready: 'NOT_READY', config_update: 'IN_PROGRESS' })
    expect(updating.pending_config?.config_version).toBe(2)
    plane.clock.advance(UPDATE_MS)
    expect(plane.cp.get('churn').state).toEqual({ ready: 'READY', config_update: 'NOT_UPDATING' })
  })

  it('a failed update does not claim that the failed version keeps serving', () => {
    const plane = setup({ failNextDeploy: true })
    plane.cp.create(createBody('churn', [custom('3')]))
    plane.clock.advance(DEPLOY_MS)
    plane.cp.controls.write({ failNextDeploy: true })
    plane.cp.updateConfig('churn', { served_entities: [custom('4')] })
    plane.clock.advance(UPDATE_MS)
    expect(plane.cp.get('churn').state).toEqual({ ready: 'NOT_READY', config_update: 'UPDATE_FAILED' })
    const message = plane.cp.events('churn').events[0].message
    expect(message).toMatch(/^Config version 2 failed to deploy\./)
    expect(message).not.toContain('keeps serving')
  })
})

describe('cancel', () => {
  it('drops the pending update and keeps the active config serving (UPDATE_CANCELED)', () => {
    const plane = setup()
    createReady(plane, 'churn', [custom('3')])
    plane.cp.updateConfig('churn', { served_entities: [custom('4')] })
    plane.clock.advance(500)
    const canceled = plane.cp.cancelUpdate('churn')
    expect(canceled.state).toEqual({ ready: 'READY', config_update: 'UPDATE_CANCELED' })
    expect(canceled.pending_config).toBeUndefined()
    expect(canceled.config?.config_version).toBe(1)
    expect(canceled.last_updated_timestamp).toBe(plane.clock.now())
    expect(plane.cp.events('churn').events[0].type).toBe('CONFIG_UPDATE_CANCELED')
    plane.clock.advance(UPDATE_MS)
    expect(plane.cp.get('churn').config?.config_version).toBe(1)
  })

  it('leaves a canceled creation NOT_READY with aborted entities, for good', () => {
    const { cp, clock } = setup()
    cp.create(createBody('churn', [custom('3')]))
    const canceled = cp.cancelUpdate('churn')
    expect(canceled.state).toEqual({ ready: 'NOT_READY', config_update: 'UPDATE_CANCELED' })
    expect(canceled.pending_config).toBeUndefined()
    expect(deployments(canceled.config?.served_entities)).toEqual(['DEPLOYMENT_ABORTED'])
    clock.advance(DEPLOY_MS * 10)
    expect(cp.get('churn').state.ready).toBe('NOT_READY')
  })

  it('answers 409 when the update already finished', () => {
    const plane = setup()
    createReady(plane, 'churn', [custom('3')])
    plane.cp.updateConfig('churn', { served_entities: [custom('4')] })
    plane.clock.advance(UPDATE_MS)
    const error = errorOf(() => plane.cp.cancelUpdate('churn'))
    expect(error.status).toBe(409)
    expect(error.errorCode).toBe('RESOURCE_CONFLICT')
    expect(error.message).toContain('no config update in progress')
  })

  it('lets a new update start after a cancel and bumps the version past the canceled one', () => {
    const plane = setup()
    createReady(plane, 'churn', [custom('3')])
    plane.cp.updateConfig('churn', { served_entities: [custom('4')] })
    plane.cp.cancelUpdate('churn')
    const again = plane.cp.updateConfig('churn', { served_entities: [custom('2')] })
    expect(again.pending_config?.config_version).toBe(2)
    expect(again.state.config_update).toBe('IN_PROGRESS')
  })
})

describe('delete', () => {
  it('removes the endpoint: get, events and a second delete answer 404', () => {
    const plane = setup()
    createReady(plane, 'churn', [custom('3')])
    expect(plane.cp.remove('churn')).toEqual({})
    expect(plane.cp.list().endpoints.some((e) => e.name === 'churn')).toBe(false)
    for (const run of [() => plane.cp.get('churn'), () => plane.cp.events('churn'), () => plane.cp.remove('churn')]) {
      const error = errorOf(run)
      expect(error.status).toBe(404)
      expect(error.errorCode).toBe('RESOURCE_DOES_NOT_EXIST')
      expect(error.message).toBe("Serving endpoint with name 'churn' does not exist.")
    }
  })

  it('deletes an endpoint mid-creation, and the name can be used again', () => {
    const { cp } = setup()
    cp.create(createBody('churn', [custom('3')]))
    cp.remove('churn')
    expect(cp.create(createBody('churn', [custom('4')])).pending_config?.served_entities[0].name).toBe('churn_model-4')
  })
})
