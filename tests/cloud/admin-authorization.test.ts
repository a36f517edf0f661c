import fs from 'node:fs'
import type { Principal } from '../../src/cloud/context'
import { SEED_PLAN_FILE } from '../../src/cloud/demo/seed'
import { ACTIONS } from '../../src/cloud/router'
import { createActivity, csvText, dataOf, hoursAfter, registerAll, SETUP_TIMEOUT_MS } from './admin-helpers'
import { createInProcess, FIXED_NOW, type InProcess } from './helpers'

type Caller = 'anonymous' | 'employee' | 'organizer' | 'admin'

// E0003 is the organizer of 政策法规科; E0150 an ordinary employee of 防灾减灾救灾科.
const CALLERS: Record<Caller, { employeeNo: string | null; label: string }> = {
  anonymous: { employeeNo: null, label: '未登录' },
  employee: { employeeNo: 'E0150', label: '职工 E0150' },
  organizer: { employeeNo: 'E0003', label: '组织者 E0003（政策法规科）' },
  admin: { employeeNo: 'E0001', label: '管理员 E0001' },
}
const OWN_DEPARTMENT = '政策法规科'
const OTHER_DEPARTMENT = '办公室'

interface Fixture {
  activityId: number
  cancelId: number
  registrationId: number
  planId: number
  employeeId: number
  unbindId: number
  seedText: string
}

const ADMIN_ONLY: Caller[] = ['admin']
const ORGANIZER_OR_ADMIN: Caller[] = ['organizer', 'admin']
const start = hoursAfter(FIXED_NOW, 72)
const end = hoursAfter(FIXED_NOW, 74)
const rosterCsv = Buffer.from(
  '\uFEFF' +
    csvText([
      ['工号', '姓名', '部门'],
      ['E0300', '权限测', '办公室'],
    ]),
).toString('base64')
const smallPlan = [
  'XX局2024年度精神文明建设工作要点',
  '一、加强思想道德建设',
  '1.深化理论学习。推动党的创新理论入脑入心。',
  '二、丰富职工文化生活',
  '2.开展书香机关建设。举办读书分享会。',
].join('\n')

