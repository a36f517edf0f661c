import { useDidShow } from '@tarojs/taro'
import { useCallback, useEffect, useRef, useState } from 'react'
import { describeFailure } from './feedback'

export interface Paged<T> {
  items: T[] | null
  total: number
  error: string | null
  loading: boolean
  /** Reloads from the first page. */
  reload: () => void
  /** Appends the next page. */
  loadMore: () => void
  /** Replaces one loaded item (after an edit) without reloading. */
  replace: (match: (item: T) => boolean, next: T) => void
}

/** A list loaded page by page: the first page on mount (and on return with refreshOnShow), more on demand. */
export function usePaged<T>(
  loadPage: (page: number) => Promise<{ items: T[]; total: number }>,
  deps: unknown[] = [],
  options: { refreshOnShow?: boolean } = {},
): Paged<T> {
  const [items, setItems] = useState<T[] | null>(null)
  const [total, setTotal] = useState(0)
  const [error, setError] = useState<string | null>(null)
  const [loading, setLoading] = useState(true)
  const page = useRef(1)
  const seq = useRef(0)
  const loaded = useRef(false)

  const fetchPage = useCallback(
    (target: number) => {
      const mine = ++seq.current
      setLoading(true)
      setError(null)
      loadPage(target)
        .then((result) => {
          if (mine !== seq.current) return
          page.current = target
          loaded.current = true
          setTotal(result.total)
          setItems((prev) => (target === 1 || !prev ? result.items : [...prev, ...result.items]))
        })
        .catch((e: unknown) => {
          if (mine === seq.current) setError(describeFailure(e, '加载失败，请重试'))
        })
        .finally(() => {
          if (mine === seq.current) setLoading(false)
        })
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    deps,
  )

  const reload = useCallback(() => fetchPage(1), [fetchPage])
  useEffect(reload, [reload])
  useDidShow(() => {
    if (options.refreshOnShow && loaded.current) reload()
  })

  return {
    items,
    total,
    error,
    loading,
    reload,
    loadMore: () => fetchPage(page.current + 1),
    replace: (match, next) => setItems((prev) => prev && prev.map((item) => (match(item) ? next : item))),
  }
}
