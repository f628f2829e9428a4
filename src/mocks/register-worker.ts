// Registers the mock's service worker as soon as the app starts, so that it installs while the mock
// chunk (msw and the control plane) downloads and evaluates, instead of after. msw then finds it in
// place. No msw import here: this runs from the app chunk.

/** msw's worker script (public/mockServiceWorker.js), at msw's default URL and scope. */
export const WORKER_URL = '/mockServiceWorker.js'
const GIVE_UP_MS = 3000

/**
 * Resolves once the worker controls this page, or at once when waiting would not help: no service
 * workers, a page already controlled, or a worker left from an earlier visit (a hard reload, which
 * msw handles). Never rejects: msw's own start reports any failure.
 */
export async function registerWorkerEarly(
  container: ServiceWorkerContainer | undefined = navigator.serviceWorker,
): Promise<void> {
  if (!container || container.controller) return
  try {
    const existing = await container.getRegistration()
    if (existing) return
    const controlled = new Promise<void>((resolve) => {
      container.addEventListener('controllerchange', () => resolve(), { once: true })
      // A worker that never takes control must not hold the app back: msw's start then decides.
      setTimeout(resolve, GIVE_UP_MS)
    })
    await container.register(WORKER_URL)
    await controlled
  } catch {
    // msw's start registers again and says what went wrong
  }
}
