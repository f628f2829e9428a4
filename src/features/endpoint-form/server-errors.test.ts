import { describe, expect, it } from 'vitest'
import { placeOf, type ErrorPlace } from './server-errors'

// Wire path in ApiError.field → where the form shows the message (the row, and the dialog field inside it).
const cases: [string | undefined, number, ErrorPlace][] = [
  [undefined, 1, {}],
  ['name', 1, { field: 'name' }],
  ['config', 1, { field: 'entities.0.entity' }],
  ['served_entities', 2, { field: 'entities.0.entity' }],
  ['served_entities[1].workload_size', 2, { field: 'entities.1.workload_size' }],
  ['served_entities[0].workload_type', 1, { field: 'entities.0.workload_type' }],
  ['served_entities[0].scale_to_zero_enabled', 1, { field: 'entities.0.scale_to_zero' }],
  ['served_entities[0].provisioned_model_units', 1, { field: 'entities.0.units' }],
  ['served_entities[0].name', 1, { field: 'entities.0.entity', dialog: { row: 0, path: 'served_name' } }],
  ['served_entities[0].entity_name', 1, { field: 'entities.0.entity', dialog: { row: 0, path: 'entity_name' } }],
  ['served_entities[0].entity_version', 1, { field: 'entities.0.entity', dialog: { row: 0, path: 'entity_version' } }],
  [
    'served_entities[0].max_provisioned_throughput',
    1,
    { field: 'entities.0.entity', dialog: { row: 0, path: 'throughput_max' } },
  ],
  [
    'served_entities[0].min_provisioned_throughput',
    1,
    { field: 'entities.0.entity', dialog: { row: 0, path: 'throughput_min' } },
  ],
  ['served_entities[0].external_model.name', 1, { field: 'entities.0.entity', dialog: { row: 0, path: 'model_name' } }],
  ['served_entities[0].external_model.task', 1, { field: 'entities.0.entity', dialog: { row: 0, path: 'task' } }],
  ['served_entities[0].external_model.provider', 1, { field: 'entities.0.entity', dialog: { row: 0, path: 'foundation' } }],
  [
    'served_entities[0].external_model.openai_config.openai_api_key',
    1,
    { field: 'entities.0.entity', dialog: { row: 0, path: 'secrets.openai_api_key.value' } },
  ],
  [
    'served_entities[0].external_model.openai_config.openai_api_key_plaintext',
    1,
    { field: 'entities.0.entity', dialog: { row: 0, path: 'secrets.openai_api_key.value' } },
  ],
  [
    'served_entities[0].external_model.openai_config.openai_api_base',
    1,
    { field: 'entities.0.entity', dialog: { row: 0, path: 'config.openai_api_base' } },
  ],
  [
    'served_entities[0].external_model.custom_provider_config.bearer_token_auth.token',
    1,
    { field: 'entities.0.entity', dialog: { row: 0, path: 'secrets.bearer_token_auth__token.value' } },
  ],
  [
    'served_entities[0].external_model.amazon_bedrock_config.aws_region',
    1,
    { field: 'entities.0.entity', dialog: { row: 0, path: 'config.aws_region' } },
  ],
  ['served_entities[0].external_model.openai_config.unknown_field', 1, { field: 'entities.0.entity', dialog: undefined }],
  // A row index the form does not have lands on its last row.
  ['served_entities[5].workload_size', 2, { field: 'entities.1.workload_size' }],
  ['traffic_config.routes[1].traffic_percentage', 2, { field: 'entities.1.traffic' }],
  ['traffic_config', 3, { field: 'entities.2.traffic' }],
  ['rate_limits[0].calls', 1, { field: 'rate_limits.0.calls' }],
  ['ai_gateway.rate_limits[2].calls', 1, { field: 'rate_limits.2.calls' }],
  ['tags[1].key', 1, { field: 'tags.1.key' }],
  ['add_tags[0].value', 1, { field: 'tags.0.value' }],
  ['ai_gateway.inference_table_config.catalog_name', 1, { field: 'inference_table.catalog' }],
  ['ai_gateway.inference_table_config.table_name_prefix', 1, { field: 'inference_table.prefix' }],
  ['route_optimized', 1, {}],
]

describe('placeOf: server error path → form field', () => {
  it.each(cases)('%s (%i rows)', (path, rows, expected) => {
    expect(placeOf(path, rows)).toEqual(expected)
  })
})
