import { Button } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useEffect } from 'react'
import { fetchMe } from '../../api/client'
import { fetchInbox } from '../../api/inbox'
import { clearSession, getSavedEmployee } from '../../api/session'
import { usesTokenLogin } from '../../api/transport'
import EntryGrid, { type Entry } from '../../components/entry-grid'
import { ErrorState, LoadingSkeleton } from '../../components/state-view'
import { hasRole, ROLE_LABELS } from '../../domain/roles'
import { LOGIN_PAGE, useRemote } from '../../hooks/use-remote'
import { PLAN_ENTRIES } from '../home/entries'
import MyRegistrations from './my-registrations'
import TextSize from './text-size'
import scaledPage from '../../components/scaled-page'
import './index.scss'

/** 我的: who I am and what I signed up for. */
function MinePage() {
  const { data: fetched, error, loading, reload } = useRemote(fetchMe, [], { refreshOnShow: true })
  // Offline, the profile saved at login is enough to show the page and the kept copy of my registrations.
  const me = fetched ?? (error ? getSavedEmployee() : null)
  const { data: inbox } = useRemote(() => fetchInbox(1, 1), [], { refreshOnShow: true })
  const unread = inbox?.unread ?? 0

  // The 我的 tab carries the unread count, so a cancelled activity or a promotion is seen at once.
  useEffect(() => {
    const badge =
      unread > 0
        ? Taro.setTabBarBadge({ index: 2, text: unread > 99 ? '99+' : String(unread) })
        : Taro.removeTabBarBadge({ index: 2 })
    Promise.resolve(badge).catch(() => undefined)
  }, [unread])

  const entries: (Entry & { url: string })[] = [
    {
      key: 'inbox',
      label: '我的消息',
      glyph: '信',
      ink: 'var(--wm-ink-red, #B3262B)',
      tint: 'var(--wm-tint-red, #FBEFEF)',
      badge: unread,
      url: '/packages/inbox/index/index',
    },
    ...PLAN_ENTRIES,
    ...(me && hasRole(me.role, 'organizer')
      ? [
          {
            key: 'admin',
            label: '活动管理',
            glyph: '管',
            ink: 'var(--wm-ink-grey, #595959)',
            tint: 'var(--wm-tint-grey, #F0F0F0)',
            url: '/packages/admin/index/index',
          },
        ]
      : []),
  ]

  const logout = () => {
    clearSession()
    Taro.reLaunch({ url: LOGIN_PAGE })
  }

  return (
    <View className='wm-page mine'>
      {loading && !me && <LoadingSkeleton blocks={1} />}
      {error && !me && <ErrorState message={error} onRetry={reload} />}
      {me && (
        <View className='mine__profile'>
          <View className='mine__avatar' aria-hidden>
            {me.name.slice(0, 1)}
          </View>
          <View className='mine__who'>
            <Text className='mine__name'>{me.name}</Text>
            <Text className='mine__meta'>
              {me.department} · 工号 {me.employeeNo}
            </Text>
          </View>
          <Text className='mine__role'>{ROLE_LABELS[me.role]}</Text>
        </View>
      )}
      {me && (
        <EntryGrid
          entries={entries}
          onOpen={(entry) => Taro.navigateTo({ url: entries.find((e) => e.key === entry.key)!.url })}
        />
      )}
      {me && <MyRegistrations />}
      <View className='wm-card mine__links'>
        <View className='mine__link' role='link' onClick={() => Taro.navigateTo({ url: '/packages/plan/plans/index' })}>
          <Text>全部工作要点</Text>
          <Text className='mine__chevron'>›</Text>
        </View>
        <View className='mine__link' role='link' onClick={() => Taro.switchTab({ url: '/pages/activities/index' })}>
          <Text>浏览全部活动</Text>
          <Text className='mine__chevron'>›</Text>
        </View>
      </View>
      <TextSize />
      {usesTokenLogin && me && (
        <Button block className='mine__logout' onClick={logout}>
          切换演示账号
        </Button>
      )}
    </View>
  )
}

export default scaledPage(MinePage)
