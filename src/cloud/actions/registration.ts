import {
  canCancel,
  checkRegistrationWindow,
  getActivityStatus,
  isEligible,
  validateChoices,
  type MyRegistration,
  type Registration,
  type RegistrationResult,
} from '../../domain/activity'
import { activityIdInput, registrationCreateInput } from '../../domain/activity-schemas'
import { emptyInput } from '../../domain/schemas'
import { formatDateTime } from '../../domain/time'
import { AppError } from '../errors'
import type { Store } from '../store/types'
import { loadActivity, promoteWaitlisted, seatForNewRegistration } from './activity-common'
import { defineAction } from './define'

async function withPosition(store: Store, registration: Registration): Promise<Registration> {
  if (registration.status !== 'waitlisted') return registration
  return { ...registration, position: await store.getWaitlistPosition(registration.activityId, registration.id) }
}

function toResult(registration: Registration, existing: boolean): RegistrationResult {
  return {
    registration,
    status: registration.status === 'waitlisted' ? 'waitlisted' : 'confirmed',
    position: registration.position,
    existing,
  }
}

export const registrationActions = {
  'registration.create': defineAction({
    auth: 'employee',
    write: true,
    input: registrationCreateInput,
    async handler({ input, store, employee, now }): Promise<RegistrationResult> {
      const me = employee!
      const activity = await loadActivity(store, input.activityId)
      // A second submission (double tap, retry after a lost answer) gets the first one back.
      const existing = await store.getLiveRegistration(activity.id, me.id)
      if (existing) return toResult(await withPosition(store, existing), true)

      if (!isEligible(activity, me.department)) {
        throw new AppError('forbidden', `本活动仅限${activity.eligibleDepartments.join('、')}的同事报名`)
      }
      const window = checkRegistrationWindow(activity, now)
      if (window === 'cancelled') throw new AppError('conflict', `活动已取消：${activity.cancelReason ?? ''}`)
      if (window === 'not_yet_open') {
        throw new AppError('conflict', `报名尚未开始，${formatDateTime(activity.registrationOpensAt)} 开放报名`)
      }
      if (window === 'closed') {
        throw new AppError('conflict', `报名已于 ${formatDateTime(activity.registrationClosesAt)} 截止`)
      }
      const problem = validateChoices(activity, input.options, input.form)
      if (problem) throw new AppError('invalid_input', problem)

      const seat = await seatForNewRegistration(store, activity, input.options)
      if (seat === 'full') throw new AppError('conflict', '名额已满，本活动不设候补')
      const registration = await store.insertRegistration({
        activityId: activity.id,
        employeeId: me.id,
        status: seat,
        options: input.options,
        form: input.form,
        at: now.toISOString(),
      })
      return toResult(await withPosition(store, registration), false)
    },
  }),

  'registration.cancel': defineAction({
    auth: 'employee',
    write: true,
    input: activityIdInput,
    async handler({ input, store, employee, now, notify }): Promise<{ registration: Registration }> {
      const activity = await loadActivity(store, input.activityId)
      // Only the caller's own registration can be found here: another's is out of reach by construction.
      const registration = await store.getLiveRegistration(activity.id, employee!.id)
      if (!registration) throw new AppError('not_found', '你没有报名这个活动')
      if (!canCancel(activity, now)) {
        throw new AppError(
          'conflict',
          `已过取消截止时间（${formatDateTime(activity.cancelCutoffAt)}），如有特殊情况请联系主办部门`,
        )
      }
      const at = now.toISOString()
      await store.setRegistrationStatus(registration.id, 'cancelled', {
        registrationId: registration.id,
        type: 'cancelled',
        actorId: employee!.id,
        at,
      })
      if (registration.status === 'confirmed') await promoteWaitlisted(store, activity, at, notify)
      return { registration: { ...registration, status: 'cancelled', cancelledAt: at, updatedAt: at } }
    },
  }),

  'registration.mine': defineAction({
    auth: 'employee',
    write: false,
    input: emptyInput,
    async handler({ store, employee, now }): Promise<MyRegistration[]> {
      const registrations = await store.listRegistrationsOf(employee!.id)
      // Everything in a few queries, however many registrations: the activities, then their counts.
      const ids = registrations.map((r) => r.activityId)
      const activities = new Map((await store.getActivities(ids)).map((a) => [a.id, a]))
      const allCounts = await store.getRegistrationCounts(ids)
      const result: MyRegistration[] = []
      for (const registration of registrations) {
        const activity = activities.get(registration.activityId)
        if (!activity) continue
        const counts = allCounts.get(activity.id) ?? { confirmed: 0, waitlisted: 0 }
        result.push({
          ...(await withPosition(store, registration)),
          canCancel: registration.status !== 'cancelled' && canCancel(activity, now),
          activity: {
            id: activity.id,
            category: activity.category,
            title: activity.title,
            location: activity.location,
            organizerDepartment: activity.organizerDepartment,
            startsAt: activity.startsAt,
            endsAt: activity.endsAt,
            registrationOpensAt: activity.registrationOpensAt,
            registrationClosesAt: activity.registrationClosesAt,
            capacity: activity.capacity,
            waitlistEnabled: activity.waitlistEnabled,
            status: getActivityStatus(activity, now),
            confirmedCount: counts.confirmed,
            waitlistCount: counts.waitlisted,
            cancelReason: activity.cancelReason,
            myStatus: registration.status === 'cancelled' ? null : registration.status,
            myCheckedIn: registration.checkedInAt !== null,
          },
        })
      }
      // Upcoming first (soonest first), then past (most recent first).
      const nowIso = now.toISOString()
      return result.sort((a, b) => {
        const aPast = a.activity.endsAt <= nowIso
        const bPast = b.activity.endsAt <= nowIso
        if (aPast !== bPast) return aPast ? 1 : -1
        return aPast
          ? b.activity.startsAt.localeCompare(a.activity.startsAt)
          : a.activity.startsAt.localeCompare(b.activity.startsAt)
      })
    },
  }),
}
