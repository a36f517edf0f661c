import { isCheckinOpen, type Registration } from '../../domain/activity'
import { checkinInput } from '../../domain/activity-schemas'
import { formatDateTime } from '../../domain/time'
import { verifyCheckinCode } from '../checkin-code'
import { AppError } from '../errors'
import { loadActivity } from './activity-common'
import { defineAction } from './define'

export const checkinActions = {
  'checkin.create': defineAction({
    auth: 'employee',
    write: true,
    input: checkinInput,
    async handler({ input, store, employee, now, config }): Promise<{ registration: Registration }> {
      const activity = await loadActivity(store, input.activityId)
      const registration = await store.getLiveRegistration(activity.id, employee!.id)
      if (!registration) throw new AppError('not_found', '你没有报名这个活动，无法签到')
      if (registration.checkedInAt) return { registration }
      if (registration.status !== 'confirmed') throw new AppError('conflict', '候补中的报名不能签到，请等待递补')
      if (!isCheckinOpen(activity, now)) {
        throw new AppError(
          'conflict',
          `不在签到时间内（${formatDateTime(activity.checkinOpensAt)} 至 ${formatDateTime(activity.checkinClosesAt)}）`,
        )
      }
      if (!verifyCheckinCode(activity.id, input.code, config.tokenSecret, now)) {
        throw new AppError('conflict', '签到码不正确或已过期，请以现场最新显示的为准')
      }
      const at = now.toISOString()
      await store.markCheckedIn(registration.id, {
        registrationId: registration.id,
        type: 'checked_in',
        actorId: employee!.id,
        at,
      })
      return { registration: { ...registration, checkedInAt: at, updatedAt: at } }
    },
  }),
}
