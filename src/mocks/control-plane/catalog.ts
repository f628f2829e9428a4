// The Unity Catalog models the create form offers (read-only, from the seed's list).
import type { ModelVersion, RegisteredModel } from '../../api/types'
import { ControlPlaneError } from './errors'
import { UC_MODELS } from './seed'

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
