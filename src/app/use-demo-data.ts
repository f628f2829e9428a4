import { useSyncExternalStore } from 'react'
import { demoDataSnapshot, subscribeDemoData, type DemoDataSnapshot } from './demo-data'

/** Whether the saved demo data can be read, and how many resets there have been. */
export function useDemoData(): DemoDataSnapshot {
  return useSyncExternalStore(subscribeDemoData, demoDataSnapshot)
}
