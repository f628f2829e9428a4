// The embedded backend: the msw worker over a control plane persisted in localStorage.
import { setupWorker } from 'msw/browser'
import { ControlPlane } from './control-plane'
import { createHandlers } from './handlers'

export const controlPlane = new ControlPlane({ storage: window.localStorage })
export const worker = setupWorker(...createHandlers(controlPlane))
