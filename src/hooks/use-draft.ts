import { useCallback, useState } from 'react'

/** The keys of `T` that hold text. */
export type TextKey<T> = { [K in keyof T]: T[K] extends string ? K : never }[keyof T]

/** What a text field needs of a draft: its value, and how to change it. */
export interface Bound {
  value: string
  onChange: (value: string) => void
}

export interface Draft<T> {
  draft: T
  /** Changes some of its fields. */
  update: (patch: Partial<T>) => void
  /** One text field of the draft, for a field component (`{...bind('name')}`). */
  bind: (key: TextKey<T>) => Bound
}

/** What a form holds until it is sent; `initial` may be a function that makes it, called once. */
export function useDraft<T extends object>(initial: T | (() => T)): Draft<T> {
  const [draft, setDraft] = useState(initial)
  const update = useCallback((patch: Partial<T>) => setDraft((d) => ({ ...d, ...patch })), [])
  const bind = (key: TextKey<T>): Bound => ({
    value: draft[key] as string,
    onChange: (value) => update({ [key]: value } as Partial<T>),
  })
  return { draft, update, bind }
}
