import { View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { fetchPlans } from '../../../api/client'
import PlanOverview from '../../../components/plan-overview'
import { EmptyState, ErrorState, LoadingSkeleton } from '../../../components/state-view'
import { useRemote } from '../../../hooks/use-remote'
import scaledPage from '../../../components/scaled-page'

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
          <PlanOverview plan={plan} />
        </View>
      ))}
    </View>
  )
}

export default scaledPage(PlansPage)
