import type { Principal } from '../../src/cloud/context'
import { createActivity, csvText, dataOf, registerAll } from './admin-helpers'
import { createInProcess, FIXED_NOW, type InProcess } from './helpers'

let app: InProcess
let admin: Principal
let organizer: Principal

beforeEach(async () => {
  app = await createInProcess()
  admin = await app.as('E0001')
  organizer = await app.as('E0003')
})

afterEach(() => app.close())

const inboxOf = async (employeeNo: string) => dataOf(await app.call('inbox.list', {}, await app.as(employeeNo)))

describe('inbox', () => {
  /** Capacity 2: E0101 and E0102 confirmed, E0103 waiting, E0104 waited and gave up. */
  async function activityWithRegistrants(title = '篮球友谊赛'): Promise<number> {
    const id = await createActivity(app, admin, { title, capacity: 2 })
    await registerAll(app, id, ['E0101', 'E0102', 'E0103', 'E0104'])
    dataOf(await app.call('registration.cancel', { activityId: id }, await app.as('E0104')))
    return id
  }

  it('tells each live registrant, and no one else, that the activity was cancelled', async () => {
    const id = await activityWithRegistrants()
    dataOf(await app.call('admin.activity.cancel', { id, reason: '因台风预警取消' }, admin))
    for (const no of ['E0101', 'E0102', 'E0103']) {
      const inbox = await inboxOf(no)
      expect(inbox.items).toEqual([
        expect.objectContaining({
          kind: 'activity_cancelled',
          title: '活动已取消',
          activityId: id,
          readAt: null,
          createdAt: FIXED_NOW.toISOString(),
        }),
      ])
      expect(inbox.items[0].body).toContain('篮球友谊赛')
      expect(inbox.items[0].body).toContain('因台风预警取消')
    }
    for (const no of ['E0104', 'E0105', 'E0001']) expect((await inboxOf(no)).total).toBe(0)
  })

  it('sends no second message when a cancelled activity is cancelled again', async () => {
    const id = await activityWithRegistrants()
    dataOf(await app.call('admin.activity.cancel', { id, reason: '因台风预警取消' }, admin))
    dataOf(await app.call('admin.activity.cancel', { id, reason: '再次取消' }, admin))
    expect((await inboxOf('E0101')).total).toBe(1)
  })

  it('counts unread messages, newest first', async () => {
    const first = await activityWithRegistrants('羽毛球赛')
    const second = await activityWithRegistrants('乒乓球赛')
    dataOf(await app.call('admin.activity.cancel', { id: first, reason: '场馆维修' }, admin))
    dataOf(await app.call('admin.activity.cancel', { id: second, reason: '场馆维修' }, admin))
    const inbox = await inboxOf('E0101')
    expect(inbox).toMatchObject({ total: 2, unread: 2 })
    expect(inbox.items.map((m: any) => m.activityId)).toEqual([second, first])
  })

  it('marks read only the messages the caller names', async () => {
    for (const title of ['羽毛球赛', '乒乓球赛']) {
      const id = await activityWithRegistrants(title)
      dataOf(await app.call('admin.activity.cancel', { id, reason: '场馆维修' }, admin))
    }
    const [newest, oldest] = (await inboxOf('E0101')).items
    app.setNow(new Date(FIXED_NOW.getTime() + 60_000))
    const result = dataOf(await app.call('inbox.read', { ids: [oldest.id] }, await app.as('E0101')))
    expect(result).toEqual({ updated: 1 })
    const inbox = await inboxOf('E0101')
    expect(inbox.unread).toBe(1)
    expect(inbox.items.map((m: any) => [m.id, m.readAt])).toEqual([
      [newest.id, null],
      [oldest.id, new Date(FIXED_NOW.getTime() + 60_000).toISOString()],
    ])
  })

  it('changes nothing when someone names another person’s messages', async () => {
    const id = await activityWithRegistrants()
    dataOf(await app.call('admin.activity.cancel', { id, reason: '场馆维修' }, admin))
    const theirs = (await inboxOf('E0101')).items.map((m: any) => m.id)
    const result = dataOf(await app.call('inbox.read', { ids: theirs }, await app.as('E0105')))
    expect(result).toEqual({ updated: 0 })
    expect((await inboxOf('E0101')).unread).toBe(1)
  })

  it('marks all of the caller’s messages read, and only theirs, when no ids are given', async () => {
    const id = await activityWithRegistrants()
    dataOf(await app.call('admin.activity.cancel', { id, reason: '场馆维修' }, admin))
    expect(dataOf(await app.call('inbox.read', {}, await app.as('E0101')))).toEqual({ updated: 1 })
    expect((await inboxOf('E0101')).unread).toBe(0)
    expect((await inboxOf('E0102')).unread).toBe(1)
  })

  it('tells the person promoted from the waitlist that they have a seat', async () => {
    const id = await createActivity(app, admin, { title: '书法体验课', capacity: 2 })
    await registerAll(app, id, ['E0101', 'E0102', 'E0103'])
    dataOf(await app.call('registration.cancel', { activityId: id }, await app.as('E0102')))
    const inbox = await inboxOf('E0103')
    expect(inbox.items).toEqual([
      expect.objectContaining({ kind: 'promoted', title: '候补成功，您已报名', activityId: id, readAt: null }),
    ])
    expect(inbox.items[0].body).toContain('书法体验课')
    expect(inbox.unread).toBe(1)
    for (const no of ['E0101', 'E0102']) expect((await inboxOf(no)).total).toBe(0)
  })

  it('tells those waiting that they have a seat when the organizer adds seats', async () => {
    const id = await createActivity(app, admin, { title: '书法体验课', capacity: 1 })
    await registerAll(app, id, ['E0101', 'E0102', 'E0103'])
    dataOf(await app.call('admin.activity.update', { id, capacity: 2 }, admin))
    expect((await inboxOf('E0102')).items.map((m: any) => m.kind)).toEqual(['promoted'])
    expect((await inboxOf('E0103')).total).toBe(0)
  })
})

