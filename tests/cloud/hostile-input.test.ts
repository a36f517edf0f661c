/**
 * Hostile input: every action, under every kind of caller, answers arbitrary payloads with a 4xx envelope (or a
 * normal answer), never a 500 or a crash, and a refused request writes nothing. Over HTTP, whatever bytes arrive.
 */
import fs from 'node:fs'
import http from 'node:http'
import path from 'node:path'
import Database from 'better-sqlite3'
import * as fc from 'fast-check'
import type { Principal } from '../../src/cloud/context'
import { ACTIONS } from '../../src/cloud/router'
import { createInProcess, startTestGateway, type InProcess, type OverHttp } from './helpers'
import { payloadFor } from './hostile-values'

jest.setTimeout(60_000)

const ACTION_NAMES = Object.keys(ACTIONS)
/** ≥ 10,000 in-process cases across the suite, whatever the number of actions. */
const RUNS_PER_ACTION = Math.ceil(10_000 / ACTION_NAMES.length)
let casesRun = 0

let app: InProcess
let snapshotDb: Database.Database
let tables: string[]
let principals: { who: string; principal: Principal }[]

/** Row counts of every table, read through a second connection: what a committed write would change. */
function snapshot(): string {
  return tables
    .map((t) => `${t}=${(snapshotDb.prepare(`SELECT count(*) AS n FROM "${t}"`).get() as { n: number }).n}`)
    .join(' ')
}

/** Changes whenever another connection commits (SQLite's data_version). */
function dataVersion(): number {
  return snapshotDb.pragma('data_version', { simple: true }) as number
}

beforeAll(async () => {
  app = await createInProcess()
  snapshotDb = new Database(app.dbFile, { readonly: true })
  tables = (
    snapshotDb.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]
  ).map((r) => r.name)
  const organizer = (
    snapshotDb.prepare("SELECT employee_no AS no FROM employees WHERE role = 'organizer' LIMIT 1").get() as {
      no: string
    }
  ).no
  principals = [
    { who: 'anonymous', principal: {} },
    { who: 'unbound WeChat caller', principal: { openid: 'o-fuzz-unbound' } },
    { who: 'employee', principal: await app.as('E0150') },
    { who: 'organizer', principal: await app.as(organizer) },
    { who: 'admin', principal: await app.as('E0001') },
    { who: 'unknown employee id', principal: { employeeId: 987654 } },
  ]
})

afterAll(async () => {
  snapshotDb?.close()
  await app?.close()
  console.log(`hostile input: ${casesRun} in-process cases over ${ACTION_NAMES.length} actions`)
})

describe('every action under arbitrary payloads', () => {
  it.each(ACTION_NAMES)('%s answers an envelope below 500 and a refusal writes nothing', async (action) => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 5 }), payloadFor(action), async (who, payload) => {
        casesRun++
        const before = snapshot()
        const version = dataVersion()
        const result = await app.router(action, payload, principals[who].principal)
        expect(result.status).toBeLessThan(500)
        if (result.body.ok) {
          expect(result.status).toBe(200)
        } else {
          expect(result.status).toBeGreaterThanOrEqual(400)
          expect(typeof result.body.error.code).toBe('string')
          expect(result.body.error.message).toMatch(/[\u4e00-\u9fa5]/)
          expect(snapshot()).toBe(before)
          expect(dataVersion()).toBe(version)
        }
        expect(({} as Record<string, unknown>).polluted).toBeUndefined()
        expect(({} as Record<string, unknown>).role).toBeUndefined()
      }),
      { numRuns: RUNS_PER_ACTION },
    )
  })

  it('answers an unknown action with 404 whatever its name', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.string(), fc.constantFrom('__proto__', 'constructor', 'toString', 'hasOwnProperty', '')),
        fc.integer({ min: 0, max: 5 }),
        async (action, who) => {
          fc.pre(!Object.prototype.hasOwnProperty.call(ACTIONS, action))
          casesRun++
          const result = await app.router(action, {}, principals[who].principal)
          expect(result).toMatchObject({ status: 404, body: { ok: false, error: { code: 'unknown_action' } } })
        },
      ),
      { numRuns: 300 },
    )
  })
})

