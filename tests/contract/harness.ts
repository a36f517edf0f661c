/** The router in-process on a store under test, loaded with the demo data, with a clock the test moves. */
import type { Principal } from '../../src/cloud/context'
import { seedDemoData } from '../../src/cloud/demo/seed'
import { createRouter, type Router } from '../../src/cloud/router'
import type { Store } from '../../src/cloud/store/types'
import { FIXED_NOW, TEST_SECRET } from '../cloud/helpers'
import type { OpenedStore, StoreUnderTest } from './stores'

export interface App {
  opened: OpenedStore
  store: Store
  call: (action: string, payload?: unknown, principal?: Principal) => ReturnType<Router>
  /** The answer's data; throws with the status and message when the call failed. */
  data: (action: string, payload?: unknown, principal?: Principal) => Promise<any>
  as: (employeeNo: string) => Promise<Principal>
  setNow: (date: Date) => void
  close: () => Promise<void>
}

export async function openApp(kind: StoreUnderTest, options: { seed?: boolean } = {}): Promise<App> {
  const opened = await kind.open()
  const store = opened.store
  if (options.seed !== false) await seedDemoData(store, FIXED_NOW)
  let now = FIXED_NOW
  const router = createRouter({
    store,
    clock: () => now,
    config: { demoMode: true, tokenSecret: TEST_SECRET, tokenTtlSeconds: 3600 },
  })
  const call: App['call'] = (action, payload = {}, principal = {}) => router(action, payload, principal)
  return {
    opened,
    store,
    call,
    async data(action, payload, principal) {
      const result = await call(action, payload, principal)
      if (!result.body.ok) throw new Error(`${action}: ${result.status} ${result.body.error.message}`)
      return result.body.data
    },
    as: async (employeeNo) => ({ employeeId: (await store.getEmployeeByNo(employeeNo))!.id }),
    setNow: (date) => {
      now = date
    },
    close: () => opened.close(),
  }
}

export const HOUR = 3600 * 1000
export const DAY = 24 * HOUR
/** An ISO time `hours` after the fixed test clock. */
export const inHours = (hours: number) => new Date(FIXED_NOW.getTime() + hours * HOUR).toISOString()
export const employeeNo = (i: number) => `E${String(i).padStart(4, '0')}`