/** The designed access of every admin action, with a valid payload so that "allowed" reaches the handler. */
const MATRIX: Record<string, { allowed: Caller[]; payload: (f: Fixture) => unknown }> = {
  'admin.roster.import': { allowed: ADMIN_ONLY, payload: () => ({ fileName: '花名册.csv', contentBase64: rosterCsv }) },
  'admin.employee.list': { allowed: ADMIN_ONLY, payload: () => ({ department: OWN_DEPARTMENT }) },
  'admin.employee.update': { allowed: ADMIN_ONLY, payload: (f) => ({ id: f.employeeId, phone: '13900001111' }) },
  'admin.employee.unbind': { allowed: ADMIN_ONLY, payload: (f) => ({ id: f.unbindId }) },
  'admin.audit.list': { allowed: ADMIN_ONLY, payload: () => ({}) },
  'admin.plan.preview': { allowed: ADMIN_ONLY, payload: (f) => ({ text: f.seedText }) },
  'admin.plan.import': { allowed: ADMIN_ONLY, payload: () => ({ text: smallPlan }) },
  'admin.plan.publish': { allowed: ADMIN_ONLY, payload: (f) => ({ id: f.planId }) },
  'admin.plan.removed': { allowed: ADMIN_ONLY, payload: (f) => ({ id: f.planId }) },
  'admin.activity.create': {
    allowed: ORGANIZER_OR_ADMIN,
    payload: () => ({ category: 'lecture', title: '法治讲座', startsAt: start, endsAt: end }),
  },
  'admin.activity.update': {
    allowed: ORGANIZER_OR_ADMIN,
    payload: (f) => ({ id: f.activityId, location: '机关二楼会议室' }),
  },
  'admin.activity.cancel': { allowed: ORGANIZER_OR_ADMIN, payload: (f) => ({ id: f.cancelId, reason: '场地调整' }) },
  'admin.activity.checkinCode': { allowed: ORGANIZER_OR_ADMIN, payload: (f) => ({ id: f.activityId }) },
  'admin.activity.list': { allowed: ORGANIZER_OR_ADMIN, payload: () => ({ pageSize: 20 }) },
  'admin.activity.export': { allowed: ORGANIZER_OR_ADMIN, payload: (f) => ({ id: f.activityId }) },
  'admin.departments': { allowed: ORGANIZER_OR_ADMIN, payload: () => ({}) },
  'admin.registration.list': { allowed: ORGANIZER_OR_ADMIN, payload: (f) => ({ activityId: f.activityId }) },
  'admin.checkin.manual': {
    allowed: ORGANIZER_OR_ADMIN,
    payload: (f) => ({ activityId: f.activityId, registrationId: f.registrationId }),
  },
  'admin.participation': { allowed: ORGANIZER_OR_ADMIN, payload: () => ({ year: 2026 }) },
  'admin.participation.export': { allowed: ORGANIZER_OR_ADMIN, payload: () => ({ year: 2026 }) },
  // Not in the organizer console's design: the community features (42a7ff0) declare these administrator-only.
  'admin.goodpeople.round.create': {
    allowed: ADMIN_ONLY,
    payload: () => ({
      title: '第二季度身边好人',
      nominateOpensAt: hoursAfter(FIXED_NOW, 1),
      nominateClosesAt: hoursAfter(FIXED_NOW, 100),
      voteOpensAt: hoursAfter(FIXED_NOW, 101),
      voteClosesAt: hoursAfter(FIXED_NOW, 200),
    }),
  },
  'admin.goodpeople.review': { allowed: ADMIN_ONLY, payload: () => ({ id: 999_999, decision: 'approved' }) },
  'admin.goodpeople.publish': { allowed: ADMIN_ONLY, payload: () => ({ id: 999_999 }) },
  'admin.note.list': { allowed: ADMIN_ONLY, payload: () => ({ status: 'pending' }) },
  'admin.note.review': { allowed: ADMIN_ONLY, payload: () => ({ id: 999_999, decision: 'approved' }) },
  'admin.volunteer.candidates': { allowed: ADMIN_ONLY, payload: () => ({ year: 2026 }) },
}

const CELLS = Object.entries(MATRIX).flatMap(([action, row]) =>
  (Object.keys(CALLERS) as Caller[]).map((caller) => {
    const allowed = row.allowed.includes(caller)
    const title =
      caller === 'anonymous'
        ? `${action} is refused with 401 to a caller with no identity`
        : `${action} ${allowed ? 'passes the role check for' : 'is refused with 403 to'} the ${caller}`
    return [title, { action, caller, allowed }] as const
  }),
)