describe('hostile requests over HTTP', () => {
  let gw: OverHttp
  let token: string

  beforeAll(async () => {
    gw = await startTestGateway({ RATE_LIMIT_WRITES: '0' })
    token = await gw.login('E0150')
  })

  afterAll(() => gw.close())

  /** Sends exactly these bytes, path and headers (fetch would normalise the path). */
  function raw(
    method: string,
    pathname: string,
    body: Buffer | string | null,
    headers: Record<string, string> = {},
  ): Promise<{ status: number; json: any; headers: http.IncomingHttpHeaders }> {
    const url = new URL(gw.server.url)
    return new Promise((resolve, reject) => {
      const req = http.request({ host: url.hostname, port: url.port, method, path: pathname, headers }, (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8')
          let json: unknown = text
          try {
            json = JSON.parse(text)
          } catch {
            // not JSON: the assertion on the envelope reports it
          }
          resolve({ status: res.statusCode ?? 0, json, headers: res.headers })
        })
      })
      // The server may answer 413 and close before the whole body is sent.
      req.on('error', (error: NodeJS.ErrnoException) =>
        error.code === 'EPIPE' || error.code === 'ECONNRESET'
          ? resolve({ status: 0, json: null, headers: {} })
          : reject(error),
      )
      if (body !== null) req.end(body)
      else req.end()
    })
  }

  function expectClientError(response: { status: number; json: any }, status?: number, code?: string) {
    expect(response.status).toBeGreaterThanOrEqual(400)
    expect(response.status).toBeLessThan(500)
    if (status) expect(response.status).toBe(status)
    expect(response.json).toMatchObject({
      ok: false,
      error: { code: code ?? expect.any(String), message: expect.any(String) },
    })
  }

  it('answers malformed JSON with 400 invalid_json', async () => {
    for (const body of ['{', '{"activityId": 1,}', "{'a': 1}", 'undefined', '\u0000', '{"a":1}{"b":2}', '[1,2']) {
      expectClientError(await gw.post('registration.create', body, token, true), 400, 'invalid_json')
    }
  })

  it('answers a body that is not UTF-8 JSON with 400', async () => {
    const response = await raw('POST', '/api/registration.create', Buffer.from([0xff, 0xfe, 0x00, 0x7b]), {
      'Content-Type': 'application/json',
      Authorization: `Bearer ${token}`,
    })
    expectClientError(response, 400)
  })

  it('answers oversized bodies with 413, declared or not', async () => {
    const big = JSON.stringify({ title: 'x'.repeat(600 * 1024) })
    expectClientError(await gw.post('registration.create', big, token, true), 413, 'payload_too_large')
    const chunked = await raw('POST', '/api/registration.create', big, {
      'Content-Type': 'application/json',
      'Transfer-Encoding': 'chunked',
    })
    expectClientError(chunked, 413, 'payload_too_large')
    const lying = await raw('POST', '/api/me.get', '{}', { 'Content-Length': String(50 * 1024 * 1024) })
    if (lying.status !== 0) expectClientError(lying, 413)
  })

  it('answers deeply nested JSON without crashing', async () => {
    const deep = '['.repeat(200_000) + ']'.repeat(200_000)
    expectClientError(await gw.post('registration.create', deep, token, true), 400)
    const deepObject = '{"activityId":' + '{"a":'.repeat(50_000) + '1' + '}'.repeat(50_000) + '}'
    expectClientError(await gw.post('registration.create', deepObject, token, true), 400)
    expect((await gw.post('me.get', {}, token)).status).toBe(200)
  })

  it('answers unknown actions with 404 unknown_action', async () => {
    for (const action of ['nope', '__proto__', 'constructor', 'admin', '%2e%2e%2fetc%2fpasswd', 'me.get/extra']) {
      expectClientError(await gw.post(action, {}, token), 404, 'unknown_action')
    }
  })

  it('answers other methods than POST with 405', async () => {
    for (const method of ['GET', 'PUT', 'DELETE', 'PATCH']) {
      expectClientError(await raw(method, '/api/me.get', null, { Authorization: `Bearer ${token}` }), 405)
    }
  })

  it('answers weird content types as JSON or 400, never 500', async () => {
    for (const type of ['text/plain', 'multipart/form-data; boundary=x', 'application/x-www-form-urlencoded', '']) {
      const form = await raw('POST', '/api/registration.create', 'activityId=1&a=<script>', {
        'Content-Type': type,
        Authorization: `Bearer ${token}`,
      })
      expectClientError(form, 400, 'invalid_json')
    }
  })

  it('keeps path traversal inside the static folder', async () => {
    for (const pathname of ['/api/../../etc/passwd', '/../../etc/passwd', '/%2e%2e/%2e%2e/etc/passwd', '/%E0%A4%A']) {
      const response = await raw('GET', pathname, null)
      expectClientError(response)
      expect(JSON.stringify(response.json)).not.toContain('root:')
    }
  })

  it('refuses tampered or garbage tokens with 401', async () => {
    for (const header of [`Bearer ${token}x`, 'Bearer', 'Basic abc', `Bearer ${'a'.repeat(10_000)}`, 'Bearer a.b.c']) {
      expectClientError(await raw('POST', '/api/me.get', '{}', { Authorization: header }), 401)
    }
  })

  it('answers any bytes to any action below 500', async () => {
    const names = [...ACTION_NAMES, 'nope']
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...names),
        fc.oneof(
          fc.string(),
          fc.json(),
          fc.uint8Array({ maxLength: 200 }).map((b) => Buffer.from(b).toString('latin1')),
        ),
        async (action, body) => {
          const response = await gw.post(action, body, token, true)
          expect(response.status).toBeLessThan(500)
          expect(response.json).toHaveProperty('ok')
        },
      ),
      { numRuns: 300 },
    )
  })

  it('refuses markup in user text and sends other text back verbatim as JSON', async () => {
    const admin = await gw.login('E0001')
    const hour = 3600 * 1000
    const activity = (title: string) => ({
      category: 'lecture',
      title,
      startsAt: new Date(Date.now() + 48 * hour).toISOString(),
      endsAt: new Date(Date.now() + 50 * hour).toISOString(),
    })
    const markup = await gw.post('admin.activity.create', activity('<script>alert(1)</script>'), admin)
    expectClientError(markup, 400, 'invalid_input')

    const title = '讲座 <b>1 < 2</b> & "引号" \'单引号\''
    const created = await gw.post('admin.activity.create', activity(title), admin)
    expect(created.status).toBe(200)
    const shown = await gw.post('activity.get', { id: created.json.data.id }, token)
    expect(shown.headers.get('content-type')).toMatch(/^application\/json/)
    expect(shown.headers.get('x-content-type-options')).toBe('nosniff')
    expect(shown.json.data.title).toBe(title)
  })
})

describe('the app never renders user text as HTML', () => {
  const SRC = path.resolve(__dirname, '../../src')

  function sourceFiles(dir: string): string[] {
    return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
      const full = path.join(dir, entry.name)
      if (entry.isDirectory()) return full === path.join(SRC, 'cloud') ? [] : sourceFiles(full)
      return /\.(tsx?|jsx?)$/.test(entry.name) ? [full] : []
    })
  }

  it('has no raw-HTML sink (dangerouslySetInnerHTML, innerHTML, RichText) in the phone code', () => {
    const sinks = /dangerouslySetInnerHTML|\.innerHTML\s*=|outerHTML|insertAdjacentHTML|<RichText\b|document\.write/
    const offenders = sourceFiles(SRC).filter((file) => sinks.test(fs.readFileSync(file, 'utf8')))
    expect(offenders.map((file) => path.relative(SRC, file))).toEqual([])
  })
})
