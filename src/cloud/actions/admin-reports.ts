import type { ActivityCategory } from '../../domain/activity'
import type { AuditEntry, DepartmentParticipation, ExportFile, ParticipationReport } from '../../domain/admin'
import { auditListInput, participationInput } from '../../domain/admin-schemas'
import { hasRole } from '../../domain/roles'
import { fromLocal, toLocalDate } from '../../domain/time'
import { buildParticipationWorkbook } from '../excel'
import type { EmployeeRecord, Store } from '../store/types'
import { defineAction } from './define'

/** Who took part in the year's activities, per department; organizers see their own department. */
async function buildParticipation(
  store: Store,
  viewer: EmployeeRecord,
  input: { year: number; category?: string; month?: number },
): Promise<ParticipationReport> {
  const rows = await store.listParticipation(fromLocal(`${input.year}-01-01`), fromLocal(`${input.year + 1}-01-01`))
  const scope = hasRole(viewer.role, 'admin') ? null : viewer.department
  const people = (await store.listActiveEmployees()).filter((p) => !scope || p.department === scope)
  const departmentOf = new Map(people.map((p) => [p.id, p.department]))
  const took = rows.filter(
    (r) =>
      r.checkedIn &&
      departmentOf.has(r.employeeId) &&
      (!input.category || r.category === input.category) &&
      (!input.month || Number(toLocalDate(r.startsAt).slice(5, 7)) === input.month),
  )
  const departments = new Map<
    string,
    { people: Set<number>; byCategory: Map<ActivityCategory, Set<number>>; byMonth: Set<number>[] }
  >()
  for (const p of people) {
    if (!departments.has(p.department)) {
      departments.set(p.department, {
        people: new Set(),
        byCategory: new Map(),
        byMonth: Array.from({ length: 12 }, () => new Set()),
      })
    }
  }
  for (const r of took) {
    const d = departments.get(departmentOf.get(r.employeeId)!)!
    d.people.add(r.employeeId)
    if (!d.byCategory.has(r.category)) d.byCategory.set(r.category, new Set())
    d.byCategory.get(r.category)!.add(r.employeeId)
    d.byMonth[Number(toLocalDate(r.startsAt).slice(5, 7)) - 1].add(r.employeeId)
  }
  const headcount = (department: string) => people.filter((p) => p.department === department).length
  const list: DepartmentParticipation[] = [...departments.entries()].map(([department, d]) => ({
    department,
    headcount: headcount(department),
    participants: d.people.size,
    rate: headcount(department) ? d.people.size / headcount(department) : 0,
    byCategory: Object.fromEntries([...d.byCategory.entries()].map(([c, s]) => [c, s.size])),
    byMonth: d.byMonth.map((s) => s.size),
  }))
  const participants = list.reduce((n, d) => n + d.participants, 0)
  const tookPart = new Set(took.map((r) => r.employeeId))
  return {
    year: input.year,
    departments: list.sort((a, b) => b.rate - a.rate || a.department.localeCompare(b.department, 'zh')),
    total: { headcount: people.length, participants, rate: people.length ? participants / people.length : 0 },
    nonParticipants: people
      .filter((p) => !tookPart.has(p.id))
      .map(({ employeeNo, name, department }) => ({ employeeNo, name, department })),
  }
}

export const adminReportActions = {
  'admin.participation': defineAction({
    auth: 'employee',
    role: 'organizer',
    write: false,
    input: participationInput,
    async handler({ input, store, employee }): Promise<ParticipationReport> {
      return buildParticipation(store, employee!, input)
    },
  }),

  'admin.participation.export': defineAction({
    auth: 'employee',
    role: 'organizer',
    write: false,
    input: participationInput,
    async handler({ input, store, employee }): Promise<ExportFile> {
      return buildParticipationWorkbook(await buildParticipation(store, employee!, input))
    },
  }),

  'admin.audit.list': defineAction({
    auth: 'employee',
    role: 'admin',
    write: false,
    input: auditListInput,
    async handler({ input, store }): Promise<{ items: AuditEntry[]; total: number }> {
      const { rows, total } = await store.listAudit(input.pageSize, (input.page - 1) * input.pageSize)
      return { items: rows, total }
    },
  }),
}
