import type { InboxMessage } from '../domain/admin'
import { callApi } from './client'

export interface InboxPage {
  items: InboxMessage[]
  total: number
  unread: number
}

/** A page of the caller's messages, newest first, with the number still unread. */
export function fetchInbox(page = 1, pageSize = 20): Promise<InboxPage> {
  return callApi<InboxPage>('inbox.list', { page, pageSize })
}

/** Marks the given messages read, or all of them when no ids are given. */
export function markInboxRead(ids?: number[]): Promise<{ updated: number }> {
  return callApi<{ updated: number }>('inbox.read', ids ? { ids } : {})
}