describe('audit log', () => {
  const AT = new Date(FIXED_NOW.getTime() + 5 * 60_000)

  /** Runs one write at AT and returns the single audit entry it left. */
  async function auditOf(write: () => Promise<unknown>): Promise<any> {
    const before = dataOf(await app.call('admin.audit.list', {}, admin)).total
    app.setNow(AT)
    await write()
    const log = dataOf(await app.call('admin.audit.list', {}, admin))
    expect(log.total).toBe(before + 1)
    expect(log.items[0].at).toBe(AT.toISOString())
    return log.items[0]
  }

  const actor = async (employeeNo: string) => {
    const e = (await app.store.getEmployeeByNo(employeeNo))!
    return { id: e.id, employeeNo, name: e.name }
  }

  it('records who created which activity, with the activity as created', async () => {
    let id = 0
    const entry = await auditOf(async () => {
      id = await createActivity(app, organizer, { title: '法治讲座', category: 'lecture' })
    })
    expect(entry).toMatchObject({ actor: await actor('E0003'), action: 'activity.create', target: `活动 #${id}` })
    expect(entry.before).toBeNull()
    expect(entry.after).toMatchObject({ id, title: '法治讲座', organizerDepartment: '政策法规科' })
  })

  it('records an activity update with the activity before and after', async () => {
    const id = await createActivity(app, admin, { title: '摄影展' })
    const entry = await auditOf(async () =>
      dataOf(await app.call('admin.activity.update', { id, location: '机关一楼大厅' }, admin)),
    )
    expect(entry).toMatchObject({ actor: await actor('E0001'), action: 'activity.update', target: `活动 #${id}` })
    expect(entry.before).toMatchObject({ id, location: '待定' })
    expect(entry.after).toMatchObject({ id, location: '机关一楼大厅' })
  })

  it('records a cancellation with its reason', async () => {
    const id = await createActivity(app, admin, { title: '摄影展' })
    const entry = await auditOf(async () =>
      dataOf(await app.call('admin.activity.cancel', { id, reason: '展品未到' }, admin)),
    )
    expect(entry).toMatchObject({ action: 'activity.cancel', target: `活动 #${id}` })
    expect(entry.before).toMatchObject({ cancelledAt: null, cancelReason: null })
    expect(entry.after).toMatchObject({ cancelledAt: AT.toISOString(), cancelReason: '展品未到' })
  })

  it('records an employee update with the record before and after', async () => {
    const target = (await app.store.getEmployeeByNo('E0150'))!
    const entry = await auditOf(async () =>
      dataOf(
        await app.call('admin.employee.update', { id: target.id, department: '办公室', role: 'organizer' }, admin),
      ),
    )
    expect(entry).toMatchObject({ actor: await actor('E0001'), action: 'employee.update', target: '职工 E0150' })
    expect(entry.before).toMatchObject({ employeeNo: 'E0150', department: target.department, role: 'employee' })
    expect(entry.after).toMatchObject({ employeeNo: 'E0150', department: '办公室', role: 'organizer' })
  })

  it('records a committed roster import with what it did, and nothing for a preview', async () => {
    const contentBase64 = Buffer.from(
      csvText([
        ['工号', '姓名', '部门'],
        ['N7001', '高新人', '办公室'],
        ['E0150', '改名了', '办公室'],
      ]),
    ).toString('base64')
    const payload = { fileName: '2026年花名册.csv', contentBase64 }
    const total = dataOf(await app.call('admin.audit.list', {}, admin)).total
    dataOf(await app.call('admin.roster.import', payload, admin))
    expect(dataOf(await app.call('admin.audit.list', {}, admin)).total).toBe(total)
    const entry = await auditOf(async () =>
      dataOf(await app.call('admin.roster.import', { ...payload, commit: true }, admin)),
    )
    expect(entry).toMatchObject({
      actor: await actor('E0001'),
      action: 'roster.import',
      target: '2026年花名册.csv',
      before: null,
      after: { created: 1, updated: 1, rows: 2 },
    })
  })

  it('records a plan import with the titles it saved', async () => {
    const text =
      '2025年度精神文明建设工作要点\n一、加强思想建设\n1.深化理论学习。认真学习党的创新理论。\n二、丰富文化生活\n2.开展读书活动。举办读书分享会。'
    let ids: number[] = []
    const entry = await auditOf(async () => {
      ids = dataOf(await app.call('admin.plan.import', { text }, admin)).ids
    })
    expect(entry).toMatchObject({
      action: 'plan.import',
      target: `要点草稿 #${ids[0]}`,
      before: null,
      after: { titles: ['2025年度精神文明建设工作要点'] },
    })
  })

  it('records a plan publication with the current plan before and after', async () => {
    const previous = await app.store.getCurrentPlanId()
    const other = (await app.store.listPlans({ publishedOnly: false })).find((p) => p.id !== previous)!
    const entry = await auditOf(async () => dataOf(await app.call('admin.plan.publish', { id: other.id }, admin)))
    expect(entry).toMatchObject({
      action: 'plan.publish',
      before: { currentPlanId: previous },
      after: { currentPlanId: other.id },
    })
    expect(entry.target).toContain(other.title)
  })

  it('records a manual check-in by the organizer, naming the person', async () => {
    const id = await createActivity(app, admin, { organizerDepartment: '政策法规科', capacity: 5 })
    const [registration] = await registerAll(app, id, ['E0120'])
    const registrationId = registration.registration.id
    const entry = await auditOf(async () =>
      dataOf(await app.call('admin.checkin.manual', { activityId: id, registrationId }, organizer)),
    )
    expect(entry).toMatchObject({
      actor: await actor('E0003'),
      action: 'checkin.manual',
      before: { checkedInAt: null },
      after: { checkedInAt: AT.toISOString() },
    })
    expect(entry.target).toContain(`活动 #${id}`)
    expect(entry.target).toContain((await app.store.getEmployeeByNo('E0120'))!.name)
  })

  it('records an unbinding of a WeChat account', async () => {
    const target = (await app.store.getEmployeeByNo('E0042'))!
    dataOf(await app.call('auth.bind', { employeeNo: 'E0042', name: target.name }, { openid: 'wx-42' }))
    const entry = await auditOf(async () => dataOf(await app.call('admin.employee.unbind', { id: target.id }, admin)))
    expect(entry).toMatchObject({ actor: await actor('E0001'), action: 'employee.unbind', target: '职工 E0042' })
  })

  it('lists the log newest first, a page at a time', async () => {
    for (const title of ['一', '二', '三']) await createActivity(app, admin, { title: `活动${title}` })
    const page = dataOf(await app.call('admin.audit.list', { pageSize: 2 }, admin))
    expect(page.total).toBe(3)
    expect(page.items.map((e: any) => e.after.title)).toEqual(['活动三', '活动二'])
    const next = dataOf(await app.call('admin.audit.list', { page: 2, pageSize: 2 }, admin))
    expect(next.items.map((e: any) => e.after.title)).toEqual(['活动一'])
  })
})
