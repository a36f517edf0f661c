import { Button } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import { useCallback, useEffect, useRef, useState } from 'react'
import { ApiError } from '../../../api/client'
import { fetchInbox, markInboxRead } from '../../../api/inbox'
import { EmptyState, ErrorState, LoadingSkeleton } from '../../../components/state-view'
import type { InboxKind, InboxMessage } from '../../../domain/admin'
import { formatDateTime } from '../../../domain/time'
import { goToLogin } from '../../../hooks/use-remote'
import scaledPage from '../../../components/scaled-page'
import './index.scss'

const PAGE_SIZE = 20

const KIND_LABELS: Record<InboxKind, string> = {
  activity_cancelled: '活动取消',
  promoted: '候补递补',
  reminder: '活动提醒',
  notice: '通知',
}

const messageOf = (e: unknown, fallback: string) => {
  if (e instanceof ApiError && e.code === 'unauthenticated') goToLogin()
  return e instanceof Error && e.message ? e.message : fallback
}

/** 消息: what the organizers told me, unread first to the eye; tapping one reads it and opens its activity. */
function InboxPage() {
  const [items, setItems] = useState<InboxMessage[] | null>(null)
  const [total, setTotal] = useState(0)
  const [unread, setUnread] = useState(0)
  const [error, setError] = useState<string | null>(null)
  const [loading, setLoading] = useState(true)
  const [open, setOpen] = useState<number | null>(null)
  const page = useRef(1)
  const loaded = useRef(false)

  const load = useCallback((target: number) => {
    setLoading(true)
    setError(null)
    fetchInbox(target, PAGE_SIZE)
      .then((result) => {
        page.current = target
        loaded.current = true
        setItems((prev) => (target === 1 || !prev ? result.items : [...prev, ...result.items]))
        setTotal(result.total)
        setUnread(result.unread)
      })
      .catch((e: unknown) => setError(messageOf(e, '消息没能加载出来，请重试')))
      .finally(() => setLoading(false))
  }, [])

  useEffect(() => load(1), [load])
  useDidShow(() => {
    if (loaded.current) load(1)
  })
  usePullDownRefresh(() => {
    load(1)
    Taro.stopPullDownRefresh()
  })

  const markRead = (ids: number[] | undefined) => {
    const at = new Date().toISOString()
    setItems((list) => list && list.map((m) => (!ids || ids.includes(m.id) ? { ...m, readAt: m.readAt ?? at } : m)))
    setUnread((n) => (ids ? Math.max(0, n - ids.length) : 0))
    markInboxRead(ids).catch((e: unknown) => {
      Taro.showToast({ title: messageOf(e, '没能标记为已读'), icon: 'none' })
      load(1)
    })
  }

  const tap = (m: InboxMessage) => {
    if (!m.readAt) markRead([m.id])
    if (m.activityId) Taro.navigateTo({ url: `/pages/activity/index?id=${m.activityId}` })
    else setOpen(open === m.id ? null : m.id)
  }

  if (!items)
    return (
      <View className='wm-page'>
        {error ? <ErrorState message={error} onRetry={() => load(1)} /> : <LoadingSkeleton blocks={3} />}
      </View>
    )

  return (
    <View className='wm-page inbox'>
      {items.length > 0 && (
        <View className='inbox__bar'>
          <Text className='inbox__summary'>{unread > 0 ? `${unread} 条未读` : '全部已读'}</Text>
          {unread > 0 && (
            <Button
              type='primary'
              fill='outline'
              size='small'
              className='inbox__all'
              onClick={() => markRead(undefined)}
            >
              全部已读
            </Button>
          )}
        </View>
      )}
      {items.length === 0 && (
        <EmptyState
          title='暂时没有消息'
          hint='报名的活动有变动、候补转为正式报名时，会在这里通知你'
          actionText='去看看活动'
          onAction={() => Taro.switchTab({ url: '/pages/activities/index' })}
        />
      )}
      {items.map((m) => (
        <View
          key={m.id}
          className={`inbox__item${m.readAt ? '' : ' inbox__item--unread'}`}
          role='button'
          aria-label={`${m.readAt ? '' : '未读 '}${m.title}`}
          onClick={() => tap(m)}
        >
          <View className='inbox__head'>
            {!m.readAt && <View className='inbox__dot' aria-hidden />}
            <Text className='inbox__title'>{m.title}</Text>
            <Text className='inbox__kind'>{KIND_LABELS[m.kind] ?? '通知'}</Text>
          </View>
          <Text className={`inbox__body${open === m.id ? ' inbox__body--open' : ''}`}>{m.body}</Text>
          <View className='inbox__foot'>
            <Text className='inbox__time'>{formatDateTime(m.createdAt)}</Text>
            {m.activityId && <Text className='inbox__go'>查看活动 ›</Text>}
          </View>
        </View>
      ))}
      {items.length < total && (
        <Button fill='outline' block className='inbox__more' loading={loading} onClick={() => load(page.current + 1)}>
          加载更多
        </Button>
      )}
      {error && <Text className='inbox__error'>{error}</Text>}
    </View>
  )
}

export default scaledPage(InboxPage)
