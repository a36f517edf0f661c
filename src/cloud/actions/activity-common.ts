import {
  canCancel,
  decideSeat,
  getActivityStatus,
  isCheckinOpen,
  isEligible,
  type Activity,
  type ActivityDetail,
  type ActivityPage,
  type ActivityStatus,
} from '../../domain/activity'
import { hasRole } from '../../domain/roles'
import { formatTimeRange } from '../../domain/time'
import { AppError, notFound } from '../errors'
import { noticeActivity, type Notify } from '../notify'
import type { EmployeeRecord, Store } from '../store/types'

/** A page of activities as `activity.list` and `admin.activity.list` answer it. */
export async function listActivityPage(
  store: Store,
  input: { category?: string; status?: string; planItemId?: number; page: number; pageSize: number },
  viewer: EmployeeRecord,
  now: Date,
  organizerDepartment?: string,
): Promise<ActivityPage> {
  const { rows, total } = await store.listActivities({
    now: now.toISOString(),
    viewerId: viewer.id,
    category: input.category,
    status: input.status as ActivityStatus | undefined,
    planItemId: input.planItemId,
    organizerDepartment,
    limit: input.pageSize,
    offset: (input.page - 1) * input.pageSize,
  })
  return { items: rows, total, page: input.page, pageSize: input.pageSize }
}

/** The activity, or 404. */
export async function loadActivity(store: Store, id: number): Promise<Activity> {
  const activity = await store.getActivity(id)
  if (!activity) throw notFound('活动')
  return activity
}

/** Organizers manage their own department's activities; administrators manage all. */
export function assertCanManage(employee: EmployeeRecord, activity: Pick<Activity, 'organizerDepartment'>): void {
  if (hasRole(employee.role, 'admin')) return
  if (employee.role === 'organizer' && employee.department === activity.organizerDepartment) return
  throw new AppError('forbidden', '只能管理本部门主办的活动')
}

/** Whether any option of the activity has its own seat limit. */
const limitsOptions = (activity: Pick<Activity, 'options'>) => activity.options.some((o) => o.capacity !== null)

/**
 * The seat a new registration choosing `options` gets, inside the caller's transaction. An activity without any
 * seat limit needs no counting at all.
 */
export async function seatForNewRegistration(
  tx: Store,
  activity: Activity,
  options: string[],
): Promise<'confirmed' | 'waitlisted' | 'full'> {
  const byOption = limitsOptions(activity)
  if (activity.capacity === null && !byOption) return 'confirmed'
  return decideSeat(activity, await tx.getConfirmedCounts(activity.id, byOption), options)
}

/**
 * Fills freed seats from the waitlist, earliest first, skipping anyone whose chosen options are still full.
 * Runs inside the caller's transaction: each person promoted gets an inbox message, and a notice queued for after
 * the commit. Returns the ids promoted.
 */
export async function promoteWaitlisted(tx: Store, activity: Activity, at: string, notify: Notify): Promise<number[]> {
  const promoted: number[] = []
  for (const candidate of await tx.listWaitlist(activity.id)) {
    const counts = await tx.getConfirmedCounts(activity.id, limitsOptions(activity))
    if (activity.capacity !== null && counts.confirmed >= activity.capacity) break
    if (decideSeat({ ...activity, waitlistEnabled: false }, counts, candidate.options) !== 'confirmed') continue
    await tx.setRegistrationStatus(candidate.id, 'confirmed', {
      registrationId: candidate.id,
      type: 'promoted',
      actorId: null,
      at,
    })
    await tx.insertInbox([
      {
        employeeId: candidate.employeeId,
        kind: 'promoted',
        title: '候补成功，您已报名',
        body: `有同事取消了报名，您已由候补转为正式报名「${activity.title}」（${formatTimeRange(activity.startsAt, activity.endsAt)}，${activity.location}）。如不能参加，请及时取消。`,
        activityId: activity.id,
        at,
      },
    ])
    notify([{ kind: 'promoted', employeeId: candidate.employeeId, activity: noticeActivity(activity) }])
    promoted.push(candidate.id)
  }
  return promoted
}

/** Everything the activity page shows, for `viewer`. */
export async function buildActivityDetail(
  store: Store,
  activity: Activity,
  viewer: EmployeeRecord,
  now: Date,
): Promise<ActivityDetail> {
  const counts = await store.getSeatCounts(activity.id)
  const mine = await store.getLiveRegistration(activity.id, viewer.id)
  const myRegistration =
    mine && mine.status === 'waitlisted'
      ? { ...mine, position: await store.getWaitlistPosition(activity.id, mine.id) }
      : mine
  return {
    ...activity,
    status: getActivityStatus(activity, now),
    confirmedCount: counts.confirmed,
    waitlistCount: counts.waitlisted,
    optionCounts: counts.byOption,
    planItems: await store.getPlanItemRefs(activity.planItemIds),
    eligible: isEligible(activity, viewer.department),
    canCancel: canCancel(activity, now),
    checkinOpen: isCheckinOpen(activity, now),
    myRegistration,
  }
}
