/**
 * The gateway as a deployment starts it: DATABASE_URL switches it to PostgreSQL, else it keeps its SQLite file.
 * Over real HTTP: health names the database, a registration is written, and a restart keeps everything.
 */
import { startTestGateway, type OverHttp } from '../cloud/helpers'
import { STORES, type OpenedStore } from './stores'

describe.each(STORES)('the gateway on $name', (kind) => {
  let opened: OpenedStore
  let gw: OverHttp | null = null

  beforeAll(async () => {
    opened = await kind.open()
  })

  afterAll(async () => {
    await gw?.close()
    await opened.close()
  })

  it('serves health, registrations and a restart on the database its environment names', async () => {
    gw = await startTestGateway(opened.env)
    const health = await fetch(`${gw.server.url}/healthz`)
    expect(await health.json()).toEqual({
      ok: true,
      data: { status: 'ok', database: kind.name === 'SQLite' ? 'sqlite' : 'postgres' },
    })

    const admin = await gw.login('E0001')
    const hour = 3600 * 1000
    const created = await gw.post(
      'admin.activity.create',
      {
        category: 'reading',
        title: '网关读书会',
        startsAt: new Date(Date.now() + 48 * hour).toISOString(),
        endsAt: new Date(Date.now() + 50 * hour).toISOString(),
      },
      admin,
    )
    expect(created.status).toBe(200)
    const activityId = created.json.data.id
    const employee = await gw.login('E0033')
    expect((await gw.post('registration.create', { activityId }, employee)).json.data.status).toBe('confirmed')

    // The same rows through this test's own connection: the gateway wrote to the database we opened.
    expect((await opened.store.listRegistrationsFor(activityId)).map((r) => r.status)).toEqual(['confirmed'])
    const employees = await opened.store.countEmployees()

    // A restart: the registration is there, the demo data is not loaded twice, old tokens still work.
    await gw.close()
    gw = await startTestGateway(opened.env)
    const mine = await gw.post('registration.mine', {}, employee)
    expect(mine.status).toBe(200)
    expect(mine.json.data.map((r: any) => r.activity.id)).toContain(activityId)
    expect(await opened.store.countEmployees()).toBe(employees)
  })
})
