import type { Activity, CheckinCode } from '../../domain/activity'
import {
  activityCancelInput,
  activityCreateInput,
  activityUpdateInput,
  type ActivityCreateInput,
} from '../../domain/activity-schemas'
import { idInput } from '../../domain/schemas'
import { formatTimeRange } from '../../domain/time'
import { checkinQrPayload, currentCheckinCode } from '../checkin-code'
import { AppError } from '../errors'
import { noticeActivity } from '../notify'
import type { EmployeeRecord, NewActivity, Store } from '../store/types'
import { assertCanManage, loadActivity, promoteWaitlisted } from './activity-common'
import { recordAudit } from './audit'
import { defineAction } from './define'

const MINUTE = 60 * 1000
const iso = (ms: number) => new Date(ms).toISOString()

/** Fills what the organizer left out with the defaults of a well-run activity. */
function completeActivity(
  input: Partial<ActivityCreateInput>,
  base: NewActivity | null,
  caller: EmployeeRecord,
  now: Date,
): NewActivity {
  const pick = <K extends keyof NewActivity>(key: K, fallback: NewActivity[K]): NewActivity[K] =>
    (input as Record<string, unknown>)[key] !== undefined
      ? ((input as Record<string, unknown>)[key] as NewActivity[K])
      : base
        ? base[key]
        : fallback
  const startsAt = pick('startsAt', '')
  const endsAt = pick('endsAt', '')
  const options = pick('options', [])
  const category = pick('category', 'lecture')
  return {
    category,
    title: pick('title', ''),
    description: pick('description', ''),
    planItemIds: pick('planItemIds', []),
    organizerDepartment: pick('organizerDepartment', caller.department),
    location: pick('location', '') || '待定',
    startsAt,
    endsAt,
    registrationOpensAt: pick('registrationOpensAt', now.toISOString()),
    registrationClosesAt: pick('registrationClosesAt', startsAt),
    cancelCutoffAt: pick('cancelCutoffAt', startsAt),
    checkinOpensAt: pick('checkinOpensAt', iso(Date.parse(startsAt) - 30 * MINUTE)),
    checkinClosesAt: pick('checkinClosesAt', endsAt),
    capacity: input.capacity !== undefined ? input.capacity : base ? base.capacity : null,
    waitlistEnabled: input.waitlist !== undefined ? input.waitlist : base ? base.waitlistEnabled : true,
    eligibleDepartments: pick('eligibleDepartments', []),
    options,
    maxOptions: pick('maxOptions', 1),
    formFields: pick('formFields', []),
    volunteerHours: pick('volunteerHours', 0),
  }
}

/** Cross-field rules of an activity; throws 400 with what to fix. */
async function checkActivity(store: Store, a: NewActivity): Promise<void> {
  const bad = (message: string) => new AppError('invalid_input', message)
  const t = Date.parse
  if (t(a.endsAt) <= t(a.startsAt)) throw bad('结束时间应晚于开始时间')
  if (t(a.registrationClosesAt) <= t(a.registrationOpensAt)) throw bad('报名截止时间应晚于报名开始时间')
  if (t(a.registrationClosesAt) > t(a.endsAt)) throw bad('报名截止时间不能晚于活动结束时间')
  if (t(a.checkinClosesAt) <= t(a.checkinOpensAt)) throw bad('签到结束时间应晚于签到开始时间')
  if (new Set(a.options.map((o) => o.key)).size !== a.options.length) throw bad('项目代号不能重复')
  if (new Set(a.formFields.map((f) => f.key)).size !== a.formFields.length) throw bad('报名表字段代号不能重复')
  if (a.options.length > 0 && a.maxOptions > a.options.length) throw bad('每人可选项目数不能多于项目总数')
  const refs = await store.getPlanItemRefs(a.planItemIds)
  if (refs.length !== new Set(a.planItemIds).size) throw bad('关联的工作要点不存在')
}

function assertOwnDepartment(caller: EmployeeRecord, department: string): void {
  assertCanManage(caller, { organizerDepartment: department })
}

