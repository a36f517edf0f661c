import {
  bookIdInput,
  bookRecommendInput,
  noteLikeInput,
  noteListInput,
  noteReviewListInput,
  noteSubmitInput,
  reviewInput,
} from '../../domain/community-schemas'
import { normalizeBookKey, splitBookText, type Book, type ReadingNote } from '../../domain/reading'
import { emptyInput } from '../../domain/schemas'
import { AppError, notFound } from '../errors'
import { recordAudit } from './audit'
import { defineAction } from './define'

export const readingActions = {
  'book.list': defineAction({
    auth: 'employee',
    write: false,
    input: emptyInput,
    async handler({ store, employee }): Promise<Book[]> {
      return store.listBooks(employee!.id)
    },
  }),

  // 我心中的好书: the same book however typed is one entry; recommending it again seconds it.
  'book.recommend': defineAction({
    auth: 'employee',
    write: true,
    input: bookRecommendInput,
    async handler({ input, store, employee, now }): Promise<{ book: Book; merged: boolean }> {
      const parsed = input.author
        ? { title: input.title.replace(/[《》]/g, '').trim(), author: input.author }
        : splitBookText(input.title)
      if (!parsed.title) throw new AppError('invalid_input', '请填写书名')
      const key = normalizeBookKey(parsed.title, parsed.author)
      const at = now.toISOString()
      const existing = await store.findBookId(key)
      const bookId = existing ?? (await store.insertBook(parsed.title, parsed.author, key, at))
      await store.addBookRecommendation(bookId, employee!.id, input.reason, at)
      const book = (await store.listBooks(employee!.id)).find((b) => b.id === bookId)!
      return { book, merged: existing !== null }
    },
  }),

  'book.second': defineAction({
    auth: 'employee',
    write: true,
    input: bookIdInput,
    async handler({ input, store, employee, now }): Promise<Book> {
      const books = await store.listBooks(employee!.id)
      if (!books.some((b) => b.id === input.bookId)) throw notFound('图书')
      await store.addBookRecommendation(input.bookId, employee!.id, input.reason, now.toISOString())
      return (await store.listBooks(employee!.id)).find((b) => b.id === input.bookId)!
    },
  }),

  // Published notes for everyone; with `mine`, the caller's own in every state.
  'note.list': defineAction({
    auth: 'employee',
    write: false,
    input: noteListInput,
    async handler({ input, store, employee }): Promise<ReadingNote[]> {
      return input.mine
        ? store.listNotes({ authorId: employee!.id }, employee!.id)
        : store.listNotes({ status: 'approved' }, employee!.id)
    },
  }),

  'note.submit': defineAction({
    auth: 'employee',
    write: true,
    input: noteSubmitInput,
    async handler({ input, store, employee, now }): Promise<ReadingNote> {
      const pending = await store.listNotes({ authorId: employee!.id, status: 'pending' }, employee!.id)
      if (pending.length >= 5) throw new AppError('conflict', '已有 5 篇心得在审核中，请等审核后再提交')
      const id = await store.insertNote(
        employee!.id,
        input.bookTitle.replace(/[《》]/g, ''),
        input.title,
        input.body,
        now.toISOString(),
      )
      return (await store.listNotes({ id }, employee!.id))[0]
    },
  }),

  'note.like': defineAction({
    auth: 'employee',
    write: true,
    input: noteLikeInput,
    async handler({ input, store, employee, now }): Promise<ReadingNote> {
      const [note] = await store.listNotes({ id: input.id, status: 'approved' }, employee!.id)
      if (!note) throw notFound('读书心得')
      await store.setNoteLike(note.id, employee!.id, input.liked, now.toISOString())
      return (await store.listNotes({ id: note.id }, employee!.id))[0]
    },
  }),

  'admin.note.list': defineAction({
    auth: 'employee',
    role: 'admin',
    write: false,
    input: noteReviewListInput,
    async handler({ input, store, employee }): Promise<ReadingNote[]> {
      return store.listNotes({ status: input.status }, employee!.id)
    },
  }),

  'admin.note.review': defineAction({
    auth: 'employee',
    role: 'admin',
    write: true,
    input: reviewInput,
    async handler({ input, store, employee, now }): Promise<ReadingNote> {
      const [before] = await store.listNotes({ id: input.id }, employee!.id)
      if (!before) throw notFound('读书心得')
      if (input.decision === 'rejected' && !input.reason) throw new AppError('invalid_input', '不通过时请写明原因')
      await store.reviewNote(input.id, input.decision, input.reason || null, now.toISOString())
      await store.insertInbox([
        {
          employeeId: before.author.id,
          kind: 'notice',
          title: input.decision === 'approved' ? '读书心得已发布' : '读书心得未通过审核',
          body:
            input.decision === 'approved'
              ? `您的读书心得《${before.title}》已通过审核并发布。`
              : `您的读书心得《${before.title}》未通过审核。原因：${input.reason}`,
          at: now.toISOString(),
        },
      ])
      const [after] = await store.listNotes({ id: input.id }, employee!.id)
      await recordAudit(
        store,
        employee!.id,
        'note.review',
        `读书心得 #${input.id}`,
        { status: before.status },
        { status: after.status, reason: input.reason },
        now,
      )
      return after
    },
  }),
}
