import type { Principal } from '../../src/cloud/context'
import { DEMO_DEPARTMENTS } from '../../src/cloud/demo/roster'
import { fromLocal } from '../../src/domain/time'
import { checkInAll, createActivity, dataOf, registerAll, SETUP_TIMEOUT_MS } from './admin-helpers'
import { createInProcess, type InProcess } from './helpers'

let app: InProcess
let admin: Principal

const DAY = 24 * 3600 * 1000
const zeros = () => Array.from({ length: 12 }, () => 0)
const months = (counts: Record<number, number>) => zeros().map((_, m) => counts[m + 1] ?? 0)

/** Holds an activity at a local date and time: people register a week before, and `attendees` check in. */
async function holdActivity(a: {
  title: string
  category: string
  department: string
  date: string
  from: string
  to: string
  attendees: string[]
  noShows?: string[]
}): Promise<number> {
  const startsAt = fromLocal(a.date, a.from)
  app.setNow(new Date(Date.parse(startsAt) - 7 * DAY))
  const id = await createActivity(app, admin, {
    title: a.title,
    category: a.category,
    organizerDepartment: a.department,
    startsAt,
    endsAt: fromLocal(a.date, a.to),
    capacity: null,
  })
  await registerAll(app, id, [...a.attendees, ...(a.noShows ?? [])])
  app.setNow(new Date(startsAt))
  await checkInAll(app, id, a.attendees)
  return id
}

beforeAll(async () => {
  app = await createInProcess()
  admin = await app.as('E0001')
  // The demo roster's departments by 工号, as the expectations below rely on them.
  const expected: Record<string, string> = {
    E0009: '办公室',
    E0017: '办公室',
    E0010: '机关党委',
    E0011: '政策法规科',
    E0019: '政策法规科',
    E0027: '政策法规科',
    E0035: '政策法规科',
    E0043: '政策法规科',
    E0051: '政策法规科',
    E0012: '应急指挥中心',
  }
  for (const [no, department] of Object.entries(expected)) {
    expect((await app.store.getEmployeeByNo(no))!.department).toBe(department)
  }

  // Starts at 07:30 on 1 January in Shanghai: still 31 December 2024 in UTC, yet a 2025 activity.
  await holdActivity({
    title: '元旦健步走',
    category: 'festival',
    department: '办公室',
    date: '2025-01-01',
    from: '07:30',
    to: '09:00',
    attendees: ['E0009'],
  })
  await holdActivity({
    title: '职工趣味运动会',
    category: 'sports',
    department: '办公室',
    date: '2025-03-15',
    from: '14:00',
    to: '16:00',
    attendees: ['E0011', 'E0019', 'E0012', 'E0010'],
    noShows: ['E0035'],
  })
  await holdActivity({
    title: '读书分享会',
    category: 'reading',
    department: '机关党委',
    date: '2025-06-10',
    from: '14:30',
    to: '16:30',
    attendees: ['E0011', 'E0027', 'E0017'],
  })
  const cancelled = await holdActivity({
    title: '道德讲堂',
    category: 'lecture',
    department: '机关党委',
    date: '2025-09-10',
    from: '09:00',
    to: '11:00',
    attendees: ['E0043'],
  })
  dataOf(await app.call('admin.activity.cancel', { id: cancelled, reason: '主讲人临时出差' }, admin))
  await holdActivity({
    title: '防灾减灾志愿服务',
    category: 'volunteer',
    department: '防灾减灾救灾科',
    date: '2024-11-20',
    from: '09:00',
    to: '11:00',
    attendees: ['E0051'],
  })
  app.setNow(new Date('2026-01-15T02:00:00.000Z'))
}, SETUP_TIMEOUT_MS)

afterAll(() => app.close())

const report = async (payload: Record<string, unknown>, principal: Principal = admin) =>
  dataOf(await app.call('admin.participation', payload, principal))
const byDepartment = (r: any) => Object.fromEntries(r.departments.map((d: any) => [d.department, d]))

