import type { Principal } from '../../src/cloud/context'
import { createInProcess, FIXED_NOW, type InProcess } from './helpers'

let app: InProcess
let admin: Principal
const HOUR = 3600 * 1000
const later = (hours: number) => new Date(FIXED_NOW.getTime() + hours * HOUR).toISOString()

beforeEach(async () => {
  app = await createInProcess()
  admin = await app.as('E0001')
})

afterEach(() => app.close())

async function createActivity(overrides: Record<string, unknown> = {}): Promise<number> {
  const result = await app.call(
    'admin.activity.create',
    { category: 'sports', title: '测试活动', startsAt: later(48), endsAt: later(50), capacity: 2, ...overrides },
    admin,
  )
  if (!result.body.ok) throw new Error(result.body.error.message)
  return (result.body.data as { id: number }).id
}

const data = (result: Awaited<ReturnType<InProcess['call']>>) => {
  if (!result.body.ok) throw new Error(`${result.status} ${result.body.error.message}`)
  return result.body.data as any
}

describe('registration rules in the cloud layer', () => {
  it('confirms while seats remain, then waitlists in arrival order', async () => {
    const id = await createActivity()
    const results = []
    for (const no of ['E0101', 'E0102', 'E0103', 'E0104']) {
      results.push(data(await app.call('registration.create', { activityId: id }, await app.as(no))))
    }
    expect(results.map((r) => [r.status, r.position])).toEqual([
      ['confirmed', undefined],
      ['confirmed', undefined],
      ['waitlisted', 1],
      ['waitlisted', 2],
    ])
  })

  it('returns the existing registration when the same person registers twice', async () => {
    const id = await createActivity()
    const me = await app.as('E0101')
    const first = data(await app.call('registration.create', { activityId: id }, me))
    const second = data(await app.call('registration.create', { activityId: id }, me))
    expect(second.registration.id).toBe(first.registration.id)
    expect(second.existing).toBe(true)
    expect((await app.store.listRegistrationsFor(id)).length).toBe(1)
  })

  it('promotes the first waitlisted when a confirmed registration is cancelled', async () => {
    const id = await createActivity()
    for (const no of ['E0101', 'E0102', 'E0103', 'E0104'])
      await app.call('registration.create', { activityId: id }, await app.as(no))
    data(await app.call('registration.cancel', { activityId: id }, await app.as('E0102')))
    const third = data(await app.call('activity.get', { id }, await app.as('E0103')))
    const fourth = data(await app.call('activity.get', { id }, await app.as('E0104')))
    expect(third.myRegistration.status).toBe('confirmed')
    expect(fourth.myRegistration).toMatchObject({ status: 'waitlisted', position: 1 })
    expect(third.confirmedCount).toBe(2)
  })

  it('keeps a cancelled registration with its history and lets the person register again', async () => {
    const id = await createActivity()
    const me = await app.as('E0101')
    await app.call('registration.create', { activityId: id }, me)
    await app.call('registration.cancel', { activityId: id }, me)
    const again = data(await app.call('registration.create', { activityId: id }, me))
    const rows = await app.store.listRegistrationsFor(id)
    expect(rows.map((r) => r.status)).toEqual(['cancelled', 'confirmed'])
    expect(again.registration.id).toBe(rows[1].id)
  })

  it('answers 409 with a Chinese message once registration has closed', async () => {
    const id = await createActivity({ registrationClosesAt: later(1) })
    app.setNow(new Date(FIXED_NOW.getTime() + 2 * HOUR))
    const result = await app.call('registration.create', { activityId: id }, await app.as('E0101'))
    expect(result.status).toBe(409)
    expect((result.body as any).error.message).toMatch(/报名已于 .+ 截止/)
    expect(await app.store.listRegistrationsFor(id)).toEqual([])
  })

  it('answers 409 before registration opens', async () => {
    const id = await createActivity({ registrationOpensAt: later(5) })
    const result = await app.call('registration.create', { activityId: id }, await app.as('E0101'))
    expect(result.status).toBe(409)
    expect((result.body as any).error.message).toContain('报名尚未开始')
  })

  it('answers 403 to a department the activity is not open to', async () => {
    const id = await createActivity({ eligibleDepartments: ['办公室'] })
    const outsider = (await app.store.getEmployeeByNo('E0102'))!
    expect(outsider.department).not.toBe('办公室')
    const result = await app.call('registration.create', { activityId: id }, { employeeId: outsider.id })
    expect(result.status).toBe(403)
  })

  it('refuses when full and the activity keeps no waitlist', async () => {
    const id = await createActivity({ capacity: 1, waitlist: false })
    await app.call('registration.create', { activityId: id }, await app.as('E0101'))
    const result = await app.call('registration.create', { activityId: id }, await app.as('E0102'))
    expect(result.status).toBe(409)
    expect((result.body as any).error.message).toContain('名额已满')
  })

  it('never lets anyone cancel another person’s registration', async () => {
    const id = await createActivity()
    await app.call('registration.create', { activityId: id }, await app.as('E0101'))
    const result = await app.call('registration.cancel', { activityId: id, employeeId: 101 }, await app.as('E0102'))
    expect(result.status).toBe(400)
    const plain = await app.call('registration.cancel', { activityId: id }, await app.as('E0102'))
    expect(plain.status).toBe(404)
    expect((await app.store.listRegistrationsFor(id))[0].status).toBe('confirmed')
  })

  it("lists all of a person's registrations with each activity's counts, however many there are", async () => {
    // More activities than one IN list of the store takes (500), so the batched reads are exercised in slices.
    const me = await app.as('E0101')
    const ids: number[] = []
    for (let i = 0; i < 520; i++) ids.push(await createActivity({ title: `读书分享 ${i + 1}`, capacity: 1 }))
    for (const id of ids) data(await app.call('registration.create', { activityId: id }, me))
    // On the last one, a colleague waits behind me.
    data(await app.call('registration.create', { activityId: ids[519] }, await app.as('E0102')))
    const mine = data(await app.call('registration.mine', {}, me))
    const ours = mine.filter((r: any) => ids.includes(r.activityId))
    expect(ours).toHaveLength(520)
    expect(new Set(ours.map((r: any) => r.activity.title)).size).toBe(520)
    expect(ours.every((r: any) => r.status === 'confirmed' && r.activity.confirmedCount === 1)).toBe(true)
    expect(ours.find((r: any) => r.activityId === ids[519]).activity.waitlistCount).toBe(1)
    expect(ours.filter((r: any) => r.activity.waitlistCount > 0)).toHaveLength(1)
    const waiting = data(await app.call('registration.mine', {}, await app.as('E0102')))
    expect(waiting.find((r: any) => r.activityId === ids[519])).toMatchObject({ status: 'waitlisted', position: 1 })
  })

  it('refuses to cancel after the cutoff', async () => {
    const id = await createActivity({ cancelCutoffAt: later(1) })
    await app.call('registration.create', { activityId: id }, await app.as('E0101'))
    app.setNow(new Date(FIXED_NOW.getTime() + 2 * HOUR))
    const mine = data(await app.call('registration.mine', {}, await app.as('E0101')))
    expect(mine.find((r: any) => r.activityId === id).canCancel).toBe(false)
    const result = await app.call('registration.cancel', { activityId: id }, await app.as('E0101'))
    expect(result.status).toBe(409)
    expect((await app.store.listRegistrationsFor(id))[0].status).toBe('confirmed')
  })

  it('holds per-option capacity and promotes only someone whose option has room', async () => {
    const id = await createActivity({
      capacity: 10,
      options: [
        { key: 'rope', label: '跳绳', capacity: 1 },
        { key: 'tug', label: '拔河', capacity: 5 },
      ],
    })
    const a = data(await app.call('registration.create', { activityId: id, options: ['rope'] }, await app.as('E0101')))
    const b = data(await app.call('registration.create', { activityId: id, options: ['rope'] }, await app.as('E0102')))
    const c = data(await app.call('registration.create', { activityId: id, options: ['tug'] }, await app.as('E0103')))
    expect([a.status, b.status, c.status]).toEqual(['confirmed', 'waitlisted', 'confirmed'])
    await app.call('registration.cancel', { activityId: id }, await app.as('E0101'))
    const detail = data(await app.call('activity.get', { id }, await app.as('E0102')))
    expect(detail.myRegistration.status).toBe('confirmed')
    expect(detail.optionCounts).toEqual({ rope: 1, tug: 1 })
  })

  it('rejects bad options and form answers and writes nothing', async () => {
    const id = await createActivity({ options: [{ key: 'rope', label: '跳绳' }] })
    for (const payload of [
      { activityId: id },
      { activityId: id, options: ['chess'] },
      { activityId: id, options: ['rope'], form: { x: '<script>alert(1)</script>' } },
      { activityId: id, options: ['rope'], form: { note: 'x'.repeat(600) } },
    ]) {
      const result = await app.call('registration.create', payload, await app.as('E0101'))
      expect(result.status).toBe(400)
    }
    expect(await app.store.listRegistrationsFor(id)).toEqual([])
  })

  it('answers 404 for an activity that does not exist', async () => {
    const result = await app.call('registration.create', { activityId: 99999 }, await app.as('E0101'))
    expect(result.status).toBe(404)
  })

  it('lists my registrations with their activities, upcoming first', async () => {
    const soon = await createActivity({ title: '近的活动', startsAt: later(24), endsAt: later(26) })
    const far = await createActivity({ title: '远的活动', startsAt: later(240), endsAt: later(242) })
    const me = await app.as('E0015')
    await app.call('registration.create', { activityId: far }, me)
    await app.call('registration.create', { activityId: soon }, me)
    const mine = data(await app.call('registration.mine', {}, me))
    expect(mine.map((r: any) => r.activity.title)).toEqual(['近的活动', '远的活动'])
    const other = data(await app.call('registration.mine', {}, await app.as('E0016')))
    expect(other).toEqual([])
    expect(mine.every((r: any) => r.canCancel)).toBe(true)
  })
})

