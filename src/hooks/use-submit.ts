import Taro from '@tarojs/taro'
import { useCallback, useRef, useState } from 'react'
import { ApiError } from '../api/client'
import { goToLogin } from './use-remote'

export interface Submit {
  /** The key of the write running now, or null. */
  busy: string | null
  /** The server's message when the last write was refused. */
  error: string | null
  /** The key of the write that was refused. */
  failed: string | null
  /** Runs one write; answers its result, or null when it failed (the message is in `error`, and toasted if asked). */
  run: <T>(
    key: string,
    write: () => Promise<T>,
    options?: { success?: string; toastError?: boolean },
  ) => Promise<T | null>
  clearError: () => void
}

/** The message to show for a failed write; an expired login goes to the login page instead. */
export function describeFailure(error: unknown, fallback = '操作没有成功，请重试'): string {
  if (error instanceof ApiError && error.code === 'unauthenticated') goToLogin()
  return error instanceof Error && error.message ? error.message : fallback
}

/** Runs writes from taps one at a time: busy state, the server's Chinese message on refusal, a toast on success. */
export function useSubmit(): Submit {
  const [busy, setBusy] = useState<string | null>(null)
  const [error, setError] = useState<{ key: string; message: string } | null>(null)
  const running = useRef(false)

  const run = useCallback(
    async <T>(key: string, write: () => Promise<T>, options: { success?: string; toastError?: boolean } = {}) => {
      // A second tap while the first is on its way would send the write twice.
      if (running.current) return null
      running.current = true
      setBusy(key)
      setError(null)
      try {
        const result = await write()
        if (options.success) Taro.showToast({ title: options.success, icon: 'success', duration: 1800 })
        return result
      } catch (e) {
        const message = describeFailure(e)
        setError({ key, message })
        if (options.toastError) Taro.showToast({ title: message, icon: 'none', duration: 2500 })
        return null
      } finally {
        running.current = false
        setBusy(null)
      }
    },
    [],
  )

  return {
    busy,
    error: error?.message ?? null,
    failed: error?.key ?? null,
    run,
    clearError: useCallback(() => setError(null), []),
  }
}
