import { formatTimeRange } from '../domain/time'
import { inboxOnlyNotifier, noticeActivity, sendSafely, type Notice, type Notifier } from './notify'
import type { Store } from './store/types'

const DAY_MS = 24 * 3600 * 1000

/**
 * Puts a day-before reminder in the inbox of everyone confirmed for an activity that starts within the next
 * 24 hours, and hands the same reminders to `notifier` once each activity's transaction has committed. Each person
 * gets one reminder per activity however often this runs. Returns how many were delivered.
 */
export async function deliverDueReminders(
  store: Store,
  now: Date,
  notifier: Notifier = inboxOnlyNotifier,
): Promise<number> {
  const { rows } = await store.listActivities({ now: now.toISOString(), viewerId: 0, limit: 1000, offset: 0 })
  const due = rows.filter((a) => {
    const startsIn = Date.parse(a.startsAt) - now.getTime()
    return a.status !== 'cancelled' && startsIn > 0 && startsIn <= DAY_MS
  })
  let delivered = 0
  for (const activity of due) {
    const notices = await store.transaction(async (tx) => {
      const confirmed = (await tx.listRegistrationsFor(activity.id)).filter((r) => r.status === 'confirmed')
      const fresh: Notice[] = []
      for (const r of confirmed) {
        // One at a time, to know who had not been reminded yet: only they get a message beside the inbox.
        const inserted = await tx.insertInbox([
          {
            employeeId: r.employeeId,
            kind: 'reminder',
            title: '活动提醒：明天见',
            body: `您报名的「${activity.title}」将于 ${formatTimeRange(activity.startsAt, activity.endsAt)} 在${activity.location}举行，请准时参加；如不能参加，请提前取消报名，把名额留给候补的同事。`,
            activityId: activity.id,
            dedupeKey: `reminder:${activity.id}`,
            at: now.toISOString(),
          },
        ])
        if (inserted > 0) fresh.push({ kind: 'reminder', employeeId: r.employeeId, activity: noticeActivity(activity) })
      }
      return fresh
    })
    delivered += notices.length
    await sendSafely(notifier, notices)
  }
  return delivered
}
