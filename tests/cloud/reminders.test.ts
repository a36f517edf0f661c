import { deliverDueReminders } from '../../src/cloud/reminders'
import { lectureIn } from './admin-helpers'
import { createInProcess, FIXED_NOW, type InProcess } from './helpers'

let app: InProcess
const HOUR = 3600 * 1000

beforeEach(async () => {
  app = await createInProcess()
})

afterEach(() => app.close())

const inbox = async (no: string) => ((await app.call('inbox.list', {}, await app.as(no))).body as any).data

describe('day-before reminders', () => {
  it('reminds confirmed registrants of an activity starting within a day, and nobody else', async () => {
    const soon = await lectureIn(app, 20)
    const later3 = await lectureIn(app, 72)
    await app.call('registration.create', { activityId: soon }, await app.as('E0011'))
    await app.call('registration.create', { activityId: soon }, await app.as('E0012'))
    await app.call('registration.create', { activityId: later3 }, await app.as('E0013'))
    expect(await deliverDueReminders(app.store, FIXED_NOW)).toBe(1)
    expect((await inbox('E0011')).items.map((m: any) => m.kind)).toEqual(['reminder'])
    expect((await inbox('E0012')).items).toEqual([])
    expect((await inbox('E0013')).items).toEqual([])
  })

  it('reminds each person once however often it runs', async () => {
    const soon = await lectureIn(app, 5)
    await app.call('registration.create', { activityId: soon }, await app.as('E0011'))
    await deliverDueReminders(app.store, FIXED_NOW)
    await deliverDueReminders(app.store, new Date(FIXED_NOW.getTime() + HOUR))
    expect((await inbox('E0011')).total).toBe(1)
  })
})
