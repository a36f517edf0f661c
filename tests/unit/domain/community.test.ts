import type { z } from 'zod'
import { buildCalendar } from '../../../src/domain/calendar'
import {
  addDays,
  daysBetween,
  describeLength,
  findNextEntry,
  splitParagraphs,
  TEXT_LIMITS,
} from '../../../src/domain/community'
import { commentInput, nominateInput, noteSubmitInput, roundCreateInput } from '../../../src/domain/community-schemas'

const text = (n: number) => '好'.repeat(n)
const accepts = (schema: z.ZodType, value: unknown) => schema.safeParse(value).success

describe('the limits the forms count against are the schemas’ limits', () => {
  const nomination = (deed: string) => ({ roundId: 1, nomineeEmployeeNo: 'E0030', category: '敬业奉献', deed })

  it('takes a deed of 30 to 2000 characters', () => {
    const { min, max } = TEXT_LIMITS.deed
    expect(accepts(nominateInput, nomination(text(min - 1)))).toBe(false)
    expect(accepts(nominateInput, nomination(text(min)))).toBe(true)
    expect(accepts(nominateInput, nomination(text(max)))).toBe(true)
    expect(accepts(nominateInput, nomination(text(max + 1)))).toBe(false)
  })

  it('counts a deed after trimming, as the form does', () => {
    expect(accepts(nominateInput, nomination(`  ${text(TEXT_LIMITS.deed.min - 1)}  `))).toBe(false)
  })

  it('takes a comment of 2 to 500 characters', () => {
    const { min, max } = TEXT_LIMITS.comment
    expect(accepts(commentInput, { candidateId: 1, text: text(min - 1) })).toBe(false)
    expect(accepts(commentInput, { candidateId: 1, text: text(min) })).toBe(true)
    expect(accepts(commentInput, { candidateId: 1, text: text(max + 1) })).toBe(false)
  })

  it('takes a note of 50 to 5000 characters under a title of 2 to 40', () => {
    const note = (title: string, body: string) => ({ bookTitle: '平凡的世界', title, body })
    const { noteBody, noteTitle } = TEXT_LIMITS
    expect(accepts(noteSubmitInput, note(text(noteTitle.min), text(noteBody.min)))).toBe(true)
    expect(accepts(noteSubmitInput, note(text(noteTitle.min), text(noteBody.min - 1)))).toBe(false)
    expect(accepts(noteSubmitInput, note(text(noteTitle.min), text(noteBody.max + 1)))).toBe(false)
    expect(accepts(noteSubmitInput, note(text(noteTitle.max + 1), text(noteBody.min)))).toBe(false)
  })

  it('takes a round title of 2 to 60 characters', () => {
    const round = (title: string) => ({
      title,
      nominateOpensAt: '2026-03-01T00:00:00Z',
      nominateClosesAt: '2026-03-10T00:00:00Z',
      voteOpensAt: '2026-03-12T00:00:00Z',
      voteClosesAt: '2026-03-20T00:00:00Z',
    })
    expect(accepts(roundCreateInput, round(text(TEXT_LIMITS.roundTitle.min - 1)))).toBe(false)
    expect(accepts(roundCreateInput, round(text(TEXT_LIMITS.roundTitle.max)))).toBe(true)
    expect(accepts(roundCreateInput, round(text(TEXT_LIMITS.roundTitle.max + 1)))).toBe(false)
  })
})

describe('what a form says of a text too short or too long', () => {
  const limits = TEXT_LIMITS.deed

  it('names the text and the limit it misses, counted after trimming', () => {
    expect(describeLength(text(limits.min - 1), limits, '事迹')).toBe(`事迹至少写 ${limits.min} 字`)
    expect(describeLength(`  ${text(limits.min - 1)}  `, limits, '事迹')).toBe(`事迹至少写 ${limits.min} 字`)
    expect(describeLength(text(limits.max + 1), limits, '正文')).toBe(`正文不能超过 ${limits.max} 字`)
  })

  it('says nothing of a text within its limits', () => {
    expect(describeLength(text(limits.min), limits, '事迹')).toBeNull()
    expect(describeLength(text(limits.max), limits, '事迹')).toBeNull()
  })
})

describe('counting days on the calendar', () => {
  it('counts whole days between local dates, across months and years', () => {
    expect(daysBetween('2026-11-28', '2027-02-06')).toBe(70)
    expect(daysBetween('2026-03-05', '2026-03-05')).toBe(0)
    expect(daysBetween('2026-03-06', '2026-03-05')).toBe(-1)
  })

  it('adds days across the end of February', () => {
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29')
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01')
  })

  it('finds the next festival or observance after a date', () => {
    const next = findNextEntry(buildCalendar(2026), '2026-03-06')
    expect(next?.entry.name).toBe('清明节')
    expect(next?.ongoing).toBe(false)
    expect(next?.daysLeft).toBe(daysBetween('2026-03-06', next!.entry.date))
  })

  it('counts a festival on the day itself as on now, with no days left', () => {
    const next = findNextEntry(buildCalendar(2026), '2026-03-05')
    expect(next).toMatchObject({ daysLeft: 0, ongoing: true })
    expect(next?.entry.name).toBe('学雷锋纪念日')
  })

  it('keeps 安全生产月 as on now through June', () => {
    const next = findNextEntry(buildCalendar(2026), '2026-06-15')
    expect(next?.entry.name).toBe('安全生产月')
    expect(next?.ongoing).toBe(true)
  })

  it('finds nothing once the year’s last entry has passed', () => {
    const entries = buildCalendar(2026)
    const last = entries
      .map((e) => e.endDate ?? e.date)
      .sort()
      .pop()!
    expect(findNextEntry(entries, addDays(last, 1))).toBeNull()
  })
})

describe('long texts in paragraphs', () => {
  it('splits on line breaks and drops blank lines', () => {
    expect(splitParagraphs('第一段。\r\n\n  第二段。  \n')).toEqual(['第一段。', '第二段。'])
  })
})
