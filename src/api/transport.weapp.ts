import Taro from '@tarojs/taro'
import type { Envelope } from '../domain/errors'

/** WeChat: the single cloud function `api`; identity comes from the OPENID WeChat attaches. */
export async function sendAction<T>(action: string, payload: unknown): Promise<Envelope<T>> {
  const result = await Taro.cloud.callFunction({ name: 'api', data: { action, payload: payload ?? {} } })
  return result.result as Envelope<T>
}

export const usesTokenLogin = false