describe('check-in', () => {
  async function setUp() {
    const id = await createActivity({ checkinOpensAt: later(-1), checkinClosesAt: later(3) })
    const { code } = data(await app.call('admin.activity.checkinCode', { id }, admin))
    return { id, code }
  }

  it('checks in a confirmed registration with the current code, once', async () => {
    const { id, code } = await setUp()
    const me = await app.as('E0101')
    await app.call('registration.create', { activityId: id }, me)
    const first = data(await app.call('checkin.create', { activityId: id, code }, me))
    expect(first.registration.checkedInAt).toBe(FIXED_NOW.toISOString())
    app.setNow(new Date(FIXED_NOW.getTime() + 60 * 1000))
    const again = data(await app.call('checkin.create', { activityId: id, code }, me))
    expect(again.registration.checkedInAt).toBe(FIXED_NOW.toISOString())
  })

  it('refuses a wrong code', async () => {
    const { id, code } = await setUp()
    const me = await app.as('E0101')
    await app.call('registration.create', { activityId: id }, me)
    const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, '0')
    const result = await app.call('checkin.create', { activityId: id, code: wrong }, me)
    expect(result.status).toBe(409)
    expect((await app.store.listRegistrationsFor(id))[0].checkedInAt).toBeNull()
  })

  it('refuses an expired code', async () => {
    const { id, code } = await setUp()
    const me = await app.as('E0101')
    await app.call('registration.create', { activityId: id }, me)
    app.setNow(new Date(FIXED_NOW.getTime() + 10 * 60 * 1000))
    expect((await app.call('checkin.create', { activityId: id, code }, me)).status).toBe(409)
  })

  it('refuses a waitlisted registration', async () => {
    const { id, code } = await setUp()
    for (const no of ['E0101', 'E0102', 'E0103'])
      await app.call('registration.create', { activityId: id }, await app.as(no))
    const result = await app.call('checkin.create', { activityId: id, code }, await app.as('E0103'))
    expect(result.status).toBe(409)
    expect((result.body as any).error.message).toContain('候补')
  })

  it('refuses outside the check-in window', async () => {
    const id = await createActivity({ checkinOpensAt: later(10), checkinClosesAt: later(12) })
    const { code } = data(await app.call('admin.activity.checkinCode', { id }, admin))
    const me = await app.as('E0101')
    await app.call('registration.create', { activityId: id }, me)
    const result = await app.call('checkin.create', { activityId: id, code }, me)
    expect(result.status).toBe(409)
    expect((result.body as any).error.message).toContain('不在签到时间内')
  })

  it('refuses someone who has not registered', async () => {
    const { id, code } = await setUp()
    expect((await app.call('checkin.create', { activityId: id, code }, await app.as('E0150'))).status).toBe(404)
  })
})

