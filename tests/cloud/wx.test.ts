import { createWxMain, type WxServerSdk } from '../../src/cloud/wx'
import { createInProcess, type InProcess } from './helpers'

let app: InProcess

beforeAll(async () => {
  app = await createInProcess()
})

afterAll(() => app.close())

/** Stands in for wx-server-sdk at the platform boundary: WeChat attaches the OPENID. */
function fakeSdk(openid: string | undefined): WxServerSdk & { inits: unknown[] } {
  const inits: unknown[] = []
  return {
    inits,
    DYNAMIC_CURRENT_ENV: 'dynamic-env',
    init: (options) => inits.push(options),
    getWXContext: () => ({ OPENID: openid }),
  }
}

describe('WeChat cloud function entry', () => {
  it('initialises the SDK on the current environment', () => {
    const sdk = fakeSdk('o-1')
    createWxMain(sdk, async () => ({ router: app.router, onTimer: async () => 'timer ran' }))
    expect(sdk.inits).toEqual([{ env: 'dynamic-env' }])
  })

  it('binds the OPENID WeChat attaches, then serves that employee', async () => {
    const main = createWxMain(fakeSdk('o-bind-77'), async () => ({
      router: app.router,
      onTimer: async () => 'timer ran',
    }))
    const name = (await app.store.getEmployeeByNo('E0077'))!.name
    expect(await main({ action: 'auth.bind', payload: { employeeNo: 'E0077', name } })).toMatchObject({ ok: true })
    expect(await main({ action: 'me.get', payload: {} })).toMatchObject({
      ok: true,
      data: { employee: { employeeNo: 'E0077' } },
    })
  })

  it('ignores an identity smuggled in the payload', async () => {
    const main = createWxMain(fakeSdk('o-never-bound'), async () => ({
      router: app.router,
      onTimer: async () => 'timer ran',
    }))
    const result = await main({ action: 'me.get', payload: { openid: 'o-bind-77' } })
    expect(result).toMatchObject({ ok: false })
  })

  it('answers a missing action with an error envelope, not a throw', async () => {
    const main = createWxMain(fakeSdk('o-1'), async () => ({ router: app.router, onTimer: async () => 'timer ran' }))
    expect(await main({})).toMatchObject({ ok: false, error: { code: 'unknown_action' } })
  })

  it('runs the timer job for a timer trigger and not for a call from the app', async () => {
    const timer = createWxMain(fakeSdk(undefined), async () => ({
      router: app.router,
      onTimer: async () => 'timer ran',
    }))
    expect(await timer({ Type: 'Timer' })).toEqual({ ok: true, data: 'timer ran' })
    const fromApp = createWxMain(fakeSdk('o-1'), async () => ({ router: app.router, onTimer: async () => 'timer ran' }))
    expect(await fromApp({ Type: 'Timer', action: 'me.get' })).toMatchObject({ ok: false })
  })

  it('refuses demo logins inside WeChat', async () => {
    const { loadRuntimeFromEnv } = await import('../../src/cloud/wx')
    const { makeTempDir } = await import('./helpers')
    const temp = makeTempDir()
    try {
      const { router } = await loadRuntimeFromEnv({ DATA_DIR: temp.dir })
      const result = await router('auth.devLogin', { employeeNo: 'E0001' }, {})
      expect(result.status).toBe(403)
    } finally {
      temp.cleanup()
    }
  })
})
