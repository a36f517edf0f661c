import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { fetchActivities } from '../../api/client'
import ActivityCard from '../../components/activity-card'
import { EmptyState, ErrorState, LoadingSkeleton } from '../../components/state-view'
import type { ActivityStatus, ActivitySummary } from '../../domain/activity'
import { useRemote } from '../../hooks/use-remote'

// A theme can gather a year of activities: the first few, then the rest on request.
const FIRST_SHOWN = 4

// Activities one can still join come first; then the rest, latest first.
const STATUS_ORDER: Record<ActivityStatus, number> = { open: 0, upcoming: 1, ongoing: 2, ended: 3, cancelled: 4 }

function sortActivities(list: ActivitySummary[]): ActivitySummary[] {
  return [...list].sort((a, b) => {
    const byStatus = STATUS_ORDER[a.status] - STATUS_ORDER[b.status]
    if (byStatus !== 0) return byStatus
    const byStart = Date.parse(a.startsAt) - Date.parse(b.startsAt)
    return STATUS_ORDER[a.status] >= STATUS_ORDER.ended ? -byStart : byStart
  })
}

/** Every activity that serves one of `itemIds`, each listed once. */
async function fetchForItems(itemIds: number[]): Promise<ActivitySummary[]> {
  const pages = await Promise.all(itemIds.map((planItemId) => fetchActivities({ planItemId, pageSize: 20 })))
  const byId = new Map<number, ActivitySummary>()
  for (const page of pages)
    for (const activity of page.items) if (!byId.has(activity.id)) byId.set(activity.id, activity)
  return sortActivities([...byId.values()])
}

/** 本主题的活动: activities that carry out this theme's work points. */
export default function ThemeActivities({ itemIds }: { itemIds: number[] }) {
  const key = itemIds.join(',')
  const { data, error, loading, reload } = useRemote(() => fetchForItems(itemIds), [key], { refreshOnShow: true })
  const [expanded, setExpanded] = useState(false)
  const shown = expanded ? data : data?.slice(0, FIRST_SHOWN)
  return (
    <View className='theme__activities'>
      <View className='wm-section-title'>
        <Text>本主题的活动</Text>
        {data && data.length > 0 && <Text className='theme__activities-count'>{data.length} 个</Text>}
      </View>
      {loading && !data && <LoadingSkeleton blocks={1} />}
      {error && !data && <ErrorState message={error} onRetry={reload} />}
      {data?.length === 0 && (
        <EmptyState
          title='本主题暂未安排活动'
          hint='活动发布后会列在这里，也可以先看看其他活动'
          actionText='查看全部活动'
          onAction={() => Taro.switchTab({ url: '/pages/activities/index' })}
        />
      )}
      {shown?.map((activity) => (
        <ActivityCard
          key={activity.id}
          activity={activity}
          onOpen={(a) => Taro.navigateTo({ url: `/pages/activity/index?id=${a.id}` })}
        />
      ))}
      {data && !expanded && data.length > FIRST_SHOWN && (
        <View className='theme__activities-more' role='button' onClick={() => setExpanded(true)}>
          展开其余 {data.length - FIRST_SHOWN} 个活动
        </View>
      )}
    </View>
  )
}
