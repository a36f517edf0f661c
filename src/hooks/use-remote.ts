import Taro, { useDidShow } from '@tarojs/taro'
import { useCallback, useEffect, useRef, useState } from 'react'
import { ApiError } from '../api/client'
import { getCurrentUrl } from './current-url'
import { isTimelineSinglePage, SINGLE_PAGE_HINT } from './single-page'

export const LOGIN_PAGE = '/packages/auth/login/index'

export interface Remote<T> {
  data: T | null
  error: string | null
  loading: boolean
  reload: () => void
}

/** Sends the user to the login page, remembering where they were (the `redirect` param) to come back after. */
export function goToLogin(): void {
  // Opened from Moments there is no login to go to, and WeChat allows no navigation: the page says so instead.
  if (isTimelineSinglePage()) return
  const pages = Taro.getCurrentPages()
  const current = pages[pages.length - 1]
  if (current?.route?.includes('packages/auth/login')) return
  const here = getCurrentUrl()
  if (here?.startsWith(LOGIN_PAGE)) return
  Taro.redirectTo({ url: here ? `${LOGIN_PAGE}?redirect=${encodeURIComponent(here)}` : LOGIN_PAGE })
}

/**
 * Loads data for a page: loading state, Chinese error message, retry; an expired login goes to the login page.
 * Opened from Moments (no identity, no login page) it loads nothing and answers with a hint to open the mini-program.
 */
export function useRemote<T>(
  load: () => Promise<T>,
  deps: unknown[] = [],
  options: {
    refreshOnShow?: boolean
    /** What to show at once while the first load runs (a copy kept from the last visit); replaced by the load. */
    initial?: () => T | null
  } = {},
): Remote<T> {
  const [singlePage] = useState(isTimelineSinglePage)
  const [data, setData] = useState<T | null>(() => (singlePage ? null : (options.initial?.() ?? null)))
  const [error, setError] = useState<string | null>(singlePage ? SINGLE_PAGE_HINT : null)
  const [loading, setLoading] = useState(!singlePage)
  const seq = useRef(0)
  const loaded = useRef(false)

  const run = useCallback(() => {
    if (singlePage) return
    const mine = ++seq.current
    setLoading(true)
    setError(null)
    load()
      .then((value) => {
        if (mine !== seq.current) return
        setData(value)
        loaded.current = true
      })
      .catch((e: unknown) => {
        if (mine !== seq.current) return
        if (e instanceof ApiError && e.code === 'unauthenticated') {
          goToLogin()
          return
        }
        setError(e instanceof Error ? e.message : '加载失败，请重试')
      })
      .finally(() => {
        if (mine === seq.current) setLoading(false)
      })
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps)

  useEffect(run, [run])
  useDidShow(() => {
    if (options.refreshOnShow && loaded.current) run()
  })

  return { data, error, loading, reload: run }
}
