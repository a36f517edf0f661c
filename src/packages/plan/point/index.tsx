import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { fetchPlan } from '../../../api/client'
import { EmptyState, ErrorState, LoadingSkeleton } from '../../../components/state-view'
import { formatChineseNumber } from '../../../domain/plan'
import { useRemote } from '../../../hooks/use-remote'
import PointActivities from './point-activities'
import scaledPage from '../../../components/scaled-page'
import './index.scss'

/** A work point's full cleaned text, in readable paragraphs, its activities, and its neighbours one tap away. */
function PointPage() {
  const { params } = useRouter()
  const planId = Number(params.planId)
  const itemId = Number(params.itemId)
  const { data: plan, error, loading, reload } = useRemote(() => fetchPlan(planId), [planId])

  if (loading && !plan)
    return (
      <View className='wm-page'>
        <LoadingSkeleton blocks={1} />
      </View>
    )
  if (error && !plan)
    return (
      <View className='wm-page'>
        <ErrorState message={error} onRetry={reload} />
      </View>
    )

  const flat = (plan?.sections ?? []).flatMap((section) => section.items.map((item) => ({ section, item })))
  const index = flat.findIndex((entry) => entry.item.id === itemId)
  if (!plan || index < 0) {
    return (
      <View className='wm-page'>
        <EmptyState
          title='没有找到这项工作要点'
          hint='要点可能已更新，请回到首页重新进入'
          actionText='回到首页'
          onAction={() => Taro.switchTab({ url: '/pages/home/index' })}
        />
      </View>
    )
  }
  const { section, item } = flat[index]
  const open = (target: number) =>
    Taro.redirectTo({ url: `/packages/plan/point/index?planId=${plan.id}&itemId=${flat[target].item.id}` })
  const paragraphs = item.body.split('\n').filter((p) => p.trim() !== '')

  return (
    <View className='wm-page point'>
      <Text className='point__crumb'>
        主题{formatChineseNumber(section.number)} · {section.title}
      </Text>
      <View className='wm-card point__card'>
        <Text className='point__number'>第 {item.number} 项</Text>
        <Text className='point__heading'>{item.heading}</Text>
        {paragraphs.map((p, i) => (
          <Text key={i} className='point__para'>
            {p}
          </Text>
        ))}
      </View>
      <PointActivities itemId={item.id} />
      <View className='point__nav'>
        {index > 0 ? (
          <View className='point__nav-btn' role='button' onClick={() => open(index - 1)}>
            ‹ 上一项
          </View>
        ) : (
          <View />
        )}
        {index < flat.length - 1 && (
          <View className='point__nav-btn' role='button' onClick={() => open(index + 1)}>
            下一项 ›
          </View>
        )}
      </View>
      <Text className='point__source'>出自《{plan.title || '精神文明建设工作要点'}》</Text>
    </View>
  )
}

export default scaledPage(PointPage)
