/**
 * The store itself on every database: migrations, all-or-nothing transactions, and two processes' worth of
 * connections on one database (two gateways behind a load balancer) keeping the seat rule.
 */
import { spawn } from 'node:child_process'
import path from 'node:path'
import type { Store } from '../../src/cloud/store/types'
import { TEST_SECRET } from '../cloud/helpers'
import { employeeNo, inHours, openApp, type App } from './harness'
import { STORES } from './stores'

const ROOT = path.resolve(__dirname, '../..')

jest.setTimeout(60_000)

describe.each(STORES)('the store on $name', (kind) => {
  let app: App
  let second: Store

  beforeAll(async () => {
    app = await openApp(kind)
    // A second handle, as a second gateway process would open: it finds the schema up to date.
    second = await app.opened.reopen()
  })

  afterAll(async () => {
    await second.close()
    await app.close()
  })

  it('opens an existing database without migrating it again, and sees the same data', async () => {
    expect(await second.countEmployees()).toBe(await app.store.countEmployees())
    expect(await second.countPlans()).toBe(2)
    expect(await second.getCurrentPlanId()).toBe(await app.store.getCurrentPlanId())
  })

  it('writes nothing of a transaction that fails half way', async () => {
    const before = await app.store.countEmployees()
    await expect(
      app.store.transaction(async (tx) => {
        await tx.insertEmployees(
          [{ employeeNo: 'X9001', name: '回滚', department: '办公室', role: 'employee' }],
          inHours(0),
        )
        expect(await tx.getEmployeeByNo('X9001')).not.toBeNull()
        throw new Error('half way')
      }),
    ).rejects.toThrow('half way')
    expect(await app.store.countEmployees()).toBe(before)
    expect(await app.store.getEmployeeByNo('X9001')).toBeNull()
  })

  it('returns numbers as numbers and flags as booleans', async () => {
    const admin = (await app.store.getEmployeeByNo('E0001'))!
    expect(admin).toMatchObject({ role: 'admin', active: true, bound: false })
    expect(typeof admin.id).toBe('number')
    const departments = await app.store.listDepartments()
    expect(departments.reduce((n, d) => n + d.headcount, 0)).toBe(await app.store.countEmployees())
    expect(departments.every((d) => typeof d.headcount === 'number')).toBe(true)
  })

  it('keeps the seat rule with two gateway processes writing to one database at once', async () => {
    const gateways = await Promise.all([0, 1].map(() => spawnGateway(app.opened.env)))
    try {
      const [one, two] = gateways
      const admin = await login(one.url, 'E0001')
      const created = await post(one.url, 'admin.activity.create', admin, {
        category: 'lecture',
        title: '两台网关',
        startsAt: new Date(Date.now() + 48 * 3600_000).toISOString(),
        endsAt: new Date(Date.now() + 50 * 3600_000).toISOString(),
        capacity: 10,
      })
      const activityId = created.data.id
      const tokens = await Promise.all(Array.from({ length: 60 }, (_, i) => login(one.url, employeeNo(i + 100))))
      const answers = await Promise.all(
        tokens.map((token, i) => post(i % 2 ? two.url : one.url, 'registration.create', token, { activityId })),
      )
      expect(answers.every((a) => a.ok)).toBe(true)
      const statuses = answers.map((a) => a.data.status)
      expect(statuses.filter((s) => s === 'confirmed')).toHaveLength(10)
      expect(statuses.filter((s) => s === 'waitlisted')).toHaveLength(50)
      expect(await second.getSeatCounts(activityId)).toMatchObject({ confirmed: 10, waitlisted: 50 })
    } finally {
      await Promise.all(gateways.map((g) => g.stop()))
    }
  })
})

/** A gateway in its own process (`npm start`'s entry), on the given database. */
async function spawnGateway(env: Record<string, string>): Promise<{ url: string; stop: () => Promise<void> }> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'scripts/start.ts')], {
    cwd: ROOT,
    env: {
      ...process.env,
      ...env,
      PORT: '0',
      HOST: '127.0.0.1',
      TOKEN_SECRET: TEST_SECRET,
      STATIC_DIR: path.join(ROOT, 'tests'),
      RATE_LIMIT_WRITES: '0',
      REMINDER_INTERVAL_MINUTES: '0',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  const url = await new Promise<string>((resolve, reject) => {
    let output = ''
    const onData = (chunk: Buffer) => {
      output += chunk.toString('utf8')
      const match = /(http:\/\/127\.0\.0\.1:\d+)/.exec(output)
      if (match) resolve(match[1])
    }
    child.stdout!.on('data', onData)
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')))
    child.once('exit', (code) => reject(new Error(`gateway exited (${code}):\n${output}`)))
  })
  return {
    url,
    async stop() {
      child.kill('SIGTERM')
      await exited
    },
  }
}

async function post(url: string, action: string, token: string | null, body: unknown): Promise<any> {
  const response = await fetch(`${url}/api/${action}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  })
  return response.json()
}

async function login(url: string, no: string): Promise<string> {
  return (await post(url, 'auth.devLogin', null, { employeeNo: no })).data.token
}
