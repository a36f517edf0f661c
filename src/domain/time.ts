import dayjs from 'dayjs'
import 'dayjs/locale/zh-cn'
import timezone from 'dayjs/plugin/timezone'
import utc from 'dayjs/plugin/utc'

dayjs.extend(utc)
dayjs.extend(timezone)

/** Times are stored in UTC and shown in the bureau's zone. */
export const DISPLAY_TZ = 'Asia/Shanghai'
const WEEKDAYS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六']

const local = (iso: string) => dayjs.utc(iso).tz(DISPLAY_TZ)

/** `12月5日 周五` */
export function formatDay(iso: string): string {
  const d = local(iso)
  return `${d.month() + 1}月${d.date()}日 ${WEEKDAYS[d.day()]}`
}

/** `12月5日 周五 14:00` */
export function formatDateTime(iso: string): string {
  return `${formatDay(iso)} ${local(iso).format('HH:mm')}`
}

/** `12月5日 周五 14:00–16:00`, or both ends in full when they fall on different days. */
export function formatTimeRange(startIso: string, endIso: string): string {
  const start = local(startIso)
  const end = local(endIso)
  if (start.format('YYYY-MM-DD') === end.format('YYYY-MM-DD')) {
    return `${formatDay(startIso)} ${start.format('HH:mm')}–${end.format('HH:mm')}`
  }
  return `${formatDateTime(startIso)} 至 ${formatDateTime(endIso)}`
}

/** `还有 3 天` / `还有 5 小时` / `还有 20 分钟` until `iso`, or null when it has passed. */
export function formatTimeLeft(iso: string, now: Date): string | null {
  const ms = Date.parse(iso) - now.getTime()
  if (ms <= 0) return null
  const minutes = Math.ceil(ms / 60000)
  if (minutes < 60) return `还有 ${minutes} 分钟`
  const hours = Math.floor(minutes / 60)
  if (hours < 24) return `还有 ${hours} 小时`
  return `还有 ${Math.floor(hours / 24)} 天`
}

/** The calendar date (YYYY-MM-DD) of `iso` in the display zone. */
export function toLocalDate(iso: string): string {
  return local(iso).format('YYYY-MM-DD')
}

/** The UTC ISO string of a wall-clock time in the display zone, e.g. ('2026-03-05', '14:30'). */
export function fromLocal(date: string, time = '00:00'): string {
  return dayjs.tz(`${date} ${time}`, DISPLAY_TZ).utc().toISOString()
}

/** `12月5日 14:00` */
export function formatMonthDayTime(iso: string): string {
  return local(iso).format('M月D日 HH:mm')
}

/** `2026年3月5日 14:00`: the year spelled out, as WeChat's subscribe messages want a time. */
export function formatFullDateTime(iso: string): string {
  return local(iso).format('YYYY年M月D日 HH:mm')
}
