import type { Store } from '../store/types'

/** Records an administrative write in the audit log, inside the write's transaction. */
export function recordAudit(
  store: Store,
  actorId: number,
  action: string,
  target: string,
  before: unknown,
  after: unknown,
  now: Date,
): Promise<void> {
  return store.insertAudit({ actorId, action, target, before, after, at: now.toISOString() })
}
