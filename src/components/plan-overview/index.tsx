import { Text, View } from '@tarojs/components'
import type { PlanSummary } from '../../domain/plan'
import './index.scss'

interface PlanOverviewProps {
  plan: PlanSummary
  /** Said after what the plan holds, e.g. when it was published. */
  extra?: string
}

/** A plan in a list: its year, 当前 or 草稿, its title, and how many themes and points it holds. */
export default function PlanOverview({ plan, extra = '' }: PlanOverviewProps) {
  return (
    <>
      <View className='plan-overview__row'>
        <Text className='plan-overview__year'>{plan.year ? `${plan.year}年度` : '年度未注明'}</Text>
        {plan.isCurrent && <Text className='plan-overview__badge'>当前</Text>}
        {!plan.publishedAt && <Text className='plan-overview__badge plan-overview__badge--draft'>草稿</Text>}
      </View>
      <Text className='plan-overview__title'>{plan.title || '精神文明建设工作要点'}</Text>
      <Text className='plan-overview__meta'>
        {plan.org ? `${plan.org} · ` : ''}
        {plan.sectionCount} 个主题 · {plan.itemCount} 项工作要点{extra}
      </Text>
    </>
  )
}
