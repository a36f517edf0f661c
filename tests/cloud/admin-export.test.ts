import type { Principal } from '../../src/cloud/context'
import { ACTIVITY_CATEGORIES } from '../../src/domain/activity'
import {
  createActivity,
  dataOf,
  hoursAfter,
  loadWorkbook,
  registerAll,
  sheetRows,
  SETUP_TIMEOUT_MS,
} from './admin-helpers'
import { createInProcess, FIXED_NOW, type InProcess } from './helpers'

const TITLE = '晨跑打卡·健步走'
// 07:30 on Tuesday 3 March in Shanghai, which is still 2 March in UTC.
const STARTS_AT = '2026-03-02T23:30:00.000Z'
const ENDS_AT = '2026-03-03T01:00:00.000Z'
const CHECKIN_AT = new Date(FIXED_NOW.getTime() + 15 * 60 * 1000)
const EXPORT_AT = new Date(FIXED_NOW.getTime() + 30 * 60 * 1000)

const HEADER = ['序号', '工号', '姓名', '部门', '手机', '状态', '报名项目', '报名表', '报名时间', '签到时间']

let app: InProcess
let admin: Principal
let organizer: Principal
let activityId: number
const people: Record<string, { name: string; department: string; phone: string }> = {}

beforeAll(async () => {
  app = await createInProcess()
  admin = await app.as('E0001')
  organizer = await app.as('E0003')
  activityId = await createActivity(app, admin, {
    title: TITLE,
    organizerDepartment: '政策法规科',
    startsAt: STARTS_AT,
    endsAt: ENDS_AT,
    capacity: 2,
    checkinOpensAt: hoursAfter(FIXED_NOW, -1),
    checkinClosesAt: hoursAfter(FIXED_NOW, 3),
    formFields: [{ key: 'size', label: '服装尺码', type: 'single', required: true, choices: ['M', 'L', 'XL'] }],
  })
  for (const [no, size] of [
    ['E0101', 'L'],
    ['E0102', 'M'],
    ['E0103', 'XL'],
    ['E0104', 'M'],
  ]) {
    await registerAll(app, activityId, [no], { form: { size } })
    const employee = (await app.store.getEmployeeByNo(no))!
    people[no] = { name: employee.name, department: employee.department, phone: employee.phone! }
  }
  // E0104 was second on the waitlist and gave up; E0103 stays first.
  dataOf(await app.call('registration.cancel', { activityId }, await app.as('E0104')))
  app.setNow(CHECKIN_AT)
  const { code } = dataOf(await app.call('admin.activity.checkinCode', { id: activityId }, organizer))
  dataOf(await app.call('checkin.create', { activityId, code }, await app.as('E0101')))
  app.setNow(EXPORT_AT)
}, SETUP_TIMEOUT_MS)

afterAll(() => app.close())

async function exportAs(principal: Principal) {
  const file = dataOf(await app.call('admin.activity.export', { id: activityId }, principal))
  return { file, workbook: await loadWorkbook(file.base64) }
}

const masked = (phone: string) => `${phone.slice(0, 3)}****${phone.slice(-4)}`

