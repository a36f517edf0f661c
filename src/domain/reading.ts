/** A recommended book in the 我心中的好书 drive. */
export interface Book {
  id: number
  title: string
  author: string
  recommendations: number
  reasons: { employeeName: string; department: string; reason: string }[]
  mine: boolean
}

export type NoteStatus = 'pending' | 'approved' | 'rejected'

/** A 读书心得 note. */
export interface ReadingNote {
  id: number
  bookTitle: string
  title: string
  body: string
  author: { id: number; name: string; department: string }
  status: NoteStatus
  reviewReason: string | null
  createdAt: string
  likes: number
  liked: boolean
}

const BRACKETS = /[《》〈〉<>「」『』“”"'‘’]/g

/**
 * Reads a title and author out of how people type a book: `《平凡的世界》 路遥`, `平凡的世界（路遥）`,
 * `平凡的世界 / 路遥`, `平凡的世界——路遥著`.
 */
export function splitBookText(text: string): { title: string; author: string } {
  const s = text.trim()
  const quoted = /^《([^》]+)》\s*[（(]?\s*([^）)]*?)\s*(?:著|编著|主编)?\s*[）)]?$/.exec(s)
  if (quoted) return { title: quoted[1].trim(), author: quoted[2].trim() }
  const paren = /^(.+?)\s*[（(]\s*([^）)]+?)\s*(?:著|编著|主编)?\s*[）)]$/.exec(s)
  if (paren) return { title: paren[1].replace(BRACKETS, '').trim(), author: paren[2].trim() }
  const separated = /^(.+?)\s*(?:\/|／|——|—|-|，|,)\s*(.+?)\s*(?:著|编著|主编)?$/.exec(s)
  if (separated) return { title: separated[1].replace(BRACKETS, '').trim(), author: separated[2].trim() }
  return { title: s.replace(BRACKETS, '').trim(), author: '' }
}

/** The key under which the same book, however typed, is one entry: no brackets, spaces, punctuation or case. */
export function normalizeBookKey(title: string, author: string): string {
  const clean = (x: string) =>
    x
      .normalize('NFKC')
      .toLowerCase()
      .replace(/[\s\p{P}\p{S}]/gu, '')
      .replace(/(著|编著|主编)$/u, '')
  return `${clean(title)}|${clean(author)}`
}
