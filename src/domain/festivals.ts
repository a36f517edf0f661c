import { Lunar, Solar } from 'lunar-typescript'

/** The traditional festivals of 我们的节日, in calendar order. */
export const TRADITIONAL_FESTIVALS = [
  { key: 'chunjie', name: '春节' },
  { key: 'yuanxiao', name: '元宵节' },
  { key: 'qingming', name: '清明节' },
  { key: 'duanwu', name: '端午节' },
  { key: 'zhongqiu', name: '中秋节' },
  { key: 'chongyang', name: '重阳节' },
] as const
export type FestivalKey = (typeof TRADITIONAL_FESTIVALS)[number]['key']

const LUNAR_DATES: Record<Exclude<FestivalKey, 'qingming'>, [number, number]> = {
  chunjie: [1, 1],
  yuanxiao: [1, 15],
  duanwu: [5, 5],
  zhongqiu: [8, 15],
  chongyang: [9, 9],
}

/** The Gregorian date (YYYY-MM-DD) of a festival in `year`, from the lunar calendar (清明 is a solar term). */
export function getFestivalDate(key: FestivalKey, year: number): string {
  if (key === 'qingming') {
    // 清明 falls in early April; the solar-term table of the lunar year around it has the exact day.
    const table = Solar.fromYmd(year, 4, 1).getLunar().getJieQiTable()
    return table['清明'].toYmd()
  }
  const [month, day] = LUNAR_DATES[key]
  return Lunar.fromYmd(year, month, day).getSolar().toYmd()
}

/** Every traditional festival of `year` with its date. */
export function getFestivalDates(year: number): { key: FestivalKey; name: string; date: string }[] {
  return TRADITIONAL_FESTIVALS.map((f) => ({ key: f.key, name: f.name, date: getFestivalDate(f.key, year) }))
}