export const adminActivityActions = {
  'admin.activity.create': defineAction({
    auth: 'employee',
    role: 'organizer',
    write: true,
    input: activityCreateInput,
    async handler({ input, store, employee, now }): Promise<Activity> {
      const activity = completeActivity(input, null, employee!, now)
      assertOwnDepartment(employee!, activity.organizerDepartment)
      await checkActivity(store, activity)
      const id = await store.insertActivity(activity, employee!.id, now.toISOString())
      const created = (await store.getActivity(id))!
      await recordAudit(store, employee!.id, 'activity.create', `活动 #${id}`, null, created, now)
      return created
    },
  }),

  'admin.activity.update': defineAction({
    auth: 'employee',
    role: 'organizer',
    write: true,
    input: activityUpdateInput,
    async handler({ input, store, employee, now, notify }): Promise<Activity> {
      const current = await loadActivity(store, input.id)
      assertCanManage(employee!, current)
      if (current.cancelledAt) throw new AppError('conflict', '活动已取消，不能再修改')
      const { id, ...changes } = input
      const next = completeActivity(changes, current, employee!, now)
      assertOwnDepartment(employee!, next.organizerDepartment)
      await checkActivity(store, next)
      const counts = await store.getConfirmedCounts(id, true)
      if (next.capacity !== null && next.capacity < counts.confirmed) {
        throw new AppError('conflict', `名额不能少于已报名人数（${counts.confirmed} 人）`)
      }
      for (const option of next.options) {
        if (option.capacity !== null && option.capacity < (counts.byOption[option.key] ?? 0)) {
          throw new AppError(
            'conflict',
            `“${option.label}”的名额不能少于已报名人数（${counts.byOption[option.key]} 人）`,
          )
        }
      }
      const at = now.toISOString()
      await store.updateActivity(id, next, at)
      const updated = (await store.getActivity(id))!
      // More seats than before: those waiting move up at once.
      await promoteWaitlisted(store, updated, at, notify)
      await recordAudit(store, employee!.id, 'activity.update', `活动 #${id}`, current, updated, now)
      return updated
    },
  }),

  'admin.activity.cancel': defineAction({
    auth: 'employee',
    role: 'organizer',
    write: true,
    input: activityCancelInput,
    async handler({ input, store, employee, now, notify }): Promise<Activity> {
      const activity = await loadActivity(store, input.id)
      assertCanManage(employee!, activity)
      if (activity.cancelledAt) return activity
      const at = now.toISOString()
      await store.cancelActivity(activity.id, input.reason, at)
      const live = (await store.listRegistrationsFor(activity.id)).filter((r) => r.status !== 'cancelled')
      await store.insertInbox(
        live.map((r) => ({
          employeeId: r.employeeId,
          kind: 'activity_cancelled' as const,
          title: '活动已取消',
          body: `您报名的「${activity.title}」（${formatTimeRange(activity.startsAt, activity.endsAt)}）已取消。原因：${input.reason}`,
          activityId: activity.id,
          at,
        })),
      )
      // Everyone still registered, confirmed or waiting, is told as the inbox tells them.
      notify(
        live.map((r) => ({
          kind: 'cancelled' as const,
          employeeId: r.employeeId,
          activity: noticeActivity(activity),
          reason: input.reason,
        })),
      )
      const cancelled = (await store.getActivity(activity.id))!
      await recordAudit(store, employee!.id, 'activity.cancel', `活动 #${activity.id}`, activity, cancelled, now)
      return cancelled
    },
  }),

  'admin.activity.checkinCode': defineAction({
    auth: 'employee',
    role: 'organizer',
    write: false,
    input: idInput,
    async handler({ input, store, employee, now, config }): Promise<CheckinCode> {
      const activity = await loadActivity(store, input.id)
      assertCanManage(employee!, activity)
      const { code, validUntil } = currentCheckinCode(activity.id, config.tokenSecret, now)
      return { code, qrPayload: checkinQrPayload(activity.id, code), validUntil: validUntil.toISOString() }
    },
  }),
}