describe('participation report', () => {
  it('counts, per department, the people who checked in at the year’s activities', async () => {
    const departments = byDepartment(await report({ year: 2025 }))
    expect(Object.keys(departments).sort()).toEqual([...DEMO_DEPARTMENTS].sort())
    expect(departments['政策法规科']).toEqual({
      department: '政策法规科',
      headcount: 25,
      participants: 3,
      rate: 0.12,
      byCategory: { sports: 2, reading: 2 },
      byMonth: months({ 3: 2, 6: 2 }),
    })
    expect(departments['办公室']).toEqual({
      department: '办公室',
      headcount: 25,
      participants: 2,
      rate: 0.08,
      byCategory: { festival: 1, reading: 1 },
      byMonth: months({ 1: 1, 6: 1 }),
    })
    expect(departments['机关党委']).toMatchObject({ participants: 1, rate: 0.04, byCategory: { sports: 1 } })
    expect(departments['应急指挥中心']).toMatchObject({ participants: 1, rate: 0.04, byMonth: months({ 3: 1 }) })
    for (const name of ['安全生产监管科', '防灾减灾救灾科', '财务审计科', '人事教育科']) {
      expect(departments[name]).toEqual({
        department: name,
        headcount: 25,
        participants: 0,
        rate: 0,
        byCategory: {},
        byMonth: zeros(),
      })
    }
  })

  it('totals the year over all departments', async () => {
    expect((await report({ year: 2025 })).total).toEqual({ headcount: 200, participants: 7, rate: 0.035 })
  })

  it('orders departments by participation rate, highest first', async () => {
    const rates = (await report({ year: 2025 })).departments.map((d: any) => d.rate)
    expect(rates).toEqual([...rates].sort((a, b) => b - a))
    expect((await report({ year: 2025 })).departments[0].department).toBe('政策法规科')
  })

  it('lists everyone who took no part, including no-shows and those of a cancelled activity', async () => {
    const { nonParticipants } = await report({ year: 2025 })
    const numbers = nonParticipants.map((p: any) => p.employeeNo)
    expect(numbers).toHaveLength(193)
    expect(numbers).toEqual(expect.arrayContaining(['E0035', 'E0043', 'E0051', 'E0001']))
    for (const no of ['E0009', 'E0010', 'E0011', 'E0012', 'E0017', 'E0019', 'E0027']) expect(numbers).not.toContain(no)
    expect(nonParticipants.find((p: any) => p.employeeNo === 'E0035')).toEqual({
      employeeNo: 'E0035',
      name: (await app.store.getEmployeeByNo('E0035'))!.name,
      department: '政策法规科',
    })
  })

  it('counts an activity in the year of its local start date', async () => {
    const previous = byDepartment(await report({ year: 2024 }))
    expect(previous['办公室'].participants).toBe(0)
    expect(previous['政策法规科']).toMatchObject({ participants: 1, byMonth: months({ 11: 1 }) })
  })

  it('narrows the figures to one category', async () => {
    const departments = byDepartment(await report({ year: 2025, category: 'reading' }))
    expect(departments['政策法规科'].participants).toBe(2)
    expect(departments['办公室'].participants).toBe(1)
    expect(departments['机关党委'].participants).toBe(0)
  })

  it('narrows the figures to one month', async () => {
    const r = await report({ year: 2025, month: 3 })
    const departments = byDepartment(r)
    expect(departments['政策法规科'].participants).toBe(2)
    expect(departments['办公室'].participants).toBe(0)
    expect(r.total.participants).toBe(4)
  })

  it('shows an organizer their own department only', async () => {
    const r = await report({ year: 2025 }, await app.as('E0003'))
    expect(r.departments.map((d: any) => d.department)).toEqual(['政策法规科'])
    expect(r.total).toEqual({ headcount: 25, participants: 3, rate: 0.12 })
    expect(r.nonParticipants).toHaveLength(22)
    expect(new Set(r.nonParticipants.map((p: any) => p.department))).toEqual(new Set(['政策法规科']))
  })

  it('leaves deactivated employees out of headcount and participants', async () => {
    const e0027 = (await app.store.getEmployeeByNo('E0027'))!
    dataOf(await app.call('admin.employee.update', { id: e0027.id, active: false }, admin))
    try {
      const departments = byDepartment(await report({ year: 2025 }))
      expect(departments['政策法规科']).toMatchObject({ headcount: 24, participants: 2 })
    } finally {
      dataOf(await app.call('admin.employee.update', { id: e0027.id, active: true }, admin))
    }
  })
})
