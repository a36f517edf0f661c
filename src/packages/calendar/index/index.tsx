import { Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { useRef, useState } from 'react'
import { fetchCalendar } from '../../../api/community'
import { ErrorState, LoadingSkeleton } from '../../../components/state-view'
import { ActivityStatusChip } from '../../../components/status-chip'
import YearSwitcher from '../../../components/year-switcher'
import { daysBetween, findNextEntry, type CalendarDay } from '../../../domain/community'
import { formatDay, formatTimeRange, fromLocal, toLocalDate } from '../../../domain/time'
import { useRemote } from '../../../hooks/use-remote'
import scaledPage from '../../../components/scaled-page'
import './index.scss'

const KIND_LABELS: Record<CalendarDay['kind'], string> = { festival: '传统节日', observance: '主题纪念日' }
const openActivity = (id: number) => Taro.navigateTo({ url: `/pages/activity/index?id=${id}` })

/** `3月5日 周四`, or `6月1日 周一 至 6月30日 周二` for a month-long observance. */
function describeDate(day: CalendarDay): string {
  const start = formatDay(fromLocal(day.date))
  return day.endDate ? `${start} 至 ${formatDay(fromLocal(day.endDate))}` : start
}

/** Where the entry stands from `today`: 今天, 进行中, 还有 N 天, 已过. */
function describeWhen(day: CalendarDay, today: string): { text: string; tone: 'soon' | 'now' | 'past' } {
  const end = day.endDate ?? day.date
  if (end < today) return { text: '已过', tone: 'past' }
  if (day.date <= today) return { text: day.endDate ? '进行中' : '就是今天', tone: 'now' }
  return { text: `还有 ${daysBetween(today, day.date)} 天`, tone: 'soon' }
}

function DayCard({ day, today }: { day: CalendarDay; today: string }) {
  const when = describeWhen(day, today)
  const [month, date] = day.date.slice(5).split('-').map(Number)
  return (
    <View className={`wm-card cal-day${when.tone === 'past' ? ' cal-day--past' : ''}`}>
      <View className='cal-day__head'>
        <View className={`cal-day__badge cal-day__badge--${day.kind}`} aria-hidden>
          <Text className='cal-day__month'>{month}月</Text>
          <Text className='cal-day__date'>{date}</Text>
        </View>
        <View className='cal-day__main'>
          <View className='cal-day__title-row'>
            <Text className='cal-day__name'>{day.name}</Text>
            <Text className={`cal-day__kind cal-day__kind--${day.kind}`}>{KIND_LABELS[day.kind]}</Text>
          </View>
          <Text className='cal-day__when'>{describeDate(day)}</Text>
        </View>
        <Text className={`cal-day__left cal-day__left--${when.tone}`}>{when.text}</Text>
      </View>
      {day.activities.length === 0 ? (
        <Text className='cal-day__none'>暂未安排相关活动</Text>
      ) : (
        <View className='cal-day__activities'>
          {day.activities.map((a) => (
            <View
              key={a.id}
              className='cal-activity'
              role='link'
              aria-label={a.title}
              onClick={() => openActivity(a.id)}
            >
              <View className='cal-activity__main'>
                <Text className='cal-activity__title'>{a.title}</Text>
                <Text className='cal-activity__time'>{formatTimeRange(a.startsAt, a.endsAt)}</Text>
              </View>
              <ActivityStatusChip status={a.status} />
            </View>
          ))}
        </View>
      )}
    </View>
  )
}

/** 节日与纪念日: the next one with a countdown, then every festival and observance of a year with its activities. */
function CalendarPage() {
  const today = toLocalDate(new Date().toISOString())
  const thisYear = Number(today.slice(0, 4))
  const [year, setYear] = useState(thisYear)
  const [refreshKey, setRefreshKey] = useState(0)
  // The countdown and the list often want the same year: ask once.
  const cache = useRef(new Map<number, Promise<CalendarDay[]>>())
  const load = (y: number) => {
    let hit = cache.current.get(y)
    if (!hit) {
      hit = fetchCalendar(y)
      hit.catch(() => cache.current.delete(y))
      cache.current.set(y, hit)
    }
    return hit
  }

  const next = useRemote(async () => {
    const found = findNextEntry(await load(thisYear), today)
    return found ?? findNextEntry(await load(thisYear + 1), today)
  }, [refreshKey])
  const days = useRemote(() => load(year), [year, refreshKey], { refreshOnShow: true })

  usePullDownRefresh(() => {
    cache.current.clear()
    setRefreshKey((k) => k + 1)
    Taro.stopPullDownRefresh()
  })

  const coming = next.data
  return (
    <View className='wm-page cal'>
      {coming && (
        <View className='cal-hero'>
          <Text className='cal-hero__label'>{coming.ongoing ? '正在进行' : '下一个节日与纪念日'}</Text>
          <View className='cal-hero__row'>
            <Text className='cal-hero__name'>{coming.entry.name}</Text>
            <Text className='cal-hero__count'>
              {coming.ongoing ? '进行中' : coming.daysLeft === 0 ? '就是今天' : `还有 ${coming.daysLeft} 天`}
            </Text>
          </View>
          <Text className='cal-hero__date'>
            {coming.entry.date.startsWith(String(thisYear)) ? '' : `${coming.entry.date.slice(0, 4)}年`}
            {describeDate(coming.entry)}
            {coming.entry.activities.length > 0 ? ` · ${coming.entry.activities.length} 项相关活动` : ''}
          </Text>
        </View>
      )}
      {next.loading && !coming && <LoadingSkeleton blocks={1} />}

      <YearSwitcher year={year} onChange={setYear} />
      {days.loading && !days.data && <LoadingSkeleton blocks={3} />}
      {days.error && <ErrorState message={days.error} onRetry={days.reload} />}
      {!days.error && days.data?.map((day) => <DayCard key={day.key} day={day} today={today} />)}
    </View>
  )
}

export default scaledPage(CalendarPage)
