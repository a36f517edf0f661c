import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { fetchPlans } from '../../../api/client'
import { EmptyState, ErrorState, LoadingSkeleton } from '../../../components/state-view'
import { useRemote } from '../../../hooks/use-remote'
import scaledPage from '../../../components/scaled-page'
import './index.scss'

/** Every published plan, the current one first. */
function PlansPage() {
  const { data: plans, error, loading, reload } = useRemote(fetchPlans)

  return (
    <View className='wm-page plans'>
      {loading && !plans && <LoadingSkeleton blocks={2} />}
      {error && !plans && <ErrorState message={error} onRetry={reload} />}
      {plans && plans.length === 0 && <EmptyState title='还没有发布工作要点' hint='文明办发布后会显示在这里' />}
      {plans?.map((plan) => (
        <View
          key={plan.id}
          className='wm-card plans__item'
          role='link'
          onClick={() => Taro.navigateTo({ url: `/packages/plan/plan/index?id=${plan.id}` })}
        >
          <View className='plans__row'>
            <Text className='plans__year'>{plan.year ? `${plan.year}年度` : '年度未注明'}</Text>
            {plan.isCurrent && <Text className='plans__current'>当前</Text>}
            {!plan.publishedAt && <Text className='plans__draft'>草稿</Text>}
          </View>
          <Text className='plans__title'>{plan.title || '精神文明建设工作要点'}</Text>
          <Text className='plans__meta'>
            {plan.org ? `${plan.org} · ` : ''}
            {plan.sectionCount} 个主题 · {plan.itemCount} 项工作要点
          </Text>
        </View>
      ))}
    </View>
  )
}

export default scaledPage(PlansPage)
