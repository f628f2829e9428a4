#!/usr/bin/env bash
# The REST calls of the Databricks Model Serving docs, replayed with curl as the docs write them
# ("Create custom model serving endpoints", "Create external model endpoints", "Query serving
# endpoints for custom models"), against $DATABRICKS_HOST. Run by curl-docs.test.mjs against the mock
# server; MOCK_SESSION puts every call in one mock session, and the mock's clock is moved instead of
# waiting for the rollouts.
set -euo pipefail
: "${DATABRICKS_HOST:?}" "${DATABRICKS_TOKEN:?}" "${MOCK_SESSION:?}"

api() {
  local method=$1 path=$2
  shift 2
  curl -sS --fail-with-body -X "$method" "$DATABRICKS_HOST$path" \
    -H "Authorization: Bearer $DATABRICKS_TOKEN" \
    -H "X-Mock-Session: $MOCK_SESSION" \
    -H 'Content-Type: application/json' "$@"
  echo
}

# Create a custom model endpoint (docs: REST API tab of "Create an endpoint").
api POST /api/2.0/serving-endpoints -d '{
  "name": "ads1",
  "config": {
    "served_entities": [
      {
        "entity_name": "main.default.churn_model",
        "entity_version": "3",
        "workload_size": "Small",
        "scale_to_zero_enabled": true
      }
    ]
  },
  "tags": [{ "key": "team", "value": "data science" }]
}'

# Create an external model endpoint (docs: the OpenAI embeddings example).
api POST /api/2.0/serving-endpoints -d '{
  "name": "openai_endpoint",
  "config": {
    "served_entities": [
      {
        "name": "openai_embeddings",
        "external_model": {
          "name": "text-embedding-ada-002",
          "provider": "openai",
          "task": "llm/v1/embeddings",
          "openai_config": { "openai_api_key": "{{secrets/my_scope/my_openai_api_key}}" }
        }
      }
    ]
  },
  "rate_limits": [{ "calls": 100, "key": "user", "renewal_period": "minute" }],
  "tags": [{ "key": "team", "value": "gen-ai" }]
}'

# The docs poll the endpoint until it is ready; the mock's clock is moved instead.
curl -sS --fail-with-body -X POST "$DATABRICKS_HOST/__mock/clock" \
  -H "Authorization: Bearer $DATABRICKS_TOKEN" -H "X-Mock-Session: $MOCK_SESSION" \
  -H 'Content-Type: application/json' -d '{"advanceMs": 3600000}'
echo
api GET /api/2.0/serving-endpoints/ads1

# Query the custom model (docs: dataframe_split).
api POST /serving-endpoints/ads1/invocations -d '{
  "dataframe_split": {
    "columns": ["sepal length (cm)", "sepal width (cm)", "petal length (cm)", "petal width (cm)"],
    "data": [[5.1, 3.5, 1.4, 0.2], [6.2, 2.9, 4.3, 1.3]]
  }
}'

# Query the embeddings endpoint (docs: the embeddings request format).
api POST /serving-endpoints/openai_endpoint/invocations -d '{ "input": "Embed this sentence." }'

# Update the compute configuration (docs: "Modify the compute configuration of an endpoint").
api PUT /api/2.0/serving-endpoints/ads1/config -d '{
  "served_entities": [
    {
      "entity_name": "main.default.churn_model",
      "entity_version": "4",
      "workload_size": "Medium",
      "scale_to_zero_enabled": false
    }
  ]
}'

# Add and delete tags (docs: "Add tags to an endpoint").
api PATCH /api/2.0/serving-endpoints/ads1/tags -d '{
  "add_tags": [{ "key": "env", "value": "test" }],
  "delete_tags": ["team"]
}'

# Delete the external model endpoint.
api DELETE /api/2.0/serving-endpoints/openai_endpoint
