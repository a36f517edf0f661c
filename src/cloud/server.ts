import type http from 'node:http'
import type { AddressInfo } from 'node:net'
import type { GatewayConfig } from './config'
import { seedDemoData } from './demo/seed'
import { createGateway } from './gateway'
import { createRateLimiter } from './rate-limit'
import { deliverDueReminders } from './reminders'
import { createRouter, type Router } from './router'
import { resolveSecret } from './secret'
import { openStore } from './store/open'
import type { Store } from './store/types'

export interface RunningServer {
  url: string
  server: http.Server
  store: Store
  router: Router
  close(): Promise<void>
}

/** Opens the store, loads demo data on first run (demo mode), and starts the gateway. */
export async function startServer(config: GatewayConfig, clock?: () => Date): Promise<RunningServer> {
  // A long-running process: the WAL is checkpointed in a worker thread, off the requests' path.
  const store = await openStore(config, { backgroundCheckpoints: true })
  const now = clock ?? (() => new Date())
  if (config.demoMode) await seedDemoData(store, now())
  const tokenSecret = await resolveSecret(store, config.tokenSecret)
  const router = createRouter({
    store,
    clock,
    config: { demoMode: config.demoMode, tokenSecret, tokenTtlSeconds: config.tokenTtlSeconds },
    logError: (error, action) => console.error(`action ${action} failed`, error),
    writeLimiter: config.writeRateLimit ? createRateLimiter(config.writeRateLimit) : undefined,
  })
  const server = createGateway({
    router,
    tokenSecret,
    clock,
    staticDir: config.staticDir,
    health: async () => (await store.countPlans().catch(() => -1)) >= 0,
    database: store.kind,
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(config.port, config.host, () => resolve())
  })
  // The gateway's stand-in for the timer cloud function: day-before reminders into the inbox.
  const remind = () => deliverDueReminders(store, now()).catch((error) => console.error('reminders failed', error))
  const reminderTimer =
    config.reminderIntervalMinutes > 0 ? setInterval(remind, config.reminderIntervalMinutes * 60 * 1000) : null
  reminderTimer?.unref()
  if (reminderTimer) await remind()
  const { port } = server.address() as AddressInfo
  const host = config.host.includes(':') ? `[${config.host}]` : config.host
  return {
    url: `http://${host}:${port}`,
    server,
    store,
    router,
    async close() {
      if (reminderTimer) clearInterval(reminderTimer)
      await new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      })
      await store.close()
    },
  }
}
