import { Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { useState } from 'react'
import { fetchCurrentPlanCached, keptCurrentPlan } from '../../api/cached'
import EntryGrid from '../../components/entry-grid'
import ThemeCard from '../../components/theme-card'
import { EmptyState, ErrorState, LoadingSkeleton } from '../../components/state-view'
import OfflineBanner from '../../components/offline-banner'
import { useRemote } from '../../hooks/use-remote'
import { PLAN_ENTRIES } from './entries'
import UpcomingActivities from './upcoming-activities'
import scaledPage from '../../components/scaled-page'
import './index.scss'

/** 首页: the current plan's themes as cards, then the activities open for registration. */
function HomePage() {
  // The cards of the last visit show at once; the current plan replaces them as soon as it arrives.
  const { data, error, loading, reload } = useRemote(fetchCurrentPlanCached, [], {
    refreshOnShow: true,
    initial: keptCurrentPlan,
  })
  const plan = data?.value ?? null

  const [refreshKey, setRefreshKey] = useState(0)

  usePullDownRefresh(() => {
    reload()
    setRefreshKey((k) => k + 1)
    Taro.stopPullDownRefresh()
  })

  const openPlans = () => Taro.navigateTo({ url: '/packages/plan/plans/index' })

  return (
    <View className='wm-page home'>
      {plan && (
        <View className='home__hero'>
          <Text className='home__org'>
            {[plan.org, plan.year ? `${plan.year}年度` : ''].filter(Boolean).join(' · ')}
          </Text>
          <Text className='home__title'>{plan.title || '精神文明建设工作要点'}</Text>
          <Text className='home__stats'>
            {plan.sections.length} 个主题 · {plan.sections.reduce((n, s) => n + s.items.length, 0)} 项工作要点
          </Text>
        </View>
      )}
      {data?.savedAt && <OfflineBanner savedAt={data.savedAt} onRetry={reload} />}
      {loading && !plan && <LoadingSkeleton blocks={4} />}
      {error && !plan && <ErrorState message={error} onRetry={reload} />}
      {plan && (
        <>
          <View className='wm-section-title'>
            <Text>工作主题</Text>
            <Text className='wm-link' onClick={openPlans}>
              往年及其他要点 ›
            </Text>
          </View>
          {plan.sections.length === 0 && (
            <EmptyState title='这份要点还没有主题' hint='请联系文明办在管理后台导入要点全文' />
          )}
          {plan.sections.map((section) => (
            <ThemeCard
              key={section.id}
              section={section}
              onOpen={(s) => Taro.navigateTo({ url: `/pages/theme/index?planId=${plan.id}&section=${s.number}` })}
            />
          ))}
          <View className='wm-section-title'>
            <Text>参与更多</Text>
          </View>
          <EntryGrid
            entries={PLAN_ENTRIES}
            onOpen={(entry) => Taro.navigateTo({ url: PLAN_ENTRIES.find((e) => e.key === entry.key)!.url })}
          />
          <UpcomingActivities refreshKey={refreshKey} />
        </>
      )}
    </View>
  )
}

export default scaledPage(HomePage)
