import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { fetchActivities } from '../../api/client'
import ActivityCard from '../../components/activity-card'
import { EmptyState, ErrorState, LoadingSkeleton } from '../../components/state-view'
import { useRemote } from '../../hooks/use-remote'

const browseActivities = () => Taro.switchTab({ url: '/pages/activities/index' })

/** 近期活动: the next three activities open for registration, and the way to all of them. */
export default function UpcomingActivities({ refreshKey }: { refreshKey: number }) {
  const { data, error, loading, reload } = useRemote(
    () => fetchActivities({ status: 'open', pageSize: 3 }),
    [refreshKey],
    { refreshOnShow: true },
  )
  return (
    <View className='home__upcoming'>
      <View className='wm-section-title'>
        <Text>近期活动</Text>
        <View className='wm-link' role='link' onClick={browseActivities}>
          查看全部 ›
        </View>
      </View>
      {loading && !data && <LoadingSkeleton blocks={1} />}
      {error && !data && <ErrorState message={error} onRetry={reload} />}
      {data?.items.length === 0 && (
        <EmptyState
          title='近期没有正在报名的活动'
          hint='可以看看全部活动，或先读一读工作要点'
          actionText='查看全部活动'
          onAction={browseActivities}
        />
      )}
      {data?.items.slice(0, 3).map((activity) => (
        <ActivityCard
          key={activity.id}
          activity={activity}
          onOpen={(a) => Taro.navigateTo({ url: `/pages/activity/index?id=${a.id}` })}
        />
      ))}
    </View>
  )
}
