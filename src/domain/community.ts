import type { ActivitySummary } from './activity'
import type { CalendarEntry } from './calendar'

/** One employee's volunteer hours of a year, activity by activity. */
export interface VolunteerLedger {
  year: number
  totalHours: number
  entries: { activityId: number; title: string; startsAt: string; hours: number }[]
}

/** One volunteer's total for a year. */
export interface VolunteerPerson {
  employeeNo: string
  name: string
  department: string
  hours: number
  activities: number
}

/** The bureau's volunteer hours of a year: per department and the top volunteers. */
export interface VolunteerSummary {
  year: number
  departments: { department: string; hours: number; people: number }[]
  top: VolunteerPerson[]
}

/** A festival or observance of the calendar with the activities held for it. */
export interface CalendarDay extends CalendarEntry {
  activities: ActivitySummary[]
}

/** What a work point has produced: activities, attendance, candidates, books, notes, volunteer hours. */
export interface PlanItemOutputs {
  activities: ActivitySummary[]
  attendance: { registered: number; checkedIn: number }
  volunteerHours: number
  rounds: { id: number; title: string; candidates: number; approved: number }[]
  books: { total: number; top: { id: number; title: string; author: string; recommendations: number }[] }
  notes: { published: number }
}

/**
 * Length limits of the texts people write, as the input schemas in community-schemas.ts enforce them, so that a
 * form can count along without loading the schemas onto the phone.
 */
export const TEXT_LIMITS = {
  deed: { min: 30, max: 2000 },
  comment: { min: 2, max: 500 },
  nomineeName: { min: 1, max: 32 },
  nomineeUnit: { min: 1, max: 60 },
  reviewReason: { min: 1, max: 200 },
  roundTitle: { min: 2, max: 60 },
  bookTitle: { min: 1, max: 80 },
  bookAuthor: { min: 0, max: 40 },
  bookReason: { min: 0, max: 300 },
  noteTitle: { min: 2, max: 40 },
  noteBody: { min: 50, max: 5000 },
} as const

/** How many characters a text counts for against its limits (the schemas trim first). */
export function countChars(text: string): number {
  return text.trim().length
}

/** Why a text is too short or too long for its limits, calling it `what` (正文, 事迹), or null when it fits. */
export function describeLength(text: string, limits: { min: number; max: number }, what: string): string | null {
  const n = countChars(text)
  if (n < limits.min) return `${what}至少写 ${limits.min} 字`
  if (n > limits.max) return `${what}不能超过 ${limits.max} 字`
  return null
}

/** Whole days from local date `from` to local date `to` (both YYYY-MM-DD); negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86400000)
}

/** The entry of the calendar that is on now or comes next after local date `today`, with the days left. */
export function findNextEntry<T extends CalendarEntry>(
  entries: T[],
  today: string,
): { entry: T; daysLeft: number; ongoing: boolean } | null {
  const sorted = [...entries].sort((a, b) => a.date.localeCompare(b.date))
  for (const entry of sorted) {
    const end = entry.endDate ?? entry.date
    if (end < today) continue
    const daysLeft = Math.max(0, daysBetween(today, entry.date))
    return { entry, daysLeft, ongoing: entry.date <= today }
  }
  return null
}

/** Splits a long text into its paragraphs, dropping blank lines. */
export function splitParagraphs(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((p) => p.trim())
    .filter(Boolean)
}

/** The local date `days` after local date `date` (both YYYY-MM-DD). */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86400000).toISOString().slice(0, 10)
}