describe('authorization matrix of the admin actions', () => {
  let app: InProcess
  let fixture: Fixture
  const principals = {} as Record<Caller, Principal>
  const seen = new Map<string, number>()

  beforeAll(async () => {
    app = await createInProcess()
    for (const caller of Object.keys(CALLERS) as Caller[]) {
      const no = CALLERS[caller].employeeNo
      principals[caller] = no ? await app.as(no) : {}
    }
    const own = { organizerDepartment: OWN_DEPARTMENT, capacity: 10 }
    const activityId = await createActivity(app, principals.admin, { ...own, title: '普法宣传' })
    const cancelId = await createActivity(app, principals.admin, { ...own, title: '待取消的活动' })
    const [registration] = await registerAll(app, activityId, ['E0120'])
    fixture = {
      activityId,
      cancelId,
      registrationId: registration.registration.id,
      planId: (await app.store.getCurrentPlanId())!,
      employeeId: (await app.store.getEmployeeByNo('E0199'))!.id,
      unbindId: (await app.store.getEmployeeByNo('E0198'))!.id,
      seedText: fs.readFileSync(SEED_PLAN_FILE, 'utf8'),
    }
  }, SETUP_TIMEOUT_MS)

  afterAll(async () => {
    const callers = Object.keys(CALLERS) as Caller[]
    const cell = (action: string, caller: Caller) => {
      const status = seen.get(`${action}|${caller}`)
      if (status === undefined) return '—'
      return caller !== 'anonymous' && MATRIX[action].allowed.includes(caller)
        ? `allowed (${status})`
        : `refused (${status})`
    }
    const header = ['action', ...callers.map((c) => CALLERS[c].label)]
    const lines = Object.keys(MATRIX)
      .sort()
      .map((action) => [action, ...callers.map((c) => cell(action, c))])
    const table = [header, header.map(() => '---'), ...lines].map((cells) => `| ${cells.join(' | ')} |`).join('\n')
    // Printed once, to be copied into the issue note.
    console.log(`Authorization matrix (allowed = passed the role check; the status each call got):\n${table}`)
    await app.close()
  })

  it('has a row for every admin action of the router and none that the router lacks', () => {
    const routerAdminActions = Object.keys(ACTIONS).filter((name) => name.startsWith('admin.'))
    const withoutRow = routerAdminActions.filter((name) => !(name in MATRIX)).sort()
    const withoutAction = Object.keys(MATRIX).filter((name) => !routerAdminActions.includes(name))
    expect({ withoutRow, withoutAction }).toEqual({ withoutRow: [], withoutAction: [] })
  })

  it.each(CELLS)('%s', async (_title, { action, caller, allowed }) => {
    const result = await app.call(action, MATRIX[action].payload(fixture), principals[caller])
    seen.set(`${action}|${caller}`, result.status)
    if (caller === 'anonymous') {
      expect(result.status).toBe(401)
      expect(result.body).toEqual({ ok: false, error: { code: 'unauthenticated', message: expect.any(String) } })
    } else if (allowed) {
      // A valid payload past the role check gets an answer of the handler: never 400, 401, 403 or 500.
      expect([200, 404, 409]).toContain(result.status)
    } else {
      expect(result.status).toBe(403)
      expect(result.body).toEqual({ ok: false, error: { code: 'forbidden', message: expect.any(String) } })
    }
  })
})

describe('an organizer and another department’s activities', () => {
  let app: InProcess
  let admin: Principal
  let organizer: Principal

  beforeEach(async () => {
    app = await createInProcess()
    admin = await app.as('E0001')
    organizer = await app.as('E0003')
  })

  afterEach(() => app.close())

  /** An activity of `department` with one confirmed registrant (E0120), open for check-in now. */
  async function activityOf(department: string): Promise<{ id: number; registrationId: number }> {
    const id = await createActivity(app, admin, {
      organizerDepartment: department,
      title: `${department}的活动`,
      checkinOpensAt: hoursAfter(FIXED_NOW, -1),
      checkinClosesAt: hoursAfter(FIXED_NOW, 3),
    })
    const [registration] = await registerAll(app, id, ['E0120'])
    return { id, registrationId: registration.registration.id }
  }

  const ATTEMPTS: [string, (a: { id: number; registrationId: number }) => unknown][] = [
    ['admin.activity.update', (a) => ({ id: a.id, title: '改个名字' })],
    ['admin.activity.cancel', (a) => ({ id: a.id, reason: '不想办了' })],
    ['admin.activity.checkinCode', (a) => ({ id: a.id })],
    ['admin.registration.list', (a) => ({ activityId: a.id })],
    ['admin.checkin.manual', (a) => ({ activityId: a.id, registrationId: a.registrationId })],
    ['admin.activity.export', (a) => ({ id: a.id })],
  ]

  it.each(ATTEMPTS)(
    'refuses %s on another department’s activity with 403 and changes nothing',
    async (action, make) => {
      const target = await activityOf(OTHER_DEPARTMENT)
      const before = await app.store.getActivity(target.id)
      const result = await app.call(action, make(target), organizer)
      expect(result.status).toBe(403)
      expect(await app.store.getActivity(target.id)).toEqual(before)
      expect((await app.store.listRegistrationsFor(target.id))[0].checkedInAt).toBeNull()
    },
  )

  it.each(ATTEMPTS)('allows %s on the organizer’s own department’s activity', async (action, make) => {
    const target = await activityOf(OWN_DEPARTMENT)
    const result = await app.call(action, make(target), organizer)
    expect(result.status).toBe(200)
  })

  it('refuses an organizer creating an activity in another department’s name', async () => {
    const count = await app.store.countActivities()
    const result = await app.call(
      'admin.activity.create',
      { category: 'lecture', title: '冒名的讲座', organizerDepartment: OTHER_DEPARTMENT, startsAt: start, endsAt: end },
      organizer,
    )
    expect(result.status).toBe(403)
    expect(await app.store.countActivities()).toBe(count)
  })

  it('refuses an organizer handing their own activity over to another department', async () => {
    const own = await activityOf(OWN_DEPARTMENT)
    const result = await app.call(
      'admin.activity.update',
      { id: own.id, organizerDepartment: OTHER_DEPARTMENT },
      organizer,
    )
    expect(result.status).toBe(403)
    expect((await app.store.getActivity(own.id))!.organizerDepartment).toBe(OWN_DEPARTMENT)
  })

  it('lists to an organizer only their own department’s activities', async () => {
    await activityOf(OWN_DEPARTMENT)
    await activityOf(OTHER_DEPARTMENT)
    const page = dataOf(await app.call('admin.activity.list', { pageSize: 50 }, organizer))
    expect(page.items.length).toBeGreaterThan(0)
    expect(new Set(page.items.map((a: any) => a.organizerDepartment))).toEqual(new Set([OWN_DEPARTMENT]))
    const all = dataOf(await app.call('admin.activity.list', { pageSize: 50 }, admin))
    expect(all.total).toBeGreaterThan(page.total)
  })
})

