import { describe, expect, it, vi } from 'vitest'
import { WORKER_URL, registerWorkerEarly } from './register-worker'

/** A stand-in for navigator.serviceWorker with just what registerWorkerEarly touches. */
function fakeContainer({ controlled = false, existing = false, registerFails = false } = {}) {
  const target = new EventTarget()
  const container = {
    controller: controlled ? ({} as ServiceWorker) : null,
    getRegistration: vi.fn<() => Promise<ServiceWorkerRegistration | undefined>>(async () =>
      existing ? ({} as ServiceWorkerRegistration) : undefined,
    ),
    register: vi.fn<(url: string) => Promise<ServiceWorkerRegistration>>(async () => {
      if (registerFails) throw new Error('blocked')
      return {} as ServiceWorkerRegistration
    }),
    addEventListener: target.addEventListener.bind(target),
    claim: () => target.dispatchEvent(new Event('controllerchange')),
  }
  return container
}

const asContainer = (fake: ReturnType<typeof fakeContainer>) => fake as unknown as ServiceWorkerContainer
const settledWithin = async (promise: Promise<void>, ms = 20) =>
  Promise.race([promise.then(() => true), new Promise<boolean>((resolve) => setTimeout(() => resolve(false), ms))])

describe('registerWorkerEarly', () => {
  it('registers msw’s worker on a first visit and resolves once it controls the page', async () => {
    const fake = fakeContainer()
    const done = registerWorkerEarly(asContainer(fake))
    expect(await settledWithin(done)).toBe(false)
    expect(fake.register).toHaveBeenCalledWith(WORKER_URL)
    fake.claim()
    expect(await settledWithin(done)).toBe(true)
  })

  it('does nothing on a page the worker already controls', async () => {
    const fake = fakeContainer({ controlled: true })
    expect(await settledWithin(registerWorkerEarly(asContainer(fake)))).toBe(true)
    expect(fake.register).not.toHaveBeenCalled()
  })

  it('does not wait after a hard reload (a registered worker that does not control the page): msw handles that', async () => {
    const fake = fakeContainer({ existing: true })
    expect(await settledWithin(registerWorkerEarly(asContainer(fake)))).toBe(true)
    expect(fake.register).not.toHaveBeenCalled()
  })

  it('resolves when registration fails or service workers are missing, leaving the error to msw', async () => {
    expect(await settledWithin(registerWorkerEarly(asContainer(fakeContainer({ registerFails: true }))))).toBe(true)
    expect(await settledWithin(registerWorkerEarly(undefined))).toBe(true)
  })
})

describe('registerWorkerEarly, with a worker that never takes control', () => {
  it('gives up after 3 s so the app still starts', async () => {
    vi.useFakeTimers()
    try {
      const fake = fakeContainer()
      let done = false
      void registerWorkerEarly(asContainer(fake)).then(() => (done = true))
      await vi.advanceTimersByTimeAsync(2900)
      expect(done).toBe(false)
      await vi.advanceTimersByTimeAsync(200)
      expect(done).toBe(true)
    } finally {
      vi.useRealTimers()
    }
  })
})
