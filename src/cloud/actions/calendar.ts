import { buildCalendar, isForEntry } from '../../domain/calendar'
import type { CalendarDay, PlanItemOutputs } from '../../domain/community'
import { planItemInput, yearInput } from '../../domain/community-schemas'
import { toLocalDate } from '../../domain/time'
import { notFound } from '../errors'
import { defineAction } from './define'

export const calendarActions = {
  // The festivals and observances of a year, each with the activities held for it.
  'calendar.year': defineAction({
    auth: 'employee',
    write: false,
    input: yearInput,
    async handler({ input, store, employee, now }): Promise<CalendarDay[]> {
      const { rows } = await store.listActivities({
        now: now.toISOString(),
        viewerId: employee!.id,
        limit: 1000,
        offset: 0,
      })
      return buildCalendar(input.year).map((entry) => ({
        ...entry,
        activities: rows.filter((a) => a.status !== 'cancelled' && isForEntry(entry, toLocalDate(a.startsAt))),
      }))
    },
  }),

  // What a work point has produced: its activities and attendance, candidates, books, notes, volunteer hours.
  'plan.itemOutputs': defineAction({
    auth: 'employee',
    write: false,
    input: planItemInput,
    async handler({ input, store, employee, now }): Promise<PlanItemOutputs> {
      const [item] = await store.getPlanItemRefs([input.itemId])
      if (!item) throw notFound('工作要点')
      const plan = await store.getPlan(item.planId)
      const text = plan?.sections.flatMap((s) => s.items).find((i) => i.id === item.id)
      const about = `${text?.heading ?? ''}${text?.body ?? ''}`
      const { rows: activities } = await store.listActivities({
        now: now.toISOString(),
        viewerId: employee!.id,
        planItemId: item.id,
        limit: 200,
        offset: 0,
      })
      const { registered, checkedIn, volunteerHours } = await store.getPlanItemAttendance(item.id)
      const rounds = []
      for (const round of (await store.listRounds()).filter((r) => r.planItemId === item.id)) {
        const candidates = await store.listCandidates(round.id, employee!.id, toLocalDate(now.toISOString()))
        rounds.push({
          id: round.id,
          title: round.title,
          candidates: candidates.filter((c) => c.status !== 'rejected').length,
          approved: candidates.filter((c) => c.status === 'approved').length,
        })
      }
      // The reading drive belongs to the work point that calls for it.
      const reading = /书香|阅读|读书|好书/.test(about)
      const books = reading ? await store.listBooks(employee!.id) : []
      const notes = reading ? await store.listNotes({ status: 'approved' }, employee!.id) : []
      return {
        activities,
        attendance: { registered, checkedIn },
        volunteerHours: Math.round(volunteerHours * 10) / 10,
        rounds,
        books: {
          total: books.length,
          top: books
            .slice(0, 3)
            .map(({ id, title, author, recommendations }) => ({ id, title, author, recommendations })),
        },
        notes: { published: notes.length },
      }
    },
  }),
}
