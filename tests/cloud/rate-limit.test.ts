import { readConfig } from '../../src/cloud/config'
import type { Principal } from '../../src/cloud/context'
import { createRateLimiter, DEFAULT_WRITE_RATE_LIMIT } from '../../src/cloud/rate-limit'
import { createRouter, type Router } from '../../src/cloud/router'
import { createInProcess, startTestGateway, TEST_SECRET, type InProcess } from './helpers'

let app: InProcess
let router: Router
let ms: number
let alice: Principal
let bob: Principal

beforeAll(async () => {
  app = await createInProcess()
  alice = await app.as('E0020')
  bob = await app.as('E0021')
})

beforeEach(() => {
  ms = 1_000_000
  router = createRouter({
    store: app.store,
    clock: () => new Date(ms),
    config: { demoMode: true, tokenSecret: TEST_SECRET, tokenTtlSeconds: 3600 },
    writeLimiter: createRateLimiter({ burst: 20, windowSeconds: 10 }, () => ms),
  })
})

afterAll(() => app.close())

/** A write that the schema refuses: it still counts against the caller, and writes nothing. */
const write = (principal: Principal) => router('registration.create', {}, principal)

async function writeTimes(principal: Principal, times: number): Promise<number[]> {
  const statuses: number[] = []
  for (let i = 0; i < times; i++) statuses.push((await write(principal)).status)
  return statuses
}

describe('write rate limit per identity', () => {
  it('lets an identity make a burst of 20 writes and refuses the 21st with 429 rate_limited', async () => {
    expect(await writeTimes(alice, 20)).toEqual(Array(20).fill(400))
    const refused = await write(alice)
    expect(refused).toEqual({
      status: 429,
      body: { ok: false, error: { code: 'rate_limited', message: '操作太频繁，请稍后再试' } },
    })
  })

  it('refills the bucket evenly over the window', async () => {
    await writeTimes(alice, 20)
    expect((await write(alice)).status).toBe(429)
    ms += 500 // 20 tokens per 10 s: one token every 0.5 s
    expect((await write(alice)).status).toBe(400)
    expect((await write(alice)).status).toBe(429)
    ms += 10_000
    expect(await writeTimes(alice, 20)).toEqual(Array(20).fill(400))
  })

  it('counts each identity separately', async () => {
    await writeTimes(alice, 20)
    expect((await write(alice)).status).toBe(429)
    expect((await write(bob)).status).toBe(400)
  })

  it('counts a WeChat caller by OPENID', async () => {
    const wechat = { openid: 'o-rate-limited' }
    const bind = () => router('auth.bind', { employeeNo: 'E0099', name: '不是这个人' }, wechat)
    for (let i = 0; i < 20; i++) expect((await bind()).status).toBe(404)
    expect((await bind()).status).toBe(429)
  })

  it('never limits reads', async () => {
    await writeTimes(alice, 20)
    for (let i = 0; i < 50; i++) expect((await router('me.get', {}, alice)).status).toBe(200)
  })
})

describe('write rate limit configuration', () => {
  it('is on by default with a burst that a double-tapping user never reaches', () => {
    const config = readConfig({})
    expect(config.writeRateLimit).toEqual(DEFAULT_WRITE_RATE_LIMIT)
    expect(config.writeRateLimit!.burst).toBeGreaterThanOrEqual(10)
  })

  it('is turned off by RATE_LIMIT_WRITES=0', () => {
    expect(readConfig({ RATE_LIMIT_WRITES: '0' }).writeRateLimit).toBeNull()
  })

  it('refuses a bad value, naming the variable', () => {
    expect(() => readConfig({ RATE_LIMIT_WRITES: 'lots' })).toThrow(/RATE_LIMIT_WRITES/)
  })

  it('answers 429 over HTTP once the gateway limit is reached', async () => {
    // A window of an hour: the bucket cannot refill between these few requests, however slow the machine.
    const gw = await startTestGateway({ RATE_LIMIT_WRITES: '3', RATE_LIMIT_WINDOW_SECONDS: '3600' })
    try {
      const token = await gw.login('E0030')
      const statuses: number[] = []
      for (let i = 0; i < 4; i++) statuses.push((await gw.post('registration.create', {}, token)).status)
      expect(statuses).toEqual([400, 400, 400, 429])
      const refused = await gw.post('registration.create', {}, token)
      expect(refused.json).toMatchObject({ ok: false, error: { code: 'rate_limited' } })
      expect((await gw.post('me.get', {}, token)).status).toBe(200)
    } finally {
      await gw.close()
    }
  })
})
