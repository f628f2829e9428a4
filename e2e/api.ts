// The REST API as a test script (or another person) calls it from inside the page, through the mock,
// and the request bodies the specs share.
import type { Page } from '@playwright/test'
import { expect, mockReady } from './fixtures'

export const ENDPOINTS = '/api/2.0/serving-endpoints'
export const detailPath = (name: string) => `${ENDPOINTS}/${name}`

/** Marks the test's own calls, so counts of the app's requests can leave them out. */
export const OWN_REQUEST_HEADER = 'x-e2e-own'

/** One REST call from inside the page: its status and parsed JSON body. */
export async function api(page: Page, method: string, path: string, body?: unknown): Promise<{ status: number; json: unknown }> {
  await mockReady(page)
  return page.evaluate(
    async ([m, p, json, header]) => {
      const response = await fetch(p, {
        method: m,
        headers: { 'Content-Type': 'application/json', [header]: '1' },
        body: json === undefined ? undefined : json,
      })
      const text = await response.text()
      return { status: response.status, json: text ? (JSON.parse(text) as unknown) : undefined }
    },
    [method, path, body === undefined ? undefined : JSON.stringify(body), OWN_REQUEST_HEADER] as const,
  )
}

/** A config update of the seeded churn-predictor: one served entity, version 4 on Large compute. */
export const CHURN_UPDATE = {
  served_entities: [
    {
      name: 'churn_model-4',
      entity_name: 'main.default.churn_model',
      entity_version: '4',
      workload_size: 'Large',
      scale_to_zero_enabled: false,
    },
  ],
}

/** Starts a config update through the REST API, as another person would while the page is open. */
export async function startUpdate(page: Page, name: string, body: unknown = CHURN_UPDATE): Promise<void> {
  expect((await api(page, 'PUT', `${detailPath(name)}/config`, body)).status).toBe(200)
}
