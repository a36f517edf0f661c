import { useCallback, useEffect, useRef, useState } from 'react'
import { ApiError, fetchActivities, type ActivityQuery } from '../../api/client'
import type { ActivitySummary } from '../../domain/activity'
import { goToLogin } from '../../hooks/use-remote'

export const PAGE_SIZE = 10

export interface ActivityPages {
  items: ActivitySummary[] | null
  total: number
  /** First page loading with nothing to show yet. */
  loading: boolean
  loadingMore: boolean
  error: string | null
  moreError: string | null
  hasMore: boolean
  loadMore: () => void
  /** Reloads every page loaded so far, keeping what is shown until the answer arrives. */
  refresh: () => Promise<void>
  retry: () => void
}

function uniqueById(items: ActivitySummary[]): ActivitySummary[] {
  const byId = new Map<number, ActivitySummary>()
  for (const a of items) if (!byId.has(a.id)) byId.set(a.id, a)
  return [...byId.values()]
}

function messageOf(e: unknown): string {
  if (e instanceof ApiError && e.code === 'unauthenticated') goToLogin()
  return e instanceof Error ? e.message : '加载失败，请重试'
}

/** Activities matching `filter`, page by page: first page on filter change, more on demand, refresh in place. */
export function useActivityPages(filter: Omit<ActivityQuery, 'page' | 'pageSize'>): ActivityPages {
  const [items, setItems] = useState<ActivitySummary[] | null>(null)
  const [total, setTotal] = useState(0)
  const [pages, setPages] = useState(0)
  const [loading, setLoading] = useState(true)
  const [loadingMore, setLoadingMore] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [moreError, setMoreError] = useState<string | null>(null)
  // Answers to an older filter are dropped: only the latest request may write.
  const seq = useRef(0)
  const { category, status, planItemId } = filter

  const loadFirst = useCallback(() => {
    const mine = ++seq.current
    setItems(null)
    setLoading(true)
    setError(null)
    setMoreError(null)
    fetchActivities({ category, status, planItemId, page: 1, pageSize: PAGE_SIZE })
      .then((page) => {
        if (mine !== seq.current) return
        setItems(page.items)
        setTotal(page.total)
        setPages(1)
      })
      .catch((e: unknown) => {
        if (mine === seq.current) setError(messageOf(e))
      })
      .finally(() => {
        if (mine === seq.current) setLoading(false)
      })
  }, [category, status, planItemId])

  useEffect(loadFirst, [loadFirst])

  const hasMore = items !== null && items.length < total

  const loadMore = () => {
    if (!hasMore || loadingMore || loading) return
    const mine = seq.current
    setLoadingMore(true)
    setMoreError(null)
    fetchActivities({ category, status, planItemId, page: pages + 1, pageSize: PAGE_SIZE })
      .then((page) => {
        if (mine !== seq.current) return
        // A new activity published meanwhile shifts the pages by one: drop the repeat.
        setItems((before) => uniqueById([...(before ?? []), ...page.items]))
        setTotal(page.total)
        setPages(pages + 1)
      })
      .catch((e: unknown) => {
        if (mine === seq.current) setMoreError(messageOf(e))
      })
      .finally(() => setLoadingMore(false))
  }

  const refresh = async () => {
    if (items === null) {
      loadFirst()
      return
    }
    const mine = ++seq.current
    const count = Math.max(1, pages)
    try {
      const answers = await Promise.all(
        Array.from({ length: count }, (_, i) =>
          fetchActivities({ category, status, planItemId, page: i + 1, pageSize: PAGE_SIZE }),
        ),
      )
      if (mine !== seq.current) return
      setItems(uniqueById(answers.flatMap((page) => page.items)))
      setTotal(answers[answers.length - 1].total)
      setError(null)
      setMoreError(null)
    } catch (e) {
      // A failed silent refresh keeps the list on screen; only an expired login needs acting on.
      if (mine === seq.current) messageOf(e)
    }
  }

  return { items, total, loading, loadingMore, error, moreError, hasMore, loadMore, refresh, retry: loadFirst }
}
