import { Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { useState } from 'react'
import { fetchMyVolunteerHours, fetchVolunteerSummary } from '../../../api/community'
import RankBadge from '../../../components/rank-badge'
import { EmptyState, ErrorState, LoadingSkeleton } from '../../../components/state-view'
import YearSwitcher from '../../../components/year-switcher'
import { formatDay, toLocalDate } from '../../../domain/time'
import { useIsAdmin } from '../../../hooks/use-is-admin'
import { useRemote } from '../../../hooks/use-remote'
import VolunteerCandidates from './candidates'
import { formatHours } from './hours'
import scaledPage from '../../../components/scaled-page'
import './index.scss'

const THIS_YEAR = Number(toLocalDate(new Date().toISOString()).slice(0, 4))
const openActivity = (id: number) => Taro.navigateTo({ url: `/pages/activity/index?id=${id}` })
const findActivities = () => Taro.switchTab({ url: '/pages/activities/index' })

/** 志愿服务: my hours of the year and where they came from, the departments, the top volunteers. */
function VolunteerPage() {
  const [year, setYear] = useState(THIS_YEAR)
  const [refreshKey, setRefreshKey] = useState(0)
  const { isAdmin } = useIsAdmin()
  const mine = useRemote(() => fetchMyVolunteerHours(year), [year, refreshKey], { refreshOnShow: true })
  const summary = useRemote(() => fetchVolunteerSummary(year), [year, refreshKey])

  usePullDownRefresh(() => {
    setRefreshKey((k) => k + 1)
    Taro.stopPullDownRefresh()
  })

  const ledger = mine.data?.year === year ? mine.data : null
  const totals = summary.data?.year === year ? summary.data : null
  const maxDepartment = Math.max(1, ...(totals?.departments.map((d) => d.hours) ?? []))

  return (
    <View className='wm-page vol'>
      <YearSwitcher year={year} onChange={setYear} max={THIS_YEAR} />

      <View className='vol-hero'>
        <Text className='vol-hero__label'>{year}年我的志愿服务时长</Text>
        <View className='vol-hero__number-row'>
          <Text className='vol-hero__number'>{ledger ? formatHours(ledger.totalHours) : '—'}</Text>
          <Text className='vol-hero__unit'>小时</Text>
        </View>
        <Text className='vol-hero__meta'>
          {ledger ? `参加 ${ledger.entries.length} 次志愿服务` : mine.loading ? '正在统计…' : ' '}
        </Text>
      </View>

      <View className='wm-section-title'>
        <Text>服务记录</Text>
      </View>
      {mine.loading && !ledger && <LoadingSkeleton blocks={1} />}
      {mine.error && !ledger && <ErrorState message={mine.error} onRetry={mine.reload} />}
      {ledger && ledger.entries.length === 0 && (
        <EmptyState
          title={`${year}年还没有志愿服务记录`}
          hint='参加学雷锋、防灾减灾日等志愿服务活动并签到后，时长会记在这里'
          actionText='去看看活动'
          onAction={findActivities}
        />
      )}
      {ledger && ledger.entries.length > 0 && (
        <View className='wm-card vol-list'>
          {ledger.entries.map((e) => (
            <View
              key={e.activityId}
              className='vol-entry'
              role='link'
              aria-label={e.title}
              onClick={() => openActivity(e.activityId)}
            >
              <View className='vol-entry__main'>
                <Text className='vol-entry__title'>{e.title}</Text>
                <Text className='vol-entry__date'>{formatDay(e.startsAt)}</Text>
              </View>
              <Text className='vol-entry__hours'>+{formatHours(e.hours)} 小时</Text>
            </View>
          ))}
        </View>
      )}

      <View className='wm-section-title'>
        <Text>各部门服务时长</Text>
      </View>
      {summary.loading && !totals && <LoadingSkeleton blocks={1} />}
      {summary.error && !totals && <ErrorState message={summary.error} onRetry={summary.reload} />}
      {totals && totals.departments.length === 0 && (
        <EmptyState
          title={`${year}年还没有志愿服务时长`}
          hint='组织学雷锋、防灾减灾日等志愿服务活动，签到后按部门统计'
          actionText='去看看活动'
          onAction={findActivities}
        />
      )}
      {totals && totals.departments.length > 0 && (
        <View className='wm-card'>
          {totals.departments.map((d) => (
            <View key={d.department} className='vol-bar'>
              <View className='vol-bar__head'>
                <Text className='vol-bar__name'>{d.department}</Text>
                <Text className='vol-bar__value'>
                  {formatHours(d.hours)} 小时 · {d.people} 人
                </Text>
              </View>
              <View className='vol-bar__track' aria-hidden>
                <View className='vol-bar__fill' style={{ width: `${Math.max(2, (d.hours / maxDepartment) * 100)}%` }} />
              </View>
            </View>
          ))}
        </View>
      )}

      {totals && totals.top.length > 0 && (
        <>
          <View className='wm-section-title'>
            <Text>年度志愿者前十</Text>
          </View>
          <View className='wm-card vol-list'>
            {totals.top.map((p, i) => (
              <View key={p.employeeNo} className='vol-person'>
                <RankBadge place={i + 1} />
                <View className='vol-person__who'>
                  <Text className='vol-person__name'>{p.name}</Text>
                  <Text className='vol-person__meta'>
                    {p.department} · {p.activities} 次
                  </Text>
                </View>
                <Text className='vol-person__hours'>{formatHours(p.hours)} 小时</Text>
              </View>
            ))}
          </View>
        </>
      )}

      {isAdmin && <VolunteerCandidates year={year} refreshKey={refreshKey} />}
    </View>
  )
}

export default scaledPage(VolunteerPage)
