import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { fetchPlan } from '../../../api/client'
import ThemeCard from '../../../components/theme-card'
import { ErrorState, LoadingSkeleton } from '../../../components/state-view'
import { useRemote } from '../../../hooks/use-remote'
import scaledPage from '../../../components/scaled-page'
import './index.scss'

/** Any plan (not only the current one) as theme cards, with its preamble. */
function PlanPage() {
  const { params } = useRouter()
  const id = Number(params.id)
  const { data: plan, error, loading, reload } = useRemote(() => fetchPlan(id), [id])

  if (loading && !plan)
    return (
      <View className='wm-page'>
        <LoadingSkeleton blocks={3} />
      </View>
    )
  if (error || !plan)
    return (
      <View className='wm-page'>
        <ErrorState message={error ?? '没有找到这份要点'} onRetry={reload} />
      </View>
    )

  return (
    <View className='wm-page plan'>
      <View className='wm-card'>
        <Text className='plan__org'>{[plan.org, plan.year ? `${plan.year}年度` : ''].filter(Boolean).join(' · ')}</Text>
        <Text className='plan__title'>{plan.title || '精神文明建设工作要点'}</Text>
        {plan.preamble && <Text className='plan__preamble'>{plan.preamble}</Text>}
      </View>
      {plan.sections.map((section) => (
        <ThemeCard
          key={section.id}
          section={section}
          onOpen={(s) => Taro.navigateTo({ url: `/pages/theme/index?planId=${plan.id}&section=${s.number}` })}
        />
      ))}
    </View>
  )
}

export default scaledPage(PlanPage)
