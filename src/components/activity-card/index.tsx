import { Text, View } from '@tarojs/components'
import type { ReactNode } from 'react'
import type { ActivitySummary, RegistrationStatus } from '../../domain/activity'
import { formatTimeRange } from '../../domain/time'
import { ActivityCategoryChip, ActivityStatusChip, RegistrationChip } from '../status-chip'
import { countSeatsLeft, describeSeats } from './seats'
import './index.scss'

/** The caller's own registration, when the list knows more than the summary (e.g. the waitlist place). */
export interface CardRegistration {
  status: RegistrationStatus
  position?: number
  checkedIn: boolean
}

interface ActivityCardProps {
  activity: ActivitySummary
  onOpen: (activity: ActivitySummary) => void
  /** Overrides the summary's own myStatus / myCheckedIn. */
  registration?: CardRegistration | null
  /** Extra actions under the card (e.g. 取消报名), tapped without opening the activity. */
  children?: ReactNode
}

function seatsLine(activity: ActivitySummary): { text: string; tone: 'ok' | 'full' | 'muted' } {
  if (activity.status === 'cancelled') return { text: activity.cancelReason || '活动已取消', tone: 'muted' }
  if (activity.status === 'ended') return { text: `${activity.confirmedCount} 人参加`, tone: 'muted' }
  if (activity.status === 'ongoing') return { text: `${activity.confirmedCount} 人报名`, tone: 'muted' }
  const left = countSeatsLeft(activity)
  return { text: describeSeats(activity), tone: left === 0 ? 'full' : 'ok' }
}

/** An activity in a list: category, title, time, place, where it stands, seats, and my own state. */
export default function ActivityCard({ activity, onOpen, registration, children }: ActivityCardProps) {
  const mine: CardRegistration | null =
    registration !== undefined
      ? registration
      : activity.myStatus
        ? { status: activity.myStatus, checkedIn: activity.myCheckedIn }
        : null
  const seats = seatsLine(activity)
  return (
    <View className='activity-card'>
      <View className='activity-card__main' role='link' onClick={() => onOpen(activity)}>
        <View className='activity-card__top'>
          <ActivityCategoryChip category={activity.category} />
          <ActivityStatusChip status={activity.status} />
        </View>
        <Text className='activity-card__title'>{activity.title}</Text>
        <View className='activity-card__row'>
          <Text className='activity-card__key'>时间</Text>
          <Text className='activity-card__value'>{formatTimeRange(activity.startsAt, activity.endsAt)}</Text>
        </View>
        <View className='activity-card__row'>
          <Text className='activity-card__key'>地点</Text>
          <Text className='activity-card__value'>{activity.location}</Text>
        </View>
        <View className='activity-card__foot'>
          <Text className={`activity-card__seats activity-card__seats--${seats.tone}`}>{seats.text}</Text>
          {mine && (
            <RegistrationChip
              status={mine.status}
              position={mine.position}
              checkedIn={mine.checkedIn}
              activityCancelled={activity.status === 'cancelled'}
              activityEnded={activity.status === 'ended'}
            />
          )}
        </View>
      </View>
      {children && <View className='activity-card__actions'>{children}</View>}
    </View>
  )
}
