// Workspace objects around the endpoints: the Unity Catalog models the create form offers (from the
// seed's list) and an endpoint's access control list.
import type { ModelVersion, RegisteredModel } from '../../api/types'
import { ControlPlaneError } from './errors'
import type { StoredEndpoint } from './model'
import { CURRENT_USER, UC_MODELS } from './seed'

export function registeredModels(): RegisteredModel[] {
  return UC_MODELS.map((m) => ({
    full_name: `${m.catalog}.${m.schema}.${m.name}`,
    name: m.name,
    catalog_name: m.catalog,
    schema_name: m.schema,
  }))
}

/** Newest first, as Unity Catalog lists them. */
export function modelVersions(fullName: string): ModelVersion[] {
  const model = UC_MODELS.find((m) => `${m.catalog}.${m.schema}.${m.name}` === fullName)
  if (!model) {
    throw new ControlPlaneError('RESOURCE_DOES_NOT_EXIST', `Registered model '${fullName}' does not exist.`)
  }
  return Array.from({ length: model.versions }, (_, i) => ({
    model_name: fullName,
    version: model.versions - i,
    status: 'READY' as const,
  }))
}

/** The current user's level on the endpoint, and the admins group's inherited CAN_MANAGE. */
export function permissionsOf(endpoint: StoredEndpoint) {
  return {
    object_id: `/serving-endpoints/${endpoint.id}`,
    object_type: 'serving-endpoint',
    access_control_list: [
      {
        user_name: CURRENT_USER,
        all_permissions: [{ permission_level: endpoint.permission_level, inherited: false }],
      },
      {
        group_name: 'admins',
        all_permissions: [{ permission_level: 'CAN_MANAGE', inherited: true, inherited_from_object: ['/serving-endpoints/'] }],
      },
    ],
  }
}
