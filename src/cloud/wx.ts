import path from 'node:path'
import { inboxOnlyNotifier, type Notifier } from './notify'
import { deliverDueReminders } from './reminders'
import { createRateLimiter, DEFAULT_WRITE_RATE_LIMIT } from './rate-limit'
import { createRouter, type Router } from './router'
import { resolveSecret } from './secret'
import { openStore } from './store/open'
import type { Store } from './store/types'
import { createWxNotifier, readSubscribeConfig, type SubscribeMessageApi } from './wx-notify'

/** What a WeChat cloud function receives from `callFunction({ name: 'api', data: { action, payload } })`. */
export interface WxEvent {
  action?: unknown
  payload?: unknown
  /** The app's key for a write, so that a retry after a lost answer does not write twice. */
  idempotencyKey?: unknown
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
  /** Cloud calls of WeChat's open API (config.json `permissions.openapi` lists the ones allowed). */
  openapi?: { subscribeMessage: SubscribeMessageApi }
}

/**
 * Builds the cloud function's `main`: identity only from `getWXContext().OPENID`, everything else from
 * the router, which `loadRouter` builds once, on the first call.
 */
export function createWxMain(sdk: WxServerSdk, loadRuntime: (sdk: WxServerSdk) => Promise<WxRuntime>) {
  sdk.init({ env: sdk.DYNAMIC_CURRENT_ENV })
  let runtime: Promise<WxRuntime> | null = null
  return async (event: WxEvent) => {
    runtime ??= loadRuntime(sdk)
    const { router, onTimer } = await runtime
    const { OPENID } = sdk.getWXContext()
    // A timer trigger has no user behind it; a call from the app always has an OPENID.
    if (event?.Type === 'Timer' && !OPENID) return { ok: true, data: await onTimer() }
    const action = typeof event?.action === 'string' ? event.action : ''
    const idempotencyKey = typeof event?.idempotencyKey === 'string' ? event.idempotencyKey : undefined
    const result = await router(action, event?.payload, OPENID ? { openid: OPENID } : {}, { idempotencyKey })
    return result.body
  }
}

/**
 * Subscribe messages through `sdk.openapi` for the kinds whose templates the environment names (SUBSCRIBE_*);
 * without an SDK (tests, tools) only the inbox.
 */
function createNotifier(sdk: WxServerSdk | undefined, env: Record<string, string | undefined>, store: Store): Notifier {
  if (!sdk) return inboxOnlyNotifier
  const config = readSubscribeConfig(env)
  for (const problem of config.problems) console.error(`subscribe messages: ${problem}`)
  if (Object.keys(config.templates).length === 0) return inboxOnlyNotifier
  return createWxNotifier({
    // Read at send time: the SDK sets up `openapi` in init().
    api: { send: (args) => sdk.openapi!.subscribeMessage.send(args) },
    config,
    openids: (ids) => store.getOpenids(ids),
  })
}

/** The runtime of a deployed function, on the store its environment names. */
export async function loadRuntimeFromEnv(
  env: Record<string, string | undefined> = process.env,
  sdk?: WxServerSdk,
): Promise<WxRuntime> {
  // PostgreSQL (DATABASE_URL) for a real deployment: a cloud function's own disk is neither shared nor kept.
  const store = await openStore({
    databaseUrl: env.DATABASE_URL || null,
    databaseFile: path.join(env.DATA_DIR ?? '/tmp/wenming', 'wenming.db'),
  })
  const tokenSecret = await resolveSecret(store, env.TOKEN_SECRET)
  const notifier = createNotifier(sdk, env, store)
  // Demo logins never exist in WeChat: identity is the OPENID bound to the roster.
  // Writes are limited per OPENID within this instance (WeChat may run several: it is a brake, not a quota).
  const router = createRouter({
    store,
    config: { demoMode: false, tokenSecret, tokenTtlSeconds: 3600 },
    writeLimiter: createRateLimiter(DEFAULT_WRITE_RATE_LIMIT),
    notifier,
    logError: (error, action) => console.error(`action ${action} failed`, error),
  })
  return { router, onTimer: async () => ({ reminders: await deliverDueReminders(store, new Date(), notifier) }) }
}

let deployed: ReturnType<typeof createWxMain> | null = null

/** The cloud function entry: `exports.main = async (event, context) => …`. */
export async function main(event: WxEvent): Promise<unknown> {
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  deployed ??= createWxMain(require('wx-server-sdk') as WxServerSdk, (sdk) => loadRuntimeFromEnv(process.env, sdk))
  return deployed(event)
}
