import type { VolunteerLedger, VolunteerPerson, VolunteerSummary } from '../../domain/community'
import { volunteerCandidatesInput, yearInput } from '../../domain/community-schemas'
import { fromLocal } from '../../domain/time'
import type { VolunteerHoursRow } from '../store/types'
import { defineAction } from './define'

const yearRange = (year: number): [string, string] => [fromLocal(`${year}-01-01`), fromLocal(`${year + 1}-01-01`)]
const round1 = (n: number) => Math.round(n * 10) / 10

function byPerson(rows: VolunteerHoursRow[]): VolunteerPerson[] {
  const people = new Map<number, VolunteerPerson>()
  for (const r of rows) {
    const p = people.get(r.employeeId) ?? {
      employeeNo: r.employeeNo,
      name: r.name,
      department: r.department,
      hours: 0,
      activities: 0,
    }
    p.hours = round1(p.hours + r.hours)
    p.activities++
    people.set(r.employeeId, p)
  }
  return [...people.values()].sort((a, b) => b.hours - a.hours || a.employeeNo.localeCompare(b.employeeNo))
}

export const volunteerActions = {
  // Hours are credited by checking in at an activity that carries volunteer hours.
  'volunteer.mine': defineAction({
    auth: 'employee',
    write: false,
    input: yearInput,
    async handler({ input, store, employee }): Promise<VolunteerLedger> {
      const rows = (await store.listVolunteerHours(...yearRange(input.year))).filter(
        (r) => r.employeeId === employee!.id,
      )
      return {
        year: input.year,
        totalHours: round1(rows.reduce((n, r) => n + r.hours, 0)),
        entries: rows.map((r) => ({ activityId: r.activityId, title: r.title, startsAt: r.startsAt, hours: r.hours })),
      }
    },
  }),

  'volunteer.summary': defineAction({
    auth: 'employee',
    write: false,
    input: yearInput,
    async handler({ input, store }): Promise<VolunteerSummary> {
      const rows = await store.listVolunteerHours(...yearRange(input.year))
      const departments = new Map<string, { hours: number; people: Set<number> }>()
      for (const r of rows) {
        const d = departments.get(r.department) ?? { hours: 0, people: new Set<number>() }
        d.hours = round1(d.hours + r.hours)
        d.people.add(r.employeeId)
        departments.set(r.department, d)
      }
      return {
        year: input.year,
        departments: [...departments.entries()]
          .map(([department, d]) => ({ department, hours: d.hours, people: d.people.size }))
          .sort((a, b) => b.hours - a.hours),
        top: byPerson(rows).slice(0, 10),
      }
    },
  }),

  // 优秀志愿者 candidates: everyone with at least `minHours` in the year.
  'admin.volunteer.candidates': defineAction({
    auth: 'employee',
    role: 'admin',
    write: false,
    input: volunteerCandidatesInput,
    async handler({ input, store }): Promise<VolunteerPerson[]> {
      return byPerson(await store.listVolunteerHours(...yearRange(input.year))).filter((p) => p.hours >= input.minHours)
    },
  }),
}