describe('organizer actions', () => {
  it('creates an activity from a minimal payload with sensible defaults', async () => {
    const id = await createActivity({ capacity: undefined })
    const activity = (await app.store.getActivity(id))!
    expect(activity).toMatchObject({
      capacity: null,
      waitlistEnabled: true,
      registrationOpensAt: FIXED_NOW.toISOString(),
      registrationClosesAt: later(48),
      cancelCutoffAt: later(48),
      checkinClosesAt: later(50),
      organizerDepartment: '办公室',
      location: '待定',
    })
  })

  it('refuses admin actions to an ordinary employee', async () => {
    const employee = await app.as('E0150')
    const result = await app.call(
      'admin.activity.create',
      { category: 'sports', title: 'x', startsAt: later(1), endsAt: later(2) },
      employee,
    )
    expect(result.status).toBe(403)
  })

  it('checks the role before the input', async () => {
    const result = await app.call('admin.activity.create', { nonsense: true }, await app.as('E0150'))
    expect(result.status).toBe(403)
  })

  it('keeps an organizer to their own department’s activities', async () => {
    const organizer = (await app.store.getEmployeeByNo('E0003'))!
    expect(organizer.role).toBe('organizer')
    const id = await createActivity({ organizerDepartment: '办公室' })
    const result = await app.call('admin.activity.cancel', { id, reason: '天气原因' }, { employeeId: organizer.id })
    expect(result.status).toBe(403)
    const own = await app.call(
      'admin.activity.create',
      { category: 'lecture', title: '本部门讲座', startsAt: later(5), endsAt: later(6) },
      { employeeId: organizer.id },
    )
    expect(data(own).organizerDepartment).toBe(organizer.department)
  })

  it('rejects an activity that ends before it starts', async () => {
    const result = await app.call(
      'admin.activity.create',
      { category: 'sports', title: 'x', startsAt: later(5), endsAt: later(4) },
      admin,
    )
    expect(result.status).toBe(400)
    expect((result.body as any).error.message).toContain('结束时间应晚于开始时间')
  })

  it('refuses to lower capacity below the confirmed count, and promotes when it is raised', async () => {
    const id = await createActivity()
    for (const no of ['E0101', 'E0102', 'E0103'])
      await app.call('registration.create', { activityId: id }, await app.as(no))
    expect((await app.call('admin.activity.update', { id, capacity: 1 }, admin)).status).toBe(409)
    data(await app.call('admin.activity.update', { id, capacity: 3 }, admin))
    const rows = await app.store.listRegistrationsFor(id)
    expect(rows.map((r) => r.status)).toEqual(['confirmed', 'confirmed', 'confirmed'])
  })

  it('cancels an activity with a reason that registrants see', async () => {
    const id = await createActivity()
    const me = await app.as('E0101')
    await app.call('registration.create', { activityId: id }, me)
    data(await app.call('admin.activity.cancel', { id, reason: '因台风预警取消' }, admin))
    const mine = data(await app.call('registration.mine', {}, me))
    expect(mine[0].activity).toMatchObject({ status: 'cancelled', cancelReason: '因台风预警取消' })
    expect((await app.call('registration.create', { activityId: id }, await app.as('E0102'))).status).toBe(409)
  })
})

