import { ScrollView, Text, View } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import { useRef, useState } from 'react'
import ActivityCard from '../../components/activity-card'
import { EmptyState, ErrorState, LoadingSkeleton } from '../../components/state-view'
import {
  ACTIVITY_CATEGORIES,
  ACTIVITY_STATUSES,
  type ActivityCategory,
  type ActivityStatus,
} from '../../domain/activity'
import { useActivityPages } from './use-activity-pages'
import scaledPage from '../../components/scaled-page'
import './index.scss'

const CATEGORY_TABS: { key: ActivityCategory | ''; label: string }[] = [
  { key: '', label: '全部' },
  ...(Object.entries(ACTIVITY_CATEGORIES) as [ActivityCategory, string][]).map(([key, label]) => ({ key, label })),
]

const STATUS_FILTERS: { key: ActivityStatus | ''; label: string }[] = [
  { key: '', label: '全部' },
  ...(['open', 'upcoming', 'ongoing', 'ended'] as const).map((key) => ({ key, label: ACTIVITY_STATUSES[key] })),
]

/** 活动: every activity of the plan, by category and status, page by page. */
function ActivitiesPage() {
  const [category, setCategory] = useState<ActivityCategory | ''>('')
  const [status, setStatus] = useState<ActivityStatus | ''>('')
  const list = useActivityPages({ category: category || undefined, status: status || undefined })
  const shownOnce = useRef(false)

  // Coming back from an activity: seats and my own state may have changed there.
  useDidShow(() => {
    if (shownOnce.current) list.refresh()
    shownOnce.current = true
  })
  usePullDownRefresh(() => {
    list.refresh().finally(() => Taro.stopPullDownRefresh())
  })
  useReachBottom(list.loadMore)

  const filtered = category !== '' || status !== ''
  // A new filter is a new list: show it from its top, not from where the old one was scrolled to.
  const pick = (next: { category?: ActivityCategory | ''; status?: ActivityStatus | '' }) => {
    if (next.category !== undefined) setCategory(next.category)
    if (next.status !== undefined) setStatus(next.status)
    Taro.pageScrollTo({ scrollTop: 0, duration: 0 })
  }
  const resetFilters = () => pick({ category: '', status: '' })

  return (
    <View className='activities'>
      <View className='activities__filters'>
        <ScrollView className='activities__tabs' scrollX enhanced showScrollbar={false}>
          <View className='activities__tabs-row' role='tablist'>
            {CATEGORY_TABS.map((tab) => (
              <View
                key={tab.key || 'all'}
                className={`activities__tab${tab.key === category ? ' activities__tab--active' : ''}`}
                role='tab'
                aria-selected={tab.key === category}
                onClick={() => pick({ category: tab.key })}
              >
                <Text>{tab.label}</Text>
              </View>
            ))}
          </View>
        </ScrollView>
        <View className='activities__statuses' role='radiogroup' aria-label='活动状态'>
          {STATUS_FILTERS.map((filter) => (
            <View
              key={filter.key || 'all'}
              className='activities__status-hit'
              role='radio'
              aria-checked={filter.key === status}
              onClick={() => pick({ status: filter.key })}
            >
              <Text className={`activities__status${filter.key === status ? ' activities__status--active' : ''}`}>
                {filter.label}
              </Text>
            </View>
          ))}
        </View>
      </View>

      <View className='activities__list'>
        {list.loading && <LoadingSkeleton blocks={3} />}
        {list.error && !list.loading && <ErrorState message={list.error} onRetry={list.retry} />}
        {list.items?.length === 0 &&
          (filtered ? (
            <EmptyState
              title='没有符合条件的活动'
              hint='换个分类或状态看看，或查看全部活动'
              actionText='查看全部活动'
              onAction={resetFilters}
            />
          ) : (
            <EmptyState
              title='还没有发布活动'
              hint='读书分享会、趣味运动会、我们的节日等活动发布后会在这里报名。先看看今年的工作要点吧。'
              actionText='查看工作要点'
              onAction={() => Taro.switchTab({ url: '/pages/home/index' })}
            />
          ))}
        {list.items?.map((activity) => (
          <ActivityCard
            key={activity.id}
            activity={activity}
            onOpen={(a) => Taro.navigateTo({ url: `/pages/activity/index?id=${a.id}` })}
          />
        ))}
        {list.items && list.items.length > 0 && (
          <View className='activities__more'>
            {list.loadingMore && <Text>正在加载更多…</Text>}
            {list.moreError && !list.loadingMore && (
              <View className='activities__more-retry' role='button' onClick={list.loadMore}>
                {list.moreError}，点此重试
              </View>
            )}
            {!list.loadingMore && !list.moreError && list.hasMore && (
              <View className='activities__more-retry' role='button' onClick={list.loadMore}>
                加载更多
              </View>
            )}
            {!list.hasMore && <Text>已显示全部 {list.total} 个活动</Text>}
          </View>
        )}
      </View>
    </View>
  )
}

export default scaledPage(ActivitiesPage)
