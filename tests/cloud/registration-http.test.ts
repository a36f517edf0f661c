import { startTestGateway, type OverHttp } from './helpers'

let gw: OverHttp
let adminToken: string
const tokens: string[] = []

beforeAll(async () => {
  gw = await startTestGateway()
  adminToken = await gw.login('E0001')
  for (let i = 1; i <= 200; i++) tokens.push(await gw.login(`E${String(i).padStart(4, '0')}`))
})

afterAll(() => gw.close())

async function createActivity(capacity: number): Promise<number> {
  const hour = 3600 * 1000
  const { json } = await gw.post(
    'admin.activity.create',
    {
      category: 'sports',
      title: '并发测试',
      startsAt: new Date(Date.now() + 48 * hour).toISOString(),
      endsAt: new Date(Date.now() + 50 * hour).toISOString(),
      capacity,
    },
    adminToken,
  )
  return json.data.id
}

describe('registration over HTTP under load', () => {
  it('gives 200 concurrent registrations for 20 seats exactly 20 confirmed and 180 waitlisted in arrival order', async () => {
    const activityId = await createActivity(20)
    const responses = await Promise.all(tokens.map((token) => gw.post('registration.create', { activityId }, token)))
    expect(responses.every((r) => r.status === 200)).toBe(true)

    const results = responses.map((r) => r.json.data)
    const confirmed = results.filter((r) => r.status === 'confirmed')
    const waitlisted = results.filter((r) => r.status === 'waitlisted')
    expect(confirmed).toHaveLength(20)
    expect(waitlisted).toHaveLength(180)

    // Arrival order is the order the server took them in: ids ascend with it.
    const byArrival = results.map((r) => r.registration).sort((a, b) => a.id - b.id)
    expect(byArrival.slice(0, 20).every((r) => r.status === 'confirmed')).toBe(true)
    expect(byArrival.slice(20).every((r) => r.status === 'waitlisted')).toBe(true)
    const positions = waitlisted.sort((a, b) => a.registration.id - b.registration.id).map((r) => r.position)
    expect(positions).toEqual(Array.from({ length: 180 }, (_, i) => i + 1))

    const detail = await gw.post('activity.get', { id: activityId }, tokens[0])
    expect(detail.json.data).toMatchObject({ confirmedCount: 20, waitlistCount: 180 })
  })

  it('turns ten simultaneous submissions by one person into one registration', async () => {
    const activityId = await createActivity(5)
    const responses = await Promise.all(
      Array.from({ length: 10 }, () => gw.post('registration.create', { activityId }, tokens[41])),
    )
    const ids = new Set(responses.map((r) => r.json.data.registration.id))
    expect(ids.size).toBe(1)
    expect(responses.filter((r) => r.json.data.existing === false)).toHaveLength(1)
    expect(await gw.server.store.listRegistrationsFor(activityId)).toHaveLength(1)
  })

  it('promotes the first waitlisted over HTTP when a seat is given up', async () => {
    const activityId = await createActivity(1)
    await gw.post('registration.create', { activityId }, tokens[50])
    await gw.post('registration.create', { activityId }, tokens[51])
    await gw.post('registration.create', { activityId }, tokens[52])
    const cancel = await gw.post('registration.cancel', { activityId }, tokens[50])
    expect(cancel.status).toBe(200)
    const second = await gw.post('activity.get', { id: activityId }, tokens[51])
    const third = await gw.post('activity.get', { id: activityId }, tokens[52])
    expect(second.json.data.myRegistration.status).toBe('confirmed')
    expect(third.json.data.myRegistration).toMatchObject({ status: 'waitlisted', position: 1 })
  })
})
