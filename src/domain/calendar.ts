import { getFestivalDates, type FestivalKey } from './festivals'

/** A day (or a month) of the plan's calendar: a traditional festival or one of the plan's observances. */
export interface CalendarEntry {
  key: FestivalKey | 'leifeng' | 'security' | 'disaster' | 'safety-month'
  name: string
  kind: 'festival' | 'observance'
  /** YYYY-MM-DD, local. */
  date: string
  /** Last day, for observances that last a month. */
  endDate?: string
  /** Activities are linked to an entry when they start within these many days before its date (or within its span). */
  leadDays: number
}

/** Every festival and observance of `year`, in date order; festival dates come from the lunar calendar. */
export function buildCalendar(year: number): CalendarEntry[] {
  const festivals: CalendarEntry[] = getFestivalDates(year).map((f) => ({
    key: f.key,
    name: f.name,
    kind: 'festival',
    date: f.date,
    leadDays: 10,
  }))
  const observances: CalendarEntry[] = [
    { key: 'leifeng', name: '学雷锋纪念日', kind: 'observance', date: `${year}-03-05`, leadDays: 3 },
    { key: 'security', name: '全民国家安全教育日', kind: 'observance', date: `${year}-04-15`, leadDays: 3 },
    { key: 'disaster', name: '防灾减灾日', kind: 'observance', date: `${year}-05-12`, leadDays: 3 },
    {
      key: 'safety-month',
      name: '安全生产月',
      kind: 'observance',
      date: `${year}-06-01`,
      endDate: `${year}-06-30`,
      leadDays: 0,
    },
  ]
  return [...festivals, ...observances].sort((a, b) => a.date.localeCompare(b.date))
}

/** Whether an activity starting on local date `day` belongs to the entry. */
export function isForEntry(entry: CalendarEntry, day: string): boolean {
  const end = entry.endDate ?? entry.date
  const start = new Date(Date.parse(entry.date) - entry.leadDays * 86400000).toISOString().slice(0, 10)
  return day >= start && day <= end
}
