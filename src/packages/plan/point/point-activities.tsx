import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { fetchPlanItemOutputs } from '../../../api/community'
import ActivityCard from '../../../components/activity-card'
import { EmptyState, ErrorState, LoadingSkeleton } from '../../../components/state-view'
import { useRemote } from '../../../hooks/use-remote'

const go = (url: string) => () => Taro.navigateTo({ url })

/** 落实情况 and 相关活动: what one work point has produced — activities and attendance, candidates, books, notes, hours. */
export default function PointActivities({ itemId }: { itemId: number }) {
  const { data, error, loading, reload } = useRemote(() => fetchPlanItemOutputs(itemId), [itemId], {
    refreshOnShow: true,
  })
  const figures = data
    ? [
        { label: '场活动', value: data.activities.length },
        { label: '人次报名', value: data.attendance.registered },
        { label: '人次签到', value: data.attendance.checkedIn },
        ...(data.volunteerHours > 0 ? [{ label: '志愿小时', value: data.volunteerHours }] : []),
      ]
    : []
  return (
    <View className='point__activities'>
      <View className='wm-section-title'>
        <Text>落实情况</Text>
      </View>
      {loading && !data && <LoadingSkeleton blocks={1} />}
      {error && !data && <ErrorState message={error} onRetry={reload} />}
      {data && (
        <View className='wm-card point__outputs'>
          <View className='point__figures'>
            {figures.map((f) => (
              <View key={f.label} className='point__figure'>
                <Text className='point__figure-value'>{f.value}</Text>
                <Text className='point__figure-label'>{f.label}</Text>
              </View>
            ))}
          </View>
          {data.rounds.map((round) => (
            <View
              key={round.id}
              className='point__output-row'
              role='link'
              onClick={go(`/packages/goodpeople/index/index?roundId=${round.id}`)}
            >
              <Text>
                {round.title}：{round.candidates} 人被推荐，{round.approved} 人通过审核
              </Text>
              <Text className='point__chevron'>›</Text>
            </View>
          ))}
          {data.books.total > 0 && (
            <View className='point__output-row' role='link' onClick={go('/packages/reading/index/index?tab=books')}>
              <Text>
                我心中的好书：{data.books.total} 本，{data.books.top.map((b) => `《${b.title}》`).join('')}领先
              </Text>
              <Text className='point__chevron'>›</Text>
            </View>
          )}
          {data.notes.published > 0 && (
            <View className='point__output-row' role='link' onClick={go('/packages/reading/index/index?tab=notes')}>
              <Text>读书心得：已发布 {data.notes.published} 篇</Text>
              <Text className='point__chevron'>›</Text>
            </View>
          )}
        </View>
      )}
      <View className='wm-section-title'>
        <Text>相关活动</Text>
        {data && data.activities.length > 0 && (
          <Text className='point__activities-count'>{data.activities.length} 个</Text>
        )}
      </View>
      {data?.activities.length === 0 && (
        <EmptyState
          title='这项要点暂未安排活动'
          hint='活动发布后会列在这里，也可以先看看其他活动'
          actionText='查看全部活动'
          onAction={() => Taro.switchTab({ url: '/pages/activities/index' })}
        />
      )}
      {data?.activities.map((activity) => (
        <ActivityCard
          key={activity.id}
          activity={activity}
          onOpen={(a) => Taro.navigateTo({ url: `/pages/activity/index?id=${a.id}` })}
        />
      ))}
    </View>
  )
}