describe('registrants export', () => {
  it('names the file after the activity and its local date', async () => {
    const { file } = await exportAs(admin)
    expect(file.fileName).toBe(`${TITLE}-2026-03-03-报名名单.xlsx`)
    expect(file.mimeType).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  })

  it('holds a sheet of registrants and a sheet explaining them', async () => {
    const { workbook } = await exportAs(admin)
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['报名名单', '说明'])
  })

  it('shows the administrator every registrant with full phone numbers and statuses in Chinese', async () => {
    const { workbook } = await exportAs(admin)
    const row = (index: number, no: string, status: string, size: string, checkedIn: string) => [
      index,
      no,
      people[no].name,
      people[no].department,
      people[no].phone,
      status,
      '',
      `服装尺码：${size}`,
      '3月1日 周日 10:00',
      checkedIn,
    ]
    expect(sheetRows(workbook.getWorksheet('报名名单')!)).toEqual([
      HEADER,
      row(1, 'E0101', '已签到', 'L', '3月1日 周日 10:15'),
      row(2, 'E0102', '已报名', 'M', ''),
      row(3, 'E0103', '候补第 1 位', 'XL', ''),
      row(4, 'E0104', '已取消', 'M', ''),
    ])
  })

  it('masks phone numbers for the organizer of the activity', async () => {
    const { workbook } = await exportAs(organizer)
    const rows = sheetRows(workbook.getWorksheet('报名名单')!)
    expect(rows[0]).toEqual(HEADER)
    expect(rows.slice(1).map((r) => [r[1], r[4], r[5]])).toEqual([
      ['E0101', masked(people.E0101.phone), '已签到'],
      ['E0102', masked(people.E0102.phone), '已报名'],
      ['E0103', masked(people.E0103.phone), '候补第 1 位'],
      ['E0104', masked(people.E0104.phone), '已取消'],
    ])
    expect(rows[1][4]).toMatch(/^139\*{4}\d{4}$/)
  })

  it('explains every status, the activity and the export time on the 说明 sheet', async () => {
    const { workbook } = await exportAs(admin)
    const notes = Object.fromEntries(sheetRows(workbook.getWorksheet('说明')!).map(([k, v]) => [k, v]))
    expect(notes).toMatchObject({
      项目: '说明',
      活动: TITLE,
      时间: '3月3日 周二 07:30–09:00',
      地点: '待定',
      名额: '2',
      导出时间: '3月1日 周日 10:30',
    })
    for (const status of ['已报名', '已签到', '候补第 N 位', '已取消', '活动已取消']) {
      expect(String(notes[status] ?? '').length).toBeGreaterThan(4)
    }
  })

  it('marks every row 活动已取消 once the activity is cancelled', async () => {
    const other = await createActivity(app, admin, { title: '雨天取消的活动', capacity: 5 }, EXPORT_AT)
    await registerAll(app, other, ['E0110', 'E0111'])
    dataOf(await app.call('admin.activity.cancel', { id: other, reason: '暴雨预警' }, admin))
    const file = dataOf(await app.call('admin.activity.export', { id: other }, admin))
    const rows = sheetRows((await loadWorkbook(file.base64)).getWorksheet('报名名单')!)
    expect(rows.slice(1).map((r) => [r[1], r[5]])).toEqual([
      ['E0110', '活动已取消'],
      ['E0111', '活动已取消'],
    ])
  })
})

describe('participation export', () => {
  const MONTHS = Array.from({ length: 12 }, (_, m) => `${m + 1}月`)

  it('holds the department figures, the people who took no part, and how they were counted', async () => {
    const file = dataOf(await app.call('admin.participation.export', { year: 2026 }, admin))
    expect(file.fileName).toBe('2026年度精神文明建设活动参与情况.xlsx')
    const workbook = await loadWorkbook(file.base64)
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['部门参与情况', '未参与人员', '说明'])
    const notes = sheetRows(workbook.getWorksheet('说明')!)
    expect(notes[0][0]).toBe('统计口径')
    expect(String(notes[0][1])).toContain('签到')
  })

  it('matches admin.participation row by row, department by department', async () => {
    const report = dataOf(await app.call('admin.participation', { year: 2026 }, admin))
    const file = dataOf(await app.call('admin.participation.export', { year: 2026 }, admin))
    const rows = sheetRows((await loadWorkbook(file.base64)).getWorksheet('部门参与情况')!)
    const categories = Object.keys(ACTIVITY_CATEGORIES) as (keyof typeof ACTIVITY_CATEGORIES)[]
    expect(rows[0]).toEqual([
      '部门',
      '在册人数',
      '参与人数',
      '参与率',
      ...Object.values(ACTIVITY_CATEGORIES),
      ...MONTHS,
    ])
    expect(report.departments).toHaveLength(8)
    expect(report.total.participants).toBeGreaterThan(0)
    report.departments.forEach((d: any, i: number) => {
      expect(rows[i + 1]).toEqual([
        d.department,
        d.headcount,
        d.participants,
        d.rate,
        ...categories.map((c) => d.byCategory[c] ?? ''),
        ...d.byMonth,
      ])
    })
    expect(rows[9].slice(0, 4)).toEqual(['合计', report.total.headcount, report.total.participants, report.total.rate])
    expect(rows).toHaveLength(10)
  })

  it('lists every non-participant on its own sheet', async () => {
    const report = dataOf(await app.call('admin.participation', { year: 2026 }, admin))
    const file = dataOf(await app.call('admin.participation.export', { year: 2026 }, admin))
    const rows = sheetRows((await loadWorkbook(file.base64)).getWorksheet('未参与人员')!)
    expect(rows[0]).toEqual(['工号', '姓名', '部门'])
    expect(rows.slice(1)).toEqual(report.nonParticipants.map((p: any) => [p.employeeNo, p.name, p.department]))
  })

  it('gives an organizer only their own department and its total', async () => {
    const file = dataOf(await app.call('admin.participation.export', { year: 2026 }, organizer))
    const rows = sheetRows((await loadWorkbook(file.base64)).getWorksheet('部门参与情况')!)
    expect(rows.slice(1).map((r) => [r[0], r[1]])).toEqual([
      ['政策法规科', 25],
      ['合计', 25],
    ])
  })
})
