/** A work point of a plan, as served to the app. */
export interface PlanItemView {
  id: number
  number: number
  sourceNumber: string
  heading: string
  body: string
}

/** A theme (一、二、…) with its work points. */
export interface PlanSectionView {
  id: number
  number: number
  sourceNumber: string
  title: string
  intro: string
  items: PlanItemView[]
}

/** A whole plan. */
export interface PlanView {
  id: number
  title: string
  year: number | null
  org: string | null
  preamble: string
  isCurrent: boolean
  publishedAt: string | null
  sections: PlanSectionView[]
}

/** A plan in a list: no texts, just counts. */
export interface PlanSummary {
  id: number
  title: string
  year: number | null
  org: string | null
  isCurrent: boolean
  publishedAt: string | null
  sectionCount: number
  itemCount: number
}

const CHINESE_NUMERALS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十']

/** The Chinese numeral for 1..99, as themes are numbered (一、二、… 十一、). */
export function formatChineseNumber(n: number): string {
  if (n <= 10) return CHINESE_NUMERALS[n] ?? String(n)
  if (n < 20) return '十' + CHINESE_NUMERALS[n - 10]
  if (n < 100) return CHINESE_NUMERALS[Math.floor(n / 10)] + '十' + CHINESE_NUMERALS[n % 10]
  return String(n)
}

/** A one-line summary of a theme: its work-point headings joined, cut to `max` characters. */
export function summarizeSection(section: Pick<PlanSectionView, 'items'>, max = 40): string {
  const text = section.items.map((item) => item.heading).join('；')
  return text.length > max ? text.slice(0, max - 1) + '…' : text
}
