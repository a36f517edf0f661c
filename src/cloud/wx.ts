import type { Router } from './router'

/** What a WeChat cloud function receives from `callFunction({ name: 'api', data: { action, payload } })`. */
export interface WxEvent {
  action?: unknown
  payload?: unknown
}

interface WxServerSdk {
  init(options?: { env?: unknown }): void
  getWXContext(): { OPENID?: string }
  DYNAMIC_CURRENT_ENV: unknown
}

/**
 * Builds the cloud function's `main`: identity only from `getWXContext().OPENID`, everything else from
 * the router. `loadRouter` is called once, on the first invocation.
 */
export function createWxMain(sdk: WxServerSdk, loadRouter: () => Promise<Router>) {
  sdk.init({ env: sdk.DYNAMIC_CURRENT_ENV })
  let router: Promise<Router> | null = null
  return async (event: WxEvent) => {
    const { OPENID } = sdk.getWXContext()
    router ??= loadRouter()
    const action = typeof event?.action === 'string' ? event.action : ''
    const result = await (await router)(action, event?.payload, OPENID ? { openid: OPENID } : {})
    return result.body
  }
}
