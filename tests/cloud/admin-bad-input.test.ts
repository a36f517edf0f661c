import Database from 'better-sqlite3'
import type { Principal } from '../../src/cloud/context'
import { createActivity, dataOf, errorOf, hoursAfter, registerAll, xlsxBase64, SETUP_TIMEOUT_MS } from './admin-helpers'
import { createInProcess, FIXED_NOW, type InProcess } from './helpers'

// The router is called in-process: no gateway body limit stands in front of it, so the schemas must refuse these.
const ONE_MB = 'x'.repeat(1024 * 1024)
const SCRIPT = '<script>alert(1)</script>'
const ONE_PLAN =
  '2025年度精神文明建设工作要点\n一、加强思想建设\n1.深化理论学习。认真学习。\n二、丰富文化生活\n2.开展读书活动。举办读书分享会。'
const TABLES = [
  'activities',
  'activity_plan_items',
  'registrations',
  'employees',
  'plans',
  'audit_log',
  'inbox_messages',
]

let app: InProcess
let admin: Principal
let employee: Principal
let fixture: { activityId: number; registrationId: number; employeeId: number; planId: number; rosterFile: string }

beforeAll(async () => {
  app = await createInProcess()
  admin = await app.as('E0001')
  employee = await app.as('E0150')
  const activityId = await createActivity(app, admin, { title: '篮球友谊赛', capacity: 5 })
  const [registration] = await registerAll(app, activityId, ['E0120'])
  fixture = {
    activityId,
    registrationId: registration.registration.id,
    employeeId: employee.employeeId!,
    planId: (await app.store.getCurrentPlanId())!,
    rosterFile: await xlsxBase64([
      ['工号', '姓名', '部门'],
      ['N9001', '新同事', '办公室'],
    ]),
  }
}, SETUP_TIMEOUT_MS)

afterAll(() => app.close())

/** Every row of the tables an admin write could touch, read through a second, read-only connection. */
function dumpTables(): Record<string, unknown[]> {
  const db = new Database(app.dbFile, { readonly: true })
  try {
    return Object.fromEntries(TABLES.map((t) => [t, db.prepare(`SELECT * FROM ${t} ORDER BY rowid`).all()]))
  } finally {
    db.close()
  }
}

type F = typeof fixture
const activity = {
  category: 'sports',
  title: '篮球赛',
  startsAt: hoursAfter(FIXED_NOW, 48),
  endsAt: hoursAfter(FIXED_NOW, 50),
}

