import type { Activity } from '../domain/activity'

/** What a person is told about, beside the inbox message: a day-before reminder, a waitlist promotion, a cancellation. */
export type NoticeKind = 'reminder' | 'promoted' | 'cancelled'

export const NOTICE_KINDS: readonly NoticeKind[] = ['reminder', 'promoted', 'cancelled']

/** One message to one employee about one activity, sent once the write that caused it has committed. */
export interface Notice {
  kind: NoticeKind
  employeeId: number
  activity: Pick<Activity, 'id' | 'title' | 'startsAt' | 'endsAt' | 'location'>
  /** Why the activity was cancelled (kind `cancelled`). */
  reason?: string
}

/**
 * Where notices go besides the inbox. The inbox message is written in the action's transaction; a notifier is
 * called only after that transaction committed, and never makes the action fail: it logs and swallows its errors.
 */
export interface Notifier {
  send(notices: Notice[]): Promise<void>
}

/** The gateway's notifier: the inbox is the only channel there, and it is already written. */
export const inboxOnlyNotifier: Notifier = { send: async () => undefined }

/** Queues notices during an action; the router hands them to the notifier after the transaction commits. */
export type Notify = (notices: Notice[]) => void

/** The fields of an activity a notice carries. */
export function noticeActivity(activity: Notice['activity']): Notice['activity'] {
  const { id, title, startsAt, endsAt, location } = activity
  return { id, title, startsAt, endsAt, location }
}

/** Runs `notifier.send`, logging instead of throwing: a notice that could not be sent never fails the caller. */
export async function sendSafely(
  notifier: Notifier,
  notices: Notice[],
  log: (error: unknown) => void = (error) => console.error('notices not sent', error),
): Promise<void> {
  if (notices.length === 0) return
  try {
    await notifier.send(notices)
  } catch (error) {
    log(error)
  }
}