describe('activity list', () => {
  it('filters by category and status and paginates', async () => {
    const employee = await app.as('E0101')
    const all = data(await app.call('activity.list', { pageSize: 50 }, employee))
    expect(all.total).toBeGreaterThanOrEqual(14)
    const festivals = data(await app.call('activity.list', { category: 'festival', pageSize: 50 }, employee))
    expect(festivals.items.map((a: any) => a.title.slice(0, 3))).toEqual(
      expect.arrayContaining(['春节·', '元宵节', '清明节', '端午节', '中秋节', '重阳节']),
    )
    const open = data(await app.call('activity.list', { status: 'open', pageSize: 50 }, employee))
    expect(open.items.length).toBeGreaterThan(0)
    expect(open.items.every((a: any) => a.status === 'open')).toBe(true)
    const page2 = data(await app.call('activity.list', { page: 2, pageSize: 5 }, employee))
    expect(page2.items).toHaveLength(5)
    expect(page2.items[0].id).toBe(all.items[5].id)
  })

  it('filters by the work point an activity serves', async () => {
    const employee = await app.as('E0101')
    const plan = data(await app.call('plan.current', {}, employee))
    const reading = plan.sections[3].items[0]
    const list = data(await app.call('activity.list', { planItemId: reading.id, pageSize: 50 }, employee))
    expect(list.items.map((a: any) => a.title)).toEqual(
      expect.arrayContaining(['书香机关·读书分享会', '“快乐工作，健康生活”职工趣味运动会']),
    )
  })

  it('rejects an unknown category', async () => {
    expect((await app.call('activity.list', { category: 'party' }, await app.as('E0101'))).status).toBe(400)
  })
})
