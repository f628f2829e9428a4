// Workspace objects around the endpoints: the Unity Catalog models the create form offers (from the
// seed's list) and which of them provisioned throughput can serve.
import type { ModelOptimizationInfo } from '../../api/permissions'
import type { ModelVersion, RegisteredModel } from '../../api/types'
import { ControlPlaneError, invalid } from './errors'
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

/**
 * The LLMs among the catalog's models, which provisioned throughput can serve: fine-tunes of a base
 * model Databricks optimizes. Throughput goes in steps of the chunk (tokens per second).
 */
const OPTIMIZABLE: Record<string, { model_type: string; throughput_chunk_size: number }> = {
  'main.finetune.llama_3_1_8b_support': { model_type: 'llama', throughput_chunk_size: 980 },
}

const fullNameOf = (m: (typeof UC_MODELS)[number]) => `${m.catalog}.${m.schema}.${m.name}`

/** GET /api/2.0/serving-endpoints/get-model-optimization-info/{registered_model_name}/{version}. */
export function optimizationInfo(fullName: string, version: string): ModelOptimizationInfo {
  const model = UC_MODELS.find((m) => fullNameOf(m) === fullName)
  if (!model) throw new ControlPlaneError('RESOURCE_DOES_NOT_EXIST', `Registered model '${fullName}' does not exist.`)
  const n = Number(version)
  if (!/^\d+$/.test(version) || n < 1 || n > model.versions) {
    throw new ControlPlaneError('RESOURCE_DOES_NOT_EXIST', `Version ${version} of registered model '${fullName}' does not exist.`)
  }
  const optimized = OPTIMIZABLE[fullName]
  return optimized ? { optimizable: true, ...optimized } : { optimizable: false }
}

/**
 * Provisioned throughput (min/max tokens per second) on a catalog model: only an optimizable one, in
 * steps of its chunk, min ≤ max. Models the catalog does not list are left to the other rules.
 */
export function checkThroughput(entityName: string, min: number | undefined, max: number | undefined, field: string): void {
  if (!UC_MODELS.some((m) => fullNameOf(m) === entityName)) return
  const optimized = OPTIMIZABLE[entityName]
  const key = max !== undefined ? 'max_provisioned_throughput' : 'min_provisioned_throughput'
  if (!optimized) {
    throw invalid(
      `${field}.${key}`,
      `Model '${entityName}' cannot be served with provisioned throughput: it is not an optimizable LLM. Choose a workload size instead.`,
    )
  }
  const chunk = optimized.throughput_chunk_size
  if (max === undefined)
    throw invalid(
      `${field}.max_provisioned_throughput`,
      `${field}.max_provisioned_throughput is required with min_provisioned_throughput.`,
    )
  for (const [name, value] of [
    ['min_provisioned_throughput', min],
    ['max_provisioned_throughput', max],
  ] as const) {
    if (value !== undefined && value % chunk !== 0) {
      throw invalid(
        `${field}.${name}`,
        `${name} must be a multiple of ${chunk} tokens per second for '${entityName}' (got ${value}).`,
      )
    }
  }
  if (max === 0) throw invalid(`${field}.max_provisioned_throughput`, `max_provisioned_throughput must be at least ${chunk}.`)
  if (min !== undefined && min > max) {
    throw invalid(
      `${field}.min_provisioned_throughput`,
      `min_provisioned_throughput (${min}) must not exceed max_provisioned_throughput (${max}).`,
    )
  }
}
