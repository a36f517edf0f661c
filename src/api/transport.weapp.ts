import Taro from '@tarojs/taro'
import type { Envelope } from '../domain/errors'

// Taro.cloud.callFunction takes no timeout (only callContainer does): race it with a timer, as H5 does with fetch.
const TIMEOUT_MS = 15000

/** WeChat: the single cloud function `api`; identity comes from the OPENID WeChat attaches. */
export async function sendAction<T>(
  action: string,
  payload: unknown,
  _token: string | null,
  idempotencyKey: string,
): Promise<Envelope<T>> {
  let timer: ReturnType<typeof setTimeout> | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timeout after ${TIMEOUT_MS} ms`)), TIMEOUT_MS)
  })
  try {
    const call = Taro.cloud.callFunction({ name: 'api', data: { action, payload: payload ?? {}, idempotencyKey } })
    const result = await Promise.race([call, timeout])
    return result.result as Envelope<T>
  } finally {
    clearTimeout(timer)
  }
}

export const usesTokenLogin = false