// Each case: the action, what is wrong, the payload, and a fragment of the message that says so.
const CASES: [string, string, (f: F) => unknown, string][] = [
  ['admin.activity.create', 'a title that is a number', () => ({ ...activity, title: 123 }), '（title）'],
  ['admin.activity.create', 'no start time', () => ({ ...activity, startsAt: undefined }), '请填写开始时间'],
  [
    'admin.activity.create',
    'a 1 MB description',
    () => ({ ...activity, description: ONE_MB }),
    '活动介绍不能超过 5000 个字',
  ],
  ['admin.activity.create', 'a 1 MB title', () => ({ ...activity, title: ONE_MB }), '活动名称不能超过 60 个字'],
  [
    'admin.activity.create',
    'a script tag in the title',
    () => ({ ...activity, title: `${SCRIPT}篮球赛` }),
    '不能包含网页代码',
  ],
  [
    'admin.activity.create',
    'an event handler in the location',
    () => ({ ...activity, location: '<b onmouseover=x>' }),
    '地点不能包含网页代码',
  ],
  ['admin.activity.create', 'an unknown field', () => ({ ...activity, createdBy: 1 }), '"createdBy"'],
  ['admin.activity.create', 'a negative capacity', () => ({ ...activity, capacity: -5 }), '名额应大于 0'],
  [
    'admin.activity.create',
    'a start time without a time zone',
    () => ({ ...activity, startsAt: '2026-03-03 10:00' }),
    '带时区',
  ],
  ['admin.activity.create', 'an unknown category', () => ({ ...activity, category: 'party' }), '活动类别不正确'],
  [
    'admin.activity.create',
    'a text for eligible departments',
    () => ({ ...activity, eligibleDepartments: '办公室' }),
    '（eligibleDepartments）',
  ],
  [
    'admin.activity.create',
    'a 1 MB option label',
    () => ({ ...activity, options: [{ key: 'a', label: ONE_MB }] }),
    '项目名称不能超过 30 个字',
  ],
  ['admin.activity.create', 'an array for a payload', () => [activity], '期望 object'],
  [
    'admin.activity.update',
    'a script tag in the title',
    (f) => ({ id: f.activityId, title: SCRIPT }),
    '不能包含网页代码',
  ],
  ['admin.activity.update', 'a capacity that is text', (f) => ({ id: f.activityId, capacity: '10' }), '（capacity）'],
  [
    'admin.activity.update',
    'a 1 MB description',
    (f) => ({ id: f.activityId, description: ONE_MB }),
    '活动介绍不能超过 5000 个字',
  ],
  ['admin.activity.update', 'an unknown field', (f) => ({ id: f.activityId, cancelledAt: null }), '"cancelledAt"'],
  ['admin.activity.update', 'an id that is text', (f) => ({ id: String(f.activityId), title: '新名字' }), '（id）'],
  ['admin.activity.update', 'a start time in words', (f) => ({ id: f.activityId, startsAt: 'tomorrow' }), '带时区'],
  ['admin.activity.cancel', 'no reason', (f) => ({ id: f.activityId }), '（reason）'],
  ['admin.activity.cancel', 'an empty reason', (f) => ({ id: f.activityId, reason: '   ' }), '请填写取消原因'],
  [
    'admin.activity.cancel',
    'a 1 MB reason',
    (f) => ({ id: f.activityId, reason: ONE_MB }),
    '取消原因不能超过 200 个字',
  ],
  [
    'admin.activity.cancel',
    'a script tag in the reason',
    (f) => ({ id: f.activityId, reason: SCRIPT }),
    '不能包含网页代码',
  ],
  [
    'admin.activity.cancel',
    'an unknown field',
    (f) => ({ id: f.activityId, reason: '天气', notify: false }),
    '"notify"',
  ],
  [
    'admin.employee.update',
    'a script tag in the name',
    (f) => ({ id: f.employeeId, name: SCRIPT }),
    '不能包含网页代码',
  ],
  ['admin.employee.update', 'a 1 MB name', (f) => ({ id: f.employeeId, name: ONE_MB }), '姓名不能超过 32 个字'],
  [
    'admin.employee.update',
    'a malformed phone',
    (f) => ({ id: f.employeeId, phone: '1380000abcd' }),
    '手机号应为 11 位数字',
  ],
  ['admin.employee.update', 'an unknown role', (f) => ({ id: f.employeeId, role: 'root' }), '角色不正确'],
  ['admin.employee.update', 'active as text', (f) => ({ id: f.employeeId, active: 'false' }), '（active）'],
  ['admin.employee.update', 'an empty department', (f) => ({ id: f.employeeId, department: '' }), '请填写部门'],
  ['admin.employee.update', 'an OPENID to bind', (f) => ({ id: f.employeeId, openid: 'wx-hijack' }), '"openid"'],
  ['admin.employee.update', 'a new 工号', (f) => ({ id: f.employeeId, employeeNo: 'E9999' }), '"employeeNo"'],
  ['admin.employee.unbind', 'an id that is text', (f) => ({ id: String(f.employeeId) }), '（id）'],
  ['admin.employee.unbind', 'no id', () => ({}), '（id）'],
  [
    'admin.roster.import',
    '1 MB of content',
    () => ({ fileName: 'r.xlsx', contentBase64: 'A'.repeat(1024 * 1024) }),
    '文件过大',
  ],
  [
    'admin.roster.import',
    'content that is not base64',
    () => ({ fileName: 'r.csv', contentBase64: '工号,姓名' }),
    '不是有效的 base64',
  ],
  [
    'admin.roster.import',
    'a script tag in the file name',
    (f) => ({ fileName: `${SCRIPT}.xlsx`, contentBase64: f.rosterFile, commit: true }),
    '文件名不能包含网页代码',
  ],
  [
    'admin.roster.import',
    'an .exe file name',
    (f) => ({ fileName: 'roster.exe', contentBase64: f.rosterFile, commit: true }),
    '请上传 .xlsx 或 .csv 文件',
  ],
  [
    'admin.roster.import',
    'commit as text',
    (f) => ({ fileName: 'r.xlsx', contentBase64: f.rosterFile, commit: 'yes' }),
    '（commit）',
  ],
  [
    'admin.roster.import',
    'an unknown field',
    (f) => ({ fileName: 'r.xlsx', contentBase64: f.rosterFile, commit: true, overwrite: true }),
    '"overwrite"',
  ],
  ['admin.roster.import', 'no content', () => ({ fileName: 'r.xlsx', commit: true }), '缺少文件内容'],
  ['admin.plan.import', 'a 1 MB text', () => ({ text: ONE_MB }), '文本过长'],
  ['admin.plan.import', 'a text that is a number', () => ({ text: 2024 }), '（text）'],
  [
    'admin.plan.import',
    'an index beyond the plans found',
    () => ({ text: ONE_PLAN, indexes: [1] }),
    '只识别到 1 份要点',
  ],
  ['admin.plan.import', 'indexes as text', () => ({ text: ONE_PLAN, indexes: ['0'] }), '（indexes.0）'],
  ['admin.plan.import', 'an unknown field', () => ({ text: ONE_PLAN, publish: true }), '"publish"'],
  ['admin.plan.publish', 'an id that is text', (f) => ({ id: String(f.planId) }), '（id）'],
  ['admin.plan.publish', 'an id of zero', () => ({ id: 0 }), '编号应为正整数'],
  ['admin.plan.publish', 'an unknown field', (f) => ({ id: f.planId, force: true }), '"force"'],
  [
    'admin.checkin.manual',
    'a registration id that is text',
    (f) => ({ activityId: f.activityId, registrationId: String(f.registrationId) }),
    '（registrationId）',
  ],
  ['admin.checkin.manual', 'no registration id', (f) => ({ activityId: f.activityId }), '（registrationId）'],
  [
    'admin.checkin.manual',
    'an employee id besides',
    (f) => ({ activityId: f.activityId, registrationId: f.registrationId, employeeId: 1 }),
    '"employeeId"',
  ],
]

describe('hostile payloads to admin writes', () => {
  it.each(CASES)('refuses %s with %s as 400 and writes nothing', async (action, _what, make, reason) => {
    const before = dumpTables()
    const result = await app.call(action, make(fixture), admin)
    expect(result.status).toBe(400)
    const error = errorOf(result)
    expect(error.code).toBe('invalid_input')
    expect(error.message).toMatch(/[\u4e00-\u9fa5]/)
    expect(error.message).toContain(reason)
    expect(dumpTables()).toEqual(before)
  })

  it('refuses inbox.read with ids that are text, and writes nothing', async () => {
    const before = dumpTables()
    expect((await app.call('inbox.read', { ids: ['1'] }, employee)).status).toBe(400)
    expect((await app.call('inbox.read', { ids: Array.from({ length: 201 }, (_, i) => i + 1) }, employee)).status).toBe(
      400,
    )
    expect(dumpTables()).toEqual(before)
  })

  it('still accepts a sound payload after all of the above', async () => {
    const result = await app.call('admin.activity.update', { id: fixture.activityId, location: '机关篮球场' }, admin)
    expect(dataOf(result).location).toBe('机关篮球场')
  })
})
