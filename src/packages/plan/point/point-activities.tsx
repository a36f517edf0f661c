import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { fetchActivities } from '../../../api/client'
import ActivityCard from '../../../components/activity-card'
import { EmptyState, ErrorState, LoadingSkeleton } from '../../../components/state-view'
import { useRemote } from '../../../hooks/use-remote'

/** 相关活动: the activities that carry out one work point. */
export default function PointActivities({ itemId }: { itemId: number }) {
  const { data, error, loading, reload } = useRemote(
    () => fetchActivities({ planItemId: itemId, pageSize: 20 }),
    [itemId],
    {
      refreshOnShow: true,
    },
  )
  return (
    <View className='point__activities'>
      <View className='wm-section-title'>
        <Text>相关活动</Text>
        {data && data.total > 0 && <Text className='point__activities-count'>{data.total} 个</Text>}
      </View>
      {loading && !data && <LoadingSkeleton blocks={1} />}
      {error && !data && <ErrorState message={error} onRetry={reload} />}
      {data?.items.length === 0 && (
        <EmptyState
          title='这项要点暂未安排活动'
          hint='活动发布后会列在这里，也可以先看看其他活动'
          actionText='查看全部活动'
          onAction={() => Taro.switchTab({ url: '/pages/activities/index' })}
        />
      )}
      {data?.items.map((activity) => (
        <ActivityCard
          key={activity.id}
          activity={activity}
          onOpen={(a) => Taro.navigateTo({ url: `/pages/activity/index?id=${a.id}` })}
        />
      ))}
    </View>
  )
}
