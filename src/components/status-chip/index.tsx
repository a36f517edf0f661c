import { Text } from '@tarojs/components'
import {
  ACTIVITY_CATEGORIES,
  ACTIVITY_STATUSES,
  type ActivityCategory,
  type ActivityStatus,
  type RegistrationStatus,
} from '../../domain/activity'
import { pickCategoryStyle } from '../activity-card/category-style'
import './index.scss'

/** The colour families a chip can take; each pairs a soft background with a legible ink. */
export type ChipTone = 'green' | 'orange' | 'grey' | 'blue' | 'red' | 'gold' | 'teal'

interface StatusChipProps {
  label: string
  tone: ChipTone
}

/** A small rounded label that says where something stands. */
export default function StatusChip({ label, tone }: StatusChipProps) {
  return <Text className={`status-chip status-chip--${tone}`}>{label}</Text>
}

/** An activity's category (读书活动, 文体活动 …) in the quiet ink and tint of its kind. */
export function ActivityCategoryChip({ category }: { category: ActivityCategory }) {
  const style = pickCategoryStyle(category)
  return (
    <Text className='status-chip' style={{ color: style.ink, background: style.tint }}>
      {ACTIVITY_CATEGORIES[category]}
    </Text>
  )
}

const ACTIVITY_TONES: Record<ActivityStatus, ChipTone> = {
  open: 'green',
  upcoming: 'gold',
  ongoing: 'teal',
  ended: 'grey',
  cancelled: 'grey',
}

/** Where an activity stands: 报名中, 未开始, 进行中, 已结束, 活动已取消. */
export function ActivityStatusChip({ status }: { status: ActivityStatus }) {
  const label = status === 'cancelled' ? '活动已取消' : ACTIVITY_STATUSES[status]
  return <StatusChip label={label} tone={ACTIVITY_TONES[status]} />
}

interface RegistrationChipProps {
  status: RegistrationStatus
  /** 1-based place in the waitlist. */
  position?: number
  checkedIn?: boolean
  /** The activity itself was called off, which outranks the registration's own state. */
  activityCancelled?: boolean
  /** The activity is over: a place still on the waitlist then was never reached. */
  activityEnded?: boolean
}

/** The caller's own state: 已报名, 候补中 第 N 位, 已签到, 已取消, 活动已取消. */
export function RegistrationChip({
  status,
  position,
  checkedIn = false,
  activityCancelled = false,
  activityEnded = false,
}: RegistrationChipProps) {
  if (activityCancelled) return <StatusChip label='活动已取消' tone='grey' />
  if (status === 'cancelled') return <StatusChip label='已取消' tone='grey' />
  if (checkedIn) return <StatusChip label='已签到' tone='blue' />
  if (status === 'waitlisted' && activityEnded) return <StatusChip label='未能递补' tone='grey' />
  if (status === 'waitlisted')
    return <StatusChip label={position ? `候补中 第${position}位` : '候补中'} tone='orange' />
  return <StatusChip label='已报名' tone='red' />
}
