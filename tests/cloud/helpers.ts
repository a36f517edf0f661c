import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Principal } from '../../src/cloud/context'
import { readConfig } from '../../src/cloud/config'
import { seedDemoData } from '../../src/cloud/demo/seed'
import { createRouter, type Router } from '../../src/cloud/router'
import { startServer, type RunningServer } from '../../src/cloud/server'
import { openSqliteStore } from '../../src/cloud/store/sqlite'
import type { Store } from '../../src/cloud/store/types'

export const TEST_SECRET = 'test-secret-test-secret-test-secret-0123'
export const FIXED_NOW = new Date('2026-03-01T02:00:00.000Z')

/** The four theme titles of the current plan in the demo data (src/cloud/demo/plan-2023.txt), in order. */
export const DEMO_THEMES = [
  '以社会主义核心价值观为根本，加强道德思想建设',
  '以新时代文明风尚为导向，持续践行新时代文明',
  '以文明单位创建为抓手，深化精神文明创建活动',
  '以优秀文化为载体，丰富职工精神文化生活',
]

/** A fresh directory under the OS temp dir, removed by `cleanup`. */
export function makeTempDir(): { dir: string; cleanup: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wm-test-'))
  return { dir, cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) }
}

export interface InProcess {
  store: Store
  router: Router
  dbFile: string
  /** Moves the router's clock (it starts at FIXED_NOW). */
  setNow: (date: Date) => void
  /** The principal of a demo employee by 工号. */
  as: (employeeNo: string) => Promise<Principal>
  call: (action: string, payload?: unknown, principal?: Principal) => ReturnType<Router>
  close: () => Promise<void>
}

/** The router on a real SQLite file in a temp dir, loaded with the demo data. */
export async function createInProcess(options: { demoMode?: boolean; seed?: boolean } = {}): Promise<InProcess> {
  const { dir, cleanup } = makeTempDir()
  const dbFile = path.join(dir, 'test.db')
  const store = openSqliteStore(dbFile)
  if (options.seed !== false) await seedDemoData(store, FIXED_NOW)
  let now = FIXED_NOW
  const router = createRouter({
    store,
    clock: () => now,
    config: { demoMode: options.demoMode ?? true, tokenSecret: TEST_SECRET, tokenTtlSeconds: 3600 },
  })
  return {
    store,
    router,
    dbFile,
    setNow: (date) => {
      now = date
    },
    as: async (employeeNo) => ({ employeeId: (await store.getEmployeeByNo(employeeNo))!.id }),
    call: (action, payload = {}, principal = {}) => router(action, payload, principal),
    async close() {
      await store.close()
      cleanup()
    },
  }
}

export interface OverHttp {
  server: RunningServer
  dataDir: string
  post: (
    action: string,
    body?: unknown,
    token?: string,
    raw?: boolean,
  ) => Promise<{ status: number; json: any; headers: Headers }>
  login: (employeeNo: string) => Promise<string>
  close: () => Promise<void>
}

/** The real gateway over HTTP on a free loopback port, with its own data dir. */
export async function startTestGateway(env: Record<string, string> = {}): Promise<OverHttp> {
  const { dir, cleanup } = makeTempDir()
  const config = readConfig({
    DATA_DIR: dir,
    PORT: '0',
    HOST: '127.0.0.1',
    STATIC_DIR: path.join(dir, 'static'),
    ...env,
  })
  const server = await startServer(config)
  const post: OverHttp['post'] = async (action, body = {}, token, raw = false) => {
    const headers: Record<string, string> = { 'Content-Type': 'application/json' }
    if (token) headers.Authorization = `Bearer ${token}`
    const response = await fetch(`${server.url}/api/${action}`, {
      method: 'POST',
      headers,
      body: raw ? (body as string) : JSON.stringify(body),
    })
    const text = await response.text()
    let json: unknown = null
    try {
      json = JSON.parse(text)
    } catch {
      json = text
    }
    return { status: response.status, json, headers: response.headers }
  }
  return {
    server,
    dataDir: dir,
    post,
    async login(employeeNo) {
      const { json } = await post('auth.devLogin', { employeeNo })
      return json.data.token as string
    },
    async close() {
      await server.close()
      cleanup()
    },
  }
}
