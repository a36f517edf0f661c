/**
 * The weapp build talking to the real router: the demo data in process (createInProcess), a demo employee bound to a
 * WeChat user, and `wx.cloud.callFunction('api')` answered by the router as that user.
 */
import { createInProcess, type InProcess } from '../cloud/helpers'
import { loadWeapp, type RenderedPage, type Weapp, type WeappOptions } from './load-weapp'

/** The router on the demo data, with the demo employee `employeeNo` (E0100 unless given) bound to `openid`. */
export async function cloudWithBoundUser(openid: string, employeeNo = 'E0100'): Promise<InProcess> {
  const cloud = await createInProcess()
  const employee = await cloud.store.getEmployeeByNo(employeeNo)
  if (!employee) throw new Error(`demo roster has no ${employeeNo}`)
  await cloud.store.bindOpenid(employee.id, openid, new Date().toISOString())
  return cloud
}

/** The weapp with its cloud function `api` answered by `cloud`'s router as the WeChat user `openid`. */
export function weappAs(cloud: InProcess, openid: string, options: Omit<WeappOptions, 'callFunction'> = {}): Weapp {
  return loadWeapp({
    ...options,
    callFunction: async ({ name, data: { action, payload } }) => {
      if (name !== 'api') throw new Error(`unexpected cloud function ${name}`)
      return (await cloud.router(action, payload, { openid })).body
    },
  })
}

/** What a suite on the bound user shares: its router, and the page its current test opened. */
export interface BoundUserSuite {
  /** The router (set up before all of the suite's tests). */
  readonly cloud: InProcess
  /** Takes the page a test opened, to be closed after that test; answers it. */
  keep(page: RenderedPage): RenderedPage
}

/**
 * Registers the suite's hooks: the router with `employeeNo` bound to `openid` before all tests, the page a test kept
 * closed after it, the router closed after all.
 */
export function boundUserSuite(openid: string, employeeNo?: string): BoundUserSuite {
  let cloud: InProcess | undefined
  let page: RenderedPage | null = null
  beforeAll(async () => {
    cloud = await cloudWithBoundUser(openid, employeeNo)
  }, 30_000)
  afterEach(() => {
    page?.close()
    page = null
  })
  afterAll(async () => {
    await cloud?.close()
  })
  return {
    get cloud() {
      if (!cloud) throw new Error('the suite has not set up its router yet')
      return cloud
    },
    keep(opened) {
      page = opened
      return opened
    },
  }
}
