import { Text } from '@tarojs/components'
import './index.scss'

/** How many places at the top of a ranking stand out in gold. */
const TOP = 3

interface RankBadgeProps {
  /** 1 for the first. */
  place: number
  /** The larger badge of a short list of winners. */
  large?: boolean
}

/** A place in a ranking (好书榜, 年度志愿者, 评选结果) in a round badge; the first three in gold. */
export default function RankBadge({ place, large = false }: RankBadgeProps) {
  const className = `rank-badge${large ? ' rank-badge--large' : ''}${place <= TOP ? ' rank-badge--top' : ''}`
  return <Text className={className}>{place}</Text>
}
