import path from 'node:path'
import { createRouter, type Router } from './router'
import { resolveSecret } from './secret'
import { openSqliteStore } from './store/sqlite'

/** What a WeChat cloud function receives from `callFunction({ name: 'api', data: { action, payload } })`. */
export interface WxEvent {
  action?: unknown
  payload?: unknown
}

/** The part of wx-server-sdk the function uses. */
export interface WxServerSdk {
  init(options?: { env?: unknown }): void
  getWXContext(): { OPENID?: string }
  DYNAMIC_CURRENT_ENV: unknown
}

/**
 * Builds the cloud function's `main`: identity only from `getWXContext().OPENID`, everything else from
 * the router, which `loadRouter` builds once, on the first call.
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

/** The router of a deployed function, on the store its environment names. */
export async function loadRouterFromEnv(env: Record<string, string | undefined> = process.env): Promise<Router> {
  const store = openSqliteStore(path.join(env.DATA_DIR ?? '/tmp/wenming', 'wenming.db'))
  const tokenSecret = await resolveSecret(store, env.TOKEN_SECRET)
  // Demo logins never exist in WeChat: identity is the OPENID bound to the roster.
  return createRouter({ store, config: { demoMode: false, tokenSecret, tokenTtlSeconds: 3600 } })
}

let deployed: ReturnType<typeof createWxMain> | null = null

/** The cloud function entry: `exports.main = async (event, context) => …`. */
export async function main(event: WxEvent): Promise<unknown> {
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  deployed ??= createWxMain(require('wx-server-sdk') as WxServerSdk, () => loadRouterFromEnv())
  return deployed(event)
}
