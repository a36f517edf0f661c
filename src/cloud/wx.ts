import path from 'node:path'
import { deliverDueReminders } from './reminders'
import { createRateLimiter, DEFAULT_WRITE_RATE_LIMIT } from './rate-limit'
import { createRouter, type Router } from './router'
import { resolveSecret } from './secret'
import { openStore } from './store/open'

/** What a WeChat cloud function receives from `callFunction({ name: 'api', data: { action, payload } })`. */
export interface WxEvent {
  action?: unknown
  payload?: unknown
  /** Set by WeChat when a timer trigger (config.json `triggers`) calls the function. */
  Type?: unknown
}

/** What the function runs on: the router for calls from the app, the timer job for triggers. */
export interface WxRuntime {
  router: Router
  onTimer: () => Promise<unknown>
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
export function createWxMain(sdk: WxServerSdk, loadRuntime: () => Promise<WxRuntime>) {
  sdk.init({ env: sdk.DYNAMIC_CURRENT_ENV })
  let runtime: Promise<WxRuntime> | null = null
  return async (event: WxEvent) => {
    runtime ??= loadRuntime()
    const { router, onTimer } = await runtime
    const { OPENID } = sdk.getWXContext()
    // A timer trigger has no user behind it; a call from the app always has an OPENID.
    if (event?.Type === 'Timer' && !OPENID) return { ok: true, data: await onTimer() }
    const action = typeof event?.action === 'string' ? event.action : ''
    const result = await router(action, event?.payload, OPENID ? { openid: OPENID } : {})
    return result.body
  }
}

/** The runtime of a deployed function, on the store its environment names. */
export async function loadRuntimeFromEnv(env: Record<string, string | undefined> = process.env): Promise<WxRuntime> {
  // PostgreSQL (DATABASE_URL) for a real deployment: a cloud function's own disk is neither shared nor kept.
  const store = await openStore({
    databaseUrl: env.DATABASE_URL || null,
    databaseFile: path.join(env.DATA_DIR ?? '/tmp/wenming', 'wenming.db'),
  })
  const tokenSecret = await resolveSecret(store, env.TOKEN_SECRET)
  // Demo logins never exist in WeChat: identity is the OPENID bound to the roster.
  // Writes are limited per OPENID within this instance (WeChat may run several: it is a brake, not a quota).
  const router = createRouter({
    store,
    config: { demoMode: false, tokenSecret, tokenTtlSeconds: 3600 },
    writeLimiter: createRateLimiter(DEFAULT_WRITE_RATE_LIMIT),
  })
  return { router, onTimer: async () => ({ reminders: await deliverDueReminders(store, new Date()) }) }
}

let deployed: ReturnType<typeof createWxMain> | null = null

/** The cloud function entry: `exports.main = async (event, context) => …`. */
export async function main(event: WxEvent): Promise<unknown> {
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  deployed ??= createWxMain(require('wx-server-sdk') as WxServerSdk, () => loadRuntimeFromEnv())
  return deployed(event)
}
