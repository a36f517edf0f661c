import { formatDateTime, formatTimeLeft, formatTimeRange, fromLocal, toLocalDate } from '../../../src/domain/time'

describe('time on screen', () => {
  it('shows a same-day range in Beijing time with the weekday', () => {
    expect(formatTimeRange('2025-12-05T06:00:00.000Z', '2025-12-05T08:00:00.000Z')).toBe('12月5日 周五 14:00–16:00')
  })

  it('shows both ends of a range that spans days', () => {
    expect(formatTimeRange('2026-06-01T01:00:00.000Z', '2026-06-30T09:00:00.000Z')).toBe(
      '6月1日 周一 09:00 至 6月30日 周二 17:00',
    )
  })

  it('moves a late-evening UTC time to the next day in Beijing', () => {
    expect(formatDateTime('2026-03-04T17:30:00.000Z')).toBe('3月5日 周四 01:30')
    expect(toLocalDate('2026-03-04T17:30:00.000Z')).toBe('2026-03-05')
  })

  it('converts a Beijing wall-clock time to UTC for storage', () => {
    expect(fromLocal('2026-03-05', '14:30')).toBe('2026-03-05T06:30:00.000Z')
  })

  it.each([
    ['2026-03-04T00:00:00.000Z', '还有 3 天'],
    ['2026-03-01T05:00:00.000Z', '还有 5 小时'],
    ['2026-03-01T00:20:00.000Z', '还有 20 分钟'],
  ])('counts down to %s as %s', (deadline, expected) => {
    expect(formatTimeLeft(deadline, new Date('2026-03-01T00:00:00.000Z'))).toBe(expected)
  })

  it('has no countdown once the moment has passed', () => {
    expect(formatTimeLeft('2026-03-01T00:00:00.000Z', new Date('2026-03-01T00:00:01.000Z'))).toBeNull()
  })
})
