// Endpoint and served-entity name rules, shared by the form's schema and the mock's validator.

/** Databricks documents no maximum; 63 is this console's choice (and the mock's). */
export const ENDPOINT_NAME_MAX = 63
export const NAME_PATTERN = /^[A-Za-z0-9_-]+$/
export const RESERVED_PREFIX = 'databricks-'

/** Why a name is refused, or undefined when it is acceptable. */
export function endpointNameProblem(name: string): string | undefined {
  if (name.trim() === '') return 'Name is required.'
  if (!NAME_PATTERN.test(name)) return 'Name may contain only letters, digits, dashes (-) and underscores (_).'
  if (name.length > ENDPOINT_NAME_MAX) return `Name must be at most ${ENDPOINT_NAME_MAX} characters.`
  if (name.toLowerCase().startsWith(RESERVED_PREFIX)) {
    return `Names starting with "${RESERVED_PREFIX}" are reserved for Databricks system endpoints.`
  }
  return undefined
}

export function servedEntityNameProblem(name: string): string | undefined {
  if (!NAME_PATTERN.test(name)) {
    return `Served entity name '${name}' may contain only letters, digits, dashes (-) and underscores (_).`
  }
  return undefined
}

/** Default served-entity name: `<model>-<version>` (last dotted segment) or the external model's name. */
export function defaultServedEntityName(entity: {
  entity_name?: string
  entity_version?: string
  external_model?: { name: string }
}): string {
  // Model names are free text (Vertex AI's `claude-…@20241022`): any character a name cannot hold becomes '-'.
  if (entity.external_model) return entity.external_model.name.replace(/[^A-Za-z0-9_-]/g, '-')
  const model = (entity.entity_name ?? 'entity').split('.').pop() ?? 'entity'
  const base = entity.entity_version ? `${model}-${entity.entity_version}` : model
  return base.replace(/[^A-Za-z0-9_-]/g, '_')
}

/** Environment variable names a served model's container accepts (POSIX shell names). */
export const ENV_VAR_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/

export function envVarNameProblem(name: string): string | undefined {
  if (name.trim() === '') return 'Enter a variable name.'
  if (!ENV_VAR_NAME.test(name)) {
    return 'Variable names use letters, digits and underscores, and do not start with a digit.'
  }
  return undefined
}
