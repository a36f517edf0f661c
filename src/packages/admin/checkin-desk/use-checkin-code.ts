import { useCallback, useEffect, useRef, useState } from 'react'
import { fetchCheckinCode } from '../../../api/client'
import type { CheckinCode } from '../../../domain/activity'
import { describeFailure } from '../shared/feedback'

const RETRY_MS = 15_000

export interface LiveCode {
  code: CheckinCode | null
  error: string | null
  /** Whole seconds until the code turns, or null before the first one. */
  secondsLeft: number | null
  retry: () => void
}

/** The rotating check-in code of an activity, fetched again as it turns; `active` pauses it while the page is hidden. */
export function useCheckinCode(activityId: number, active: boolean): LiveCode {
  const [code, setCode] = useState<CheckinCode | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [now, setNow] = useState(() => Date.now())
  const busy = useRef(false)
  const lastTry = useRef(0)

  const load = useCallback(() => {
    if (busy.current) return
    busy.current = true
    lastTry.current = Date.now()
    fetchCheckinCode(activityId)
      .then((next) => {
        setCode(next)
        setError(null)
      })
      .catch((e: unknown) => setError(describeFailure(e, '没能取得签到码')))
      .finally(() => {
        busy.current = false
      })
  }, [activityId])

  useEffect(() => {
    if (!active) return
    const tick = () => {
      const at = Date.now()
      setNow(at)
      const expired = !code || at >= Date.parse(code.validUntil)
      if (expired && (!error || at - lastTry.current >= RETRY_MS)) load()
    }
    tick()
    const timer = setInterval(tick, 1000)
    return () => clearInterval(timer)
  }, [active, code, error, load])

  const secondsLeft = code ? Math.max(0, Math.ceil((Date.parse(code.validUntil) - now) / 1000)) : null
  return { code, error, secondsLeft, retry: load }
}
