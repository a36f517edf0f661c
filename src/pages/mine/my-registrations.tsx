import { Button } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { fetchMyRegistrationsCached } from '../../api/cached'
import { ApiError, cancelRegistration } from '../../api/client'
import ActivityCard from '../../components/activity-card'
import { EmptyState, ErrorState, LoadingSkeleton } from '../../components/state-view'
import OfflineBanner from '../../components/offline-banner'
import type { MyRegistration } from '../../domain/activity'
import { goToLogin, useRemote } from '../../hooks/use-remote'

type Tab = 'upcoming' | 'past'

const isUpcoming = (r: MyRegistration) =>
  r.status !== 'cancelled' &&
  (r.activity.status === 'open' || r.activity.status === 'upcoming' || r.activity.status === 'ongoing')

// The cloud layer says whether the cancellation cutoff has passed, and enforces it anyway.
const mayCancel = (r: MyRegistration) => r.canCancel

const RED = '#C8161D'

const openActivity = (id: number) => Taro.navigateTo({ url: `/pages/activity/index?id=${id}` })
const browseActivities = () => Taro.switchTab({ url: '/pages/activities/index' })

/** 我的报名: what I signed up for, upcoming first, with cancel one tap away. */
export default function MyRegistrations() {
  const remote = useRemote(fetchMyRegistrationsCached, [], { refreshOnShow: true })
  const { error, loading, reload } = remote
  const data = remote.data?.value ?? null
  const savedAt = remote.data?.savedAt ?? null
  const [tab, setTab] = useState<Tab>('upcoming')

  const upcoming = (data ?? [])
    .filter(isUpcoming)
    .sort((a, b) => Date.parse(a.activity.startsAt) - Date.parse(b.activity.startsAt))
  const past = (data ?? [])
    .filter((r) => !isUpcoming(r))
    .sort((a, b) => Date.parse(b.activity.startsAt) - Date.parse(a.activity.startsAt))
  const shown = tab === 'upcoming' ? upcoming : past

  const cancel = async (r: MyRegistration) => {
    const { confirm } = await Taro.showModal({
      title: '取消报名',
      content: `确定取消“${r.activity.title}”的报名吗？取消后名额会让给候补的同事。`,
      confirmText: '确定取消',
      cancelText: '再想想',
      confirmColor: RED,
    })
    if (!confirm) return
    try {
      await cancelRegistration(r.activityId)
      Taro.showToast({ title: '已取消报名', icon: 'success' })
    } catch (e) {
      if (e instanceof ApiError && e.code === 'unauthenticated') return goToLogin()
      const message = e instanceof Error ? e.message : '取消没有成功，请重试'
      Taro.showModal({
        title: '没能取消',
        content: message,
        showCancel: false,
        confirmText: '知道了',
        confirmColor: RED,
      })
    }
    reload()
  }

  return (
    <View className='my-regs'>
      <View className='wm-section-title'>
        <Text>我的报名</Text>
      </View>
      <View className='my-regs__tabs' role='tablist'>
        {(
          [
            ['upcoming', '即将参加', upcoming.length],
            ['past', '往期记录', past.length],
          ] as const
        ).map(([key, label, count]) => (
          <View
            key={key}
            className={`my-regs__tab${tab === key ? ' my-regs__tab--active' : ''}`}
            role='tab'
            aria-selected={tab === key}
            onClick={() => setTab(key)}
          >
            <Text>
              {label}
              {data ? ` ${count}` : ''}
            </Text>
          </View>
        ))}
      </View>

      {savedAt && <OfflineBanner savedAt={savedAt} onRetry={reload} />}
      {loading && !data && <LoadingSkeleton blocks={2} />}
      {error && !data && <ErrorState message={error} onRetry={reload} />}
      {data &&
        shown.length === 0 &&
        (tab === 'upcoming' ? (
          <EmptyState
            title='还没有要参加的活动'
            hint='读书分享会、趣味运动会等活动正在报名，去看看吧'
            actionText='去报名'
            onAction={browseActivities}
          />
        ) : (
          <EmptyState
            title='暂无往期记录'
            hint='参加过或取消的报名会留在这里'
            actionText='看看活动'
            onAction={browseActivities}
          />
        ))}
      {shown.map((r) => (
        <ActivityCard
          key={r.id}
          activity={r.activity}
          registration={{ status: r.status, position: r.position, checkedIn: Boolean(r.checkedInAt) }}
          onOpen={(a) => openActivity(a.id)}
        >
          {mayCancel(r) && (
            <Button size='small' fill='outline' className='my-regs__cancel' onClick={() => cancel(r)}>
              取消报名
            </Button>
          )}
        </ActivityCard>
      ))}
    </View>
  )
}
