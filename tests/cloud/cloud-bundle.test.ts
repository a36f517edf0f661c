/**
 * The deployable cloud function as WeChat runs it: the esbuild bundle loaded in plain Node, with only
 * wx-server-sdk replaced (WeChat attaches the OPENID through getWXContext), on a real SQLite database.
 */
import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { buildCloudFunction, CLOUD_DEPENDENCIES } from '../../scripts/build-cloud'
import { seedDemoData } from '../../src/cloud/demo/seed'
import { createRouter } from '../../src/cloud/router'
import { openSqliteStore } from '../../src/cloud/store/sqlite'
import { runBundle, type BundleRun } from './bundle-runner'
import { FIXED_NOW, makeTempDir, TEST_SECRET } from './helpers'

jest.setTimeout(60_000)

const OPENID = 'o-bundle-0042'

let temp: ReturnType<typeof makeTempDir>
let functionDir: string
let dataDir: string
let activityId: number
let name: string

/** Runs `calls` through the bundle's exports.main in a fresh Node process, as the WeChat user OPENID. */
function run(calls: { action: string; payload: unknown }[]): BundleRun {
  const output = runBundle(
    { functionDir, workDir: temp.dir, env: { DATA_DIR: dataDir, TOKEN_SECRET: TEST_SECRET } },
    calls.map((event) => ({ openid: OPENID, event })),
  )
  expect(output.exported).toEqual(['main'])
  return output
}

beforeAll(async () => {
  temp = makeTempDir()
  functionDir = path.join(temp.dir, 'api')
  dataDir = path.join(temp.dir, 'data')
  await buildCloudFunction(functionDir)

  const store = openSqliteStore(path.join(dataDir, 'wenming.db'))
  await seedDemoData(store, FIXED_NOW)
  const router = createRouter({ store, config: { demoMode: false, tokenSecret: TEST_SECRET, tokenTtlSeconds: 3600 } })
  const admin = { employeeId: (await store.getEmployeeByNo('E0001'))!.id }
  const hour = 3600 * 1000
  const created = await router(
    'admin.activity.create',
    {
      category: 'lecture',
      title: '云函数打包测试讲座',
      startsAt: new Date(Date.now() + 48 * hour).toISOString(),
      endsAt: new Date(Date.now() + 50 * hour).toISOString(),
      capacity: 30,
    },
    admin,
  )
  expect(created.status).toBe(200)
  activityId = (created.body as { ok: true; data: { id: number } }).data.id
  name = (await store.getEmployeeByNo('E0042'))!.name
  await store.close()
})

afterAll(() => temp.cleanup())

describe('the built cloud function', () => {
  it('writes index.js, a package.json on wx-server-sdk and better-sqlite3, and a config.json with its open APIs', () => {
    expect(fs.readdirSync(functionDir).sort()).toEqual(['config.json', 'index.js', 'package.json'])
    const manifest = JSON.parse(fs.readFileSync(path.join(functionDir, 'package.json'), 'utf8'))
    expect(manifest).toMatchObject({ name: 'api', main: 'index.js', dependencies: CLOUD_DEPENDENCIES })
    expect(Object.keys(manifest.dependencies).sort()).toEqual(['better-sqlite3', 'wx-server-sdk'])
    const config = JSON.parse(fs.readFileSync(path.join(functionDir, 'config.json'), 'utf8'))
    expect(config.permissions.openapi).toContain('subscribeMessage.send')
    expect(config.triggers).toEqual([{ name: 'reminders', type: 'timer', config: '0 0 * * * * *' }])
  })

  it('keeps the cloud-installed dependencies out of the bundle', () => {
    const code = fs.readFileSync(path.join(functionDir, 'index.js'), 'utf8')
    expect(code).toContain('require("wx-server-sdk")')
    expect(code).toContain('require("better-sqlite3")')
  })

  it('binds the OPENID and registers through exports.main, writing the row to the database', () => {
    const { inits, answers } = run([
      { action: 'auth.bind', payload: { employeeNo: 'E0042', name } },
      { action: 'registration.create', payload: { activityId } },
      { action: 'registration.create', payload: { activityId } },
    ])
    expect(inits).toEqual(['dynamic-env'])
    expect(answers[0]).toEqual({ ok: true, data: { employee: expect.objectContaining({ employeeNo: 'E0042' }) } })
    expect(answers[1]).toMatchObject({ ok: true, data: { status: 'confirmed', existing: false } })
    expect(answers[2]).toMatchObject({ ok: true, data: { existing: true } })

    const db = new Database(path.join(dataDir, 'wenming.db'), { readonly: true })
    try {
      const rows = db
        .prepare(
          `SELECT r.id, r.status, e.employee_no AS employeeNo, e.openid FROM registrations r
           JOIN employees e ON e.id = r.employee_id WHERE r.activity_id = ?`,
        )
        .all(activityId)
      expect(rows).toEqual([
        { id: answers[1].data.registration.id, status: 'confirmed', employeeNo: 'E0042', openid: OPENID },
      ])
    } finally {
      db.close()
    }
  })

  it('answers a call without an action with an error envelope', () => {
    const { answers } = run([{ action: undefined as unknown as string, payload: {} }])
    expect(answers[0]).toMatchObject({ ok: false, error: { code: 'unknown_action' } })
  })
})
