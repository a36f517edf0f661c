import { getFestivalDate, getFestivalDates } from '../../../src/domain/festivals'

// Published dates (国务院办公厅 holiday notices and almanacs).
const PUBLISHED: Record<number, string[]> = {
  2023: ['2023-01-22', '2023-02-05', '2023-04-05', '2023-06-22', '2023-09-29', '2023-10-23'],
  2024: ['2024-02-10', '2024-02-24', '2024-04-04', '2024-06-10', '2024-09-17', '2024-10-11'],
  2025: ['2025-01-29', '2025-02-12', '2025-04-04', '2025-05-31', '2025-10-06', '2025-10-29'],
  2026: ['2026-02-17', '2026-03-03', '2026-04-05', '2026-06-19', '2026-09-25', '2026-10-18'],
  2027: ['2027-02-06', '2027-02-20', '2027-04-05', '2027-06-09', '2027-09-15', '2027-10-08'],
  2028: ['2028-01-26', '2028-02-09', '2028-04-04', '2028-05-28', '2028-10-03', '2028-10-26'],
  2029: ['2029-02-13', '2029-02-27', '2029-04-04', '2029-06-16', '2029-09-22', '2029-10-16'],
  2030: ['2030-02-03', '2030-02-17', '2030-04-05', '2030-06-05', '2030-09-12', '2030-10-05'],
}

describe('festival dates', () => {
  it.each(Object.entries(PUBLISHED))('match the published dates of %s', (year, dates) => {
    expect(getFestivalDates(Number(year)).map((f) => f.date)).toEqual(dates)
  })

  it('names the festivals in Chinese in calendar order', () => {
    expect(getFestivalDates(2026).map((f) => f.name)).toEqual([
      '春节',
      '元宵节',
      '清明节',
      '端午节',
      '中秋节',
      '重阳节',
    ])
  })

  it('finds 清明 as a solar term, not a lunar date', () => {
    expect(getFestivalDate('qingming', 2028)).toBe('2028-04-04')
  })
})
