/**
 * Crash safety: the gateway is killed with SIGKILL in the middle of a registration storm and restarted on the
 * same data directory. Every registration acknowledged to a client must be there, counts must match the rows,
 * and no seat may be oversold.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import http from 'node:http'
import path from 'node:path'
import Database from 'better-sqlite3'
import { makeTempDir, TEST_SECRET } from './helpers'
import { activityStartingIn, postJson, registrationRows, seatCounts } from './storm'

jest.setTimeout(60_000)

const ROOT = path.resolve(__dirname, '../..')
const SEATS = 50
const EMPLOYEES = 200
const KILL_AFTER_ACKS = 60

interface Gateway {
  child: ChildProcess
  url: string
  exited: Promise<number | null>
}

let temp: ReturnType<typeof makeTempDir>
let running: Gateway | null = null

/** Starts `npm start`'s entry on the temp data dir (an empty static dir, so no H5 build) and waits for its URL. */
function startGateway(): Promise<Gateway> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      DATA_DIR: path.join(temp.dir, 'data'),
      STATIC_DIR: path.join(temp.dir, 'static'),
      PORT: '0',
      HOST: '127.0.0.1',
      TOKEN_SECRET,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
  return new Promise((resolve, reject) => {
    let output = ''
    const onData = (chunk: Buffer) => {
      output += chunk.toString('utf8')
      const match = /文明实践已启动：(http:\/\/\S+)/.exec(output)
      if (match) {
        child.stdout!.off('data', onData)
        child.stdout!.resume()
        resolve({ child, url: match[1], exited })
      }
    }
    child.stdout!.on('data', onData)
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')))
    void exited.then((code) => reject(new Error(`gateway exited (${code}) before it started:\n${output}`)))
  })
}

const TOKEN_SECRET = TEST_SECRET
// One socket per client: the storm really is concurrent.
const agent = new http.Agent({ keepAlive: true, maxSockets: EMPLOYEES + 10 })

/** POST /api/<action> over the storm's agent; rejects when the connection dies before an answer. */
const post = (url: string, action: string, body: unknown, token?: string) =>
  postJson(agent, url, `/api/${action}`, body, token)

const employeeNo = (i: number) => `E${String(i).padStart(4, '0')}`

beforeAll(() => {
  temp = makeTempDir()
  fs.mkdirSync(path.join(temp.dir, 'static'))
})

afterAll(async () => {
  agent.destroy()
  if (running && running.child.exitCode === null) {
    running.child.kill('SIGTERM')
    await running.exited
  }
  temp.cleanup()
})

describe('a registration storm interrupted by SIGKILL', () => {
  it('keeps every acknowledged registration, oversells no seat, and keeps counts equal to rows', async () => {
    running = await startGateway()
    const first = running
    const admin = (await post(first.url, 'auth.devLogin', { employeeNo: 'E0001' })).json.data.token as string
    const created = await post(
      first.url,
      'admin.activity.create',
      activityStartingIn(48, { category: 'sports', title: '断电演练', capacity: SEATS }),
      admin,
    )
    expect(created.status).toBe(200)
    const activityId = created.json.data.id as number

    const tokens: string[] = []
    for (let i = 1; i <= EMPLOYEES; i++) {
      tokens.push((await post(first.url, 'auth.devLogin', { employeeNo: employeeNo(i) })).json.data.token)
    }

    // The storm: every employee at once; the gateway dies as soon as KILL_AFTER_ACKS answers have arrived.
    const acked: { employeeNo: string; id: number; status: string }[] = []
    let lost = 0
    await Promise.all(
      tokens.map((token, i) =>
        post(first.url, 'registration.create', { activityId }, token).then(
          ({ status, json }) => {
            if (status !== 200) return
            acked.push({ employeeNo: employeeNo(i + 1), id: json.data.registration.id, status: json.data.status })
            if (acked.length === KILL_AFTER_ACKS) first.child.kill('SIGKILL')
          },
          () => lost++,
        ),
      ),
    )
    await first.exited
    expect(first.child.signalCode).toBe('SIGKILL')
    expect(acked.length).toBeGreaterThanOrEqual(KILL_AFTER_ACKS)
    expect(lost).toBeGreaterThan(0) // the kill landed mid-storm
    console.log(`crash safety: ${acked.length} acknowledged, ${lost} cut off by SIGKILL`)

    running = await startGateway()
    const db = new Database(path.join(temp.dir, 'data', 'wenming.db'), { readonly: true })
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
      const rows = registrationRows(db, activityId)
      const byId = new Map(rows.map((row) => [row.id, row]))
      const missing = acked.filter((a) => {
        const row = byId.get(a.id)
        return !row || row.employeeNo !== a.employeeNo || row.status !== a.status
      })
      expect(missing).toEqual([])

      const { live, confirmed, waitlisted } = seatCounts(rows)
      expect(confirmed).toBeLessThanOrEqual(SEATS)
      expect(confirmed + waitlisted).toBe(live.length)
      expect(new Set(live.map((row) => row.employeeNo)).size).toBe(live.length)
      // Nobody waits while a seat is free.
      if (waitlisted > 0) expect(confirmed).toBe(SEATS)

      const detail = await post(running.url, 'activity.get', { id: activityId }, admin)
      expect(detail.json.data).toMatchObject({ confirmedCount: confirmed, waitlistCount: waitlisted })
    } finally {
      db.close()
    }

    // Everyone retries after the restart: the acknowledged get their own registration back, the rest get one.
    const retried = await Promise.all(
      tokens.map((token) => post(running!.url, 'registration.create', { activityId }, token)),
    )
    expect(retried.every((r) => r.status === 200)).toBe(true)
    for (const a of acked) {
      const again = retried[Number(a.employeeNo.slice(1)) - 1].json.data
      expect(again).toMatchObject({ existing: true, registration: { id: a.id } })
    }
    const after = await post(running.url, 'activity.get', { id: activityId }, admin)
    expect(after.json.data).toMatchObject({ confirmedCount: SEATS, waitlistCount: EMPLOYEES - SEATS })
  })
})
