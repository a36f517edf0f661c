import type { InboxMessage } from '../../domain/admin'
import { inboxListInput, inboxReadInput } from '../../domain/admin-schemas'
import { defineAction } from './define'

export const inboxActions = {
  'inbox.list': defineAction({
    auth: 'employee',
    write: false,
    input: inboxListInput,
    async handler({ input, store, employee }): Promise<{ items: InboxMessage[]; total: number; unread: number }> {
      const { rows, total, unread } = await store.listInbox(
        employee!.id,
        input.pageSize,
        (input.page - 1) * input.pageSize,
      )
      return { items: rows, total, unread }
    },
  }),

  // Marks the given messages (or all) read; only the caller's own can be touched.
  'inbox.read': defineAction({
    auth: 'employee',
    write: true,
    input: inboxReadInput,
    async handler({ input, store, employee, now }): Promise<{ updated: number }> {
      return { updated: await store.markInboxRead(employee!.id, input.ids ?? null, now.toISOString()) }
    },
  }),
}
