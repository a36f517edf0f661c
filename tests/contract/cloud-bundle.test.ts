/**
 * The deployable cloud function as WeChat runs it: the esbuild bundle loaded in plain Node, with only
 * wx-server-sdk replaced (WeChat attaches the OPENID through getWXContext), configured by its environment as
 * a deployment is: DATABASE_URL for PostgreSQL, else the SQLite file in DATA_DIR. Runs on every store.
 */
import fs from 'node:fs'
import path from 'node:path'
import { buildCloudFunction, CLOUD_DEPENDENCIES } from '../../scripts/build-cloud'
import { runBundle, type BundleRun } from '../cloud/bundle-runner'
import { makeTempDir, TEST_SECRET } from '../cloud/helpers'
import { openApp, type App } from './harness'
import { STORES } from './stores'

jest.setTimeout(60_000)

const OPENID = 'o-bundle-0042'

let temp: ReturnType<typeof makeTempDir>
let functionDir: string

/** Runs `calls` through the bundle's exports.main in a fresh Node process, as the WeChat user OPENID. */
function run(calls: { action: string; payload: unknown }[], env: Record<string, string>): BundleRun {
  const output = runBundle(
    { functionDir, workDir: temp.dir, env: { TOKEN_SECRET: TEST_SECRET, ...env } },
    calls.map((event) => ({ openid: OPENID, event })),
  )
  expect(output.exported).toEqual(['main'])
  return output
}

beforeAll(async () => {
  temp = makeTempDir()
  functionDir = path.join(temp.dir, 'api')
  await buildCloudFunction(functionDir)
})

afterAll(() => temp.cleanup())

describe('the built cloud function', () => {
  it('writes index.js, a package.json on wx-server-sdk, better-sqlite3 and pg, and a config.json with its open APIs', () => {
    expect(fs.readdirSync(functionDir).sort()).toEqual(['config.json', 'index.js', 'package.json'])
    const manifest = JSON.parse(fs.readFileSync(path.join(functionDir, 'package.json'), 'utf8'))
    expect(manifest).toMatchObject({ name: 'api', main: 'index.js', dependencies: CLOUD_DEPENDENCIES })
    expect(Object.keys(manifest.dependencies).sort()).toEqual(['better-sqlite3', 'pg', 'wx-server-sdk'])
    const config = JSON.parse(fs.readFileSync(path.join(functionDir, 'config.json'), 'utf8'))
    expect(config.permissions.openapi).toContain('subscribeMessage.send')
    expect(config.triggers).toEqual([{ name: 'reminders', type: 'timer', config: '0 0 * * * * *' }])
  })

  it('keeps the cloud-installed dependencies out of the bundle', () => {
    const code = fs.readFileSync(path.join(functionDir, 'index.js'), 'utf8')
    expect(code).toContain('require("wx-server-sdk")')
    expect(code).toContain('require("better-sqlite3")')
    expect(code).toContain('require("pg")')
  })

  it('answers a call without an action with an error envelope', () => {
    const { answers } = run([{ action: undefined as unknown as string, payload: {} }], {
      DATA_DIR: path.join(temp.dir, 'data'),
    })
    expect(answers[0]).toMatchObject({ ok: false, error: { code: 'unknown_action' } })
  })
})

describe.each(STORES)('the built cloud function on $name', (kind) => {
  let app: App
  let activityId: number
  let name: string

  beforeAll(async () => {
    app = await openApp(kind)
    const hour = 3600 * 1000
    const created = await app.data(
      'admin.activity.create',
      {
        category: 'lecture',
        title: '云函数打包测试讲座',
        startsAt: new Date(Date.now() + 48 * hour).toISOString(),
        endsAt: new Date(Date.now() + 50 * hour).toISOString(),
        capacity: 30,
      },
      await app.as('E0001'),
    )
    activityId = created.id
    name = (await app.store.getEmployeeByNo('E0042'))!.name
  })

  afterAll(() => app.close())

  it('binds the OPENID and registers through exports.main, writing the row to the database', async () => {
    const { inits, answers } = run(
      [
        { action: 'auth.bind', payload: { employeeNo: 'E0042', name } },
        { action: 'registration.create', payload: { activityId } },
        { action: 'registration.create', payload: { activityId } },
      ],
      app.opened.env,
    )
    expect(inits).toEqual(['dynamic-env'])
    expect(answers[0]).toEqual({ ok: true, data: { employee: expect.objectContaining({ employeeNo: 'E0042' }) } })
    expect(answers[1]).toMatchObject({ ok: true, data: { status: 'confirmed', existing: false } })
    expect(answers[2]).toMatchObject({ ok: true, data: { existing: true } })

    // Read back through this test's own connection: the function wrote to the same database.
    const employee = await app.store.getEmployeeByOpenid(OPENID)
    expect(employee).toMatchObject({ employeeNo: 'E0042', bound: true })
    const rows = await app.store.listRegistrationsFor(activityId)
    expect(rows.map((r) => ({ id: r.id, status: r.status, employeeId: r.employeeId }))).toEqual([
      { id: answers[1].data.registration.id, status: 'confirmed', employeeId: employee!.id },
    ])
  })
})