describe('an employee and other people’s registrations', () => {
  let app: InProcess
  let activityId: number
  let me: Principal
  let other: Principal

  beforeEach(async () => {
    app = await createInProcess()
    activityId = await createActivity(app, await app.as('E0001'), {
      checkinOpensAt: hoursAfter(FIXED_NOW, -1),
      checkinClosesAt: hoursAfter(FIXED_NOW, 3),
    })
    me = await app.as('E0150')
    other = await app.as('E0151')
    await registerAll(app, activityId, ['E0151'])
  })

  afterEach(() => app.close())

  it('refuses the registrant list of an activity to an employee without naming anyone', async () => {
    const result = await app.call('admin.registration.list', { activityId }, me)
    expect(result.status).toBe(403)
    const otherName = (await app.store.getEmployeeByNo('E0151'))!.name
    expect(JSON.stringify(result.body)).not.toContain(otherName)
  })

  it('shows an employee only their own registrations', async () => {
    const mine: any[] = dataOf(await app.call('registration.mine', {}, me))
    expect(mine.every((r) => r.employeeId === me.employeeId)).toBe(true)
    expect(mine.some((r) => r.activityId === activityId)).toBe(false)
    const theirs: any[] = dataOf(await app.call('registration.mine', {}, other))
    expect(theirs.filter((r) => r.activityId === activityId)).toHaveLength(1)
  })

  it('shows on the activity page only the caller’s own registration', async () => {
    const detail = dataOf(await app.call('activity.get', { id: activityId }, me))
    expect(detail.myRegistration).toBeNull()
    expect(detail.confirmedCount).toBe(1)
  })

  it.each(['registration.create', 'registration.cancel', 'checkin.create'])(
    'refuses %s with someone else’s employeeId in the payload',
    async (action) => {
      const otherId = (await app.store.getEmployeeByNo('E0151'))!.id
      const { code } = dataOf(await app.call('admin.activity.checkinCode', { id: activityId }, await app.as('E0001')))
      const payload = action === 'checkin.create' ? { activityId, code } : { activityId }
      const result = await app.call(action, { ...payload, employeeId: otherId }, me)
      expect(result.status).toBe(400)
      const rows = await app.store.listRegistrationsFor(activityId)
      expect(rows.map((r) => [r.employeeId, r.status, r.checkedInAt])).toEqual([[otherId, 'confirmed', null]])
    },
  )

  it('finds no registration to cancel for an employee who did not register, and leaves the other one alone', async () => {
    const result = await app.call('registration.cancel', { activityId }, me)
    expect(result.status).toBe(404)
    expect((await app.store.listRegistrationsFor(activityId))[0].status).toBe('confirmed')
  })
})
