/**
 * npm run bench: measures, on this machine and in one run,
 *  (a) throughput and p50/p99 of activity.list and registration.create through the gateway at 1, 50 and 200
 *      concurrent clients, beside a bare node:http + better-sqlite3 endpoint that writes one row;
 *  (b) a registration storm of 1,000 clients on 50 seats, and how many seats were oversold;
 *  (c) the weapp main package and total size and the H5 initial JS (gzip) against their budgets;
 *  (d) the time until the home cards show in headless Chromium (a return visit, and a first visit with nothing kept),
 *      beside a bare Taro 4 H5 app built from scripts/bench-baseline.
 * Prints a table and writes bench-results/bench-<date>.json. Traffic goes to 127.0.0.1 only; every loop is bounded.
 * BENCH_SECONDS sets the length of each throughput measurement (default 4); BENCH_PROFILE=1 also writes a CPU
 * profile of the gateway (open it in Chrome DevTools) to bench-results/.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'
import zlib from 'node:zlib'
import Database from 'better-sqlite3'
import { seedDemoData } from '../src/cloud/demo/seed'
import { DEMO_DEPARTMENTS } from '../src/cloud/demo/roster'
import { openSqliteStore } from '../src/cloud/store/sqlite'
import { activityStartingIn, postJson, registrationRows, seatCounts } from '../tests/cloud/storm'

const ROOT = path.resolve(__dirname, '..')
const SECONDS = Number(process.env.BENCH_SECONDS ?? 4)
const LEVELS = [1, 50, 200]
const STORM_CLIENTS = 1000
const STORM_SEATS = 50
const BENCH_ACTIVITIES = 1500
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const HOME_CARD_TEXT = '以社会主义核心价值观为根本，加强道德思想建设'

/** Budgets: the weapp main package from DESIGN.md (tests/weapp), WeChat's own total limit, and the H5 one below. */
const BUDGETS = {
  weappMainBytes: 470 * 1024,
  weappTotalBytes: 20 * 1024 * 1024,
  // DESIGN.md names no number for H5; this is a provisional budget for a phone on a slow network.
  h5InitialJsGzipBytes: 250 * 1024,
}

interface Measurement {
  name: string
  clients: number
  requests: number
  errors: number
  rps: number
  p50Ms: number
  p99Ms: number
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'wm-bench-'))
const children: ChildProcess[] = []

/* ------------------------------------------------------------------------------------------------------------ */

/** Spawns a process and resolves with the first URL it prints (`…http://127.0.0.1:PORT`). */
function spawnServer(args: string[], env: Record<string, string>): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  children.push(child)
  return new Promise((resolve, reject) => {
    let output = ''
    const onData = (chunk: Buffer) => {
      output += chunk.toString('utf8')
      const match = /(http:\/\/127\.0\.0\.1:\d+)/.exec(output)
      if (match) {
        child.stdout!.off('data', onData)
        child.stdout!.resume()
        resolve({ child, url: match[1] })
      }
    }
    child.stdout!.on('data', onData)
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')))
    child.once('exit', (code) => reject(new Error(`server exited (${code}) before it started:\n${output}`)))
  })
}

const BARE_SERVER = `
const http = require('node:http')
const Database = require('better-sqlite3')
const db = new Database(process.env.BARE_DB)
db.pragma('journal_mode = WAL')
db.pragma('synchronous = NORMAL')
db.exec('CREATE TABLE IF NOT EXISTS rows (id INTEGER PRIMARY KEY, body TEXT NOT NULL, at TEXT NOT NULL)')
const insert = db.prepare('INSERT INTO rows (body, at) VALUES (?, ?)')
const server = http.createServer((req, res) => {
  const chunks = []
  req.on('data', (c) => chunks.push(c))
  req.on('end', () => {
    const body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}')
    const { lastInsertRowid } = insert.run(JSON.stringify(body), new Date().toISOString())
    const text = JSON.stringify({ ok: true, data: { id: Number(lastInsertRowid) } })
    res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(text) })
    res.end(text)
  })
})
server.listen(0, '127.0.0.1', () => console.log('bare http://127.0.0.1:' + server.address().port))
`

const percentile = (sorted: number[], p: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] : NaN

/** `clients` closed-loop clients, each sending its next request when the last is answered, for SECONDS. */
async function measure(
  name: string,
  clients: number,
  send: (agent: http.Agent, client: number, iteration: number) => Promise<{ status: number }>,
): Promise<Measurement> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: clients })
  const latencies: number[] = []
  let errors = 0
  // Warm-up: one request per client opens its connection.
  await Promise.all(Array.from({ length: clients }, (_, c) => send(agent, c, -1).catch(() => undefined)))
  const started = performance.now()
  const end = started + SECONDS * 1000
  await Promise.all(
    Array.from({ length: clients }, async (_, c) => {
      for (let i = 0; performance.now() < end; i++) {
        const t = performance.now()
        try {
          const { status } = await send(agent, c, i)
          if (status !== 200) errors++
        } catch {
          errors++
        }
        latencies.push(performance.now() - t)
      }
    }),
  )
  const elapsed = (performance.now() - started) / 1000
  agent.destroy()
  latencies.sort((a, b) => a - b)
  return {
    name,
    clients,
    requests: latencies.length,
    errors,
    rps: latencies.length / elapsed,
    p50Ms: percentile(latencies, 50),
    p99Ms: percentile(latencies, 99),
  }
}

const employeeNo = (i: number) => `E${String(i).padStart(4, '0')}`

/* ------------------------------------------------------------------------------------------------------------ */

/** Builds what is missing (never rebuilds what is there: say its age instead). */
function ensureBuild(type: 'h5' | 'weapp', marker: string): string {
  const file = path.join(ROOT, 'dist', type, marker)
  if (!fs.existsSync(file)) {
    console.log(`dist/${type} is missing: building it (taro build --type ${type})…`)
    const result = spawnSync(process.execPath, [require.resolve('@tarojs/cli/bin/taro'), 'build', '--type', type], {
      cwd: ROOT,
      stdio: 'inherit',
      env: { ...process.env, NODE_ENV: 'production' },
    })
    if (result.status !== 0) throw new Error(`taro build --type ${type} failed`)
  }
  return new Date(fs.statSync(file).mtimeMs).toISOString()
}

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name)
    return entry.isDirectory() ? filesUnder(full) : [full]
  })
}

function measureSizes() {
  const weappBuiltAt = ensureBuild('weapp', 'app.json')
  const h5BuiltAt = ensureBuild('h5', 'index.html')
  const weapp = path.join(ROOT, 'dist', 'weapp')
  const app = JSON.parse(fs.readFileSync(path.join(weapp, 'app.json'), 'utf8')) as {
    subPackages?: { root: string }[]
    subpackages?: { root: string }[]
  }
  const roots = (app.subPackages ?? app.subpackages ?? []).map(
    (p) => path.join(weapp, p.root.replace(/^\/+|\/+$/g, '')) + path.sep,
  )
  const files = filesUnder(weapp)
  const size = (file: string) => fs.statSync(file).size
  const weappTotalBytes = files.reduce((sum, f) => sum + size(f), 0)
  const weappMainBytes = files.filter((f) => !roots.some((r) => f.startsWith(r))).reduce((sum, f) => sum + size(f), 0)

  const h5 = path.join(ROOT, 'dist', 'h5')
  const html = fs.readFileSync(path.join(h5, 'index.html'), 'utf8')
  const scripts = [...html.matchAll(/<script[^>]*\ssrc="([^"]+)"/g)].map((m) => m[1].replace(/^\/+/, ''))
  const h5InitialJsGzipBytes = scripts.reduce(
    (sum, src) => sum + zlib.gzipSync(fs.readFileSync(path.join(h5, src)), { level: 9 }).length,
    0,
  )
  return { weappMainBytes, weappTotalBytes, h5InitialJsGzipBytes, h5InitialScripts: scripts, weappBuiltAt, h5BuiltAt }
}

/* ------------------------------------------------------------------------------------------------------------ */

const BARE_TEXT = '基线页面'

/**
 * Builds the bare Taro H5 app of scripts/bench-baseline with the project's own Taro, once per version of its
 * sources (kept in bench-results/bare-taro-h5); returns the folder to serve.
 */
function buildBareTaro(): string {
  const template = path.join(ROOT, 'scripts', 'bench-baseline')
  const out = path.join(ROOT, 'bench-results', 'bare-taro-h5')
  const taroVersion = JSON.parse(
    fs.readFileSync(path.join(ROOT, 'node_modules/@tarojs/cli/package.json'), 'utf8'),
  ).version
  const sources = createHash('sha256')
  for (const file of filesUnder(template).sort()) sources.update(file).update(fs.readFileSync(file))
  const fingerprint = `${taroVersion} ${sources.digest('hex')}`
  if (fs.existsSync(path.join(out, 'index.html')) && readText(path.join(out, '.fingerprint')) === fingerprint)
    return out
  console.log('building the bare Taro H5 baseline (once)…')
  const work = path.join(tmp, 'bare-taro')
  fs.cpSync(template, work, { recursive: true })
  fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(work, 'node_modules'))
  const result = spawnSync(process.execPath, [require.resolve('@tarojs/cli/bin/taro'), 'build', '--type', 'h5'], {
    cwd: work,
    env: { ...process.env, NODE_ENV: 'production' },
    encoding: 'utf8',
  })
  if (result.status !== 0) throw new Error(`bare Taro build failed:\n${result.stdout}\n${result.stderr}`)
  fs.rmSync(out, { recursive: true, force: true })
  fs.cpSync(path.join(work, 'dist'), out, { recursive: true })
  fs.writeFileSync(path.join(out, '.fingerprint'), fingerprint)
  return out
}

const readText = (file: string) => (fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '')

async function timeHomeCards(gatewayUrl: string) {
  if (!fs.existsSync(CHROMIUM)) return { skipped: `Chromium not found at ${CHROMIUM}` }
  const { chromium } = await import('playwright-core')
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking'],
  })
  const bareDir = buildBareTaro()
  const types: Record<string, string> = {
    '.html': 'text/html; charset=utf-8',
    '.js': 'text/javascript',
    '.css': 'text/css',
  }
  const bare = http.createServer((req, res) => {
    const pathname = new URL(req.url ?? '/', 'http://localhost').pathname
    const file = path.join(bareDir, pathname === '/' ? 'index.html' : path.normalize(pathname).replace(/^[/\\]+/, ''))
    if (!file.startsWith(bareDir) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404).end()
      return
    }
    res.writeHead(200, { 'Content-Type': types[path.extname(file)] ?? 'application/octet-stream' })
    res.end(fs.readFileSync(file))
  })
  await new Promise<void>((resolve) => bare.listen(0, '127.0.0.1', () => resolve()))
  const bareUrl = `http://127.0.0.1:${(bare.address() as { port: number }).port}/`
  try {
    const context = await browser.newContext({ viewport: { width: 375, height: 812 }, isMobile: true, locale: 'zh-CN' })
    const page = await context.newPage()
    const cdp = await context.newCDPSession(page)
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true })
    const shown = (text: string) => page.getByText(text, { exact: true }).filter({ visible: true }).first()
    const card = () => shown(HOME_CARD_TEXT)
    // Log in once through the demo login page; the session stays in localStorage for the timed loads.
    await page.goto(gatewayUrl)
    await page.getByRole('button', { name: /E0010/ }).click({ timeout: 30_000 })
    await card().waitFor({ timeout: 30_000 })
    /** Forgets what the app keeps between visits (the plan of the last visit), keeping the login. */
    const forgetKept = () =>
      page.evaluate(() =>
        Object.keys(localStorage)
          .filter((key) => key.startsWith('wm.cache.'))
          .forEach((key) => localStorage.removeItem(key)),
      )
    /** One cold load of `url` until `text` shows; a first visit forgets what the app kept from the last one. */
    const once = async (url: string, text: string, firstVisit = false) => {
      if (firstVisit) {
        await page.goto(gatewayUrl)
        await card().waitFor({ timeout: 30_000 })
        await forgetKept()
      }
      await page.goto('about:blank')
      const t = performance.now()
      await page.goto(url)
      await shown(text).waitFor({ timeout: 30_000 })
      return performance.now() - t
    }
    // Interleaved, so that a slow moment of the machine falls on all three alike.
    const samples = { app: [] as number[], firstVisit: [] as number[], bare: [] as number[] }
    for (let i = 0; i < 7; i++) {
      samples.app.push(await once(gatewayUrl, HOME_CARD_TEXT))
      samples.firstVisit.push(await once(gatewayUrl, HOME_CARD_TEXT, true))
      samples.bare.push(await once(bareUrl, BARE_TEXT))
    }
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]
    const appMs = median(samples.app)
    const appFirstVisitMs = median(samples.firstVisit)
    const bareMs = median(samples.bare)
    return {
      appMs,
      appFirstVisitMs,
      bareMs,
      samples,
      baseline:
        'a bare Taro 4 + React H5 app (scripts/bench-baseline: one page, one text, no NutUI, no data), same toolchain',
    }
  } finally {
    await browser.close()
    bare.close()
  }
}

/* ------------------------------------------------------------------------------------------------------------ */

async function main(): Promise<void> {
  console.log(`bench: ${SECONDS} s per measurement, ${os.cpus().length} cores, node ${process.version}`)
  const sizes = measureSizes()

  // The gateway's database: demo data plus enough employees for the 1,000-client storm.
  const dataDir = path.join(tmp, 'data')
  const store = openSqliteStore(path.join(dataDir, 'wenming.db'))
  await seedDemoData(store)
  const extra = Array.from({ length: STORM_CLIENTS + 200 - (await store.countEmployees()) }, (_, k) => {
    const i = 201 + k
    return {
      employeeNo: employeeNo(i),
      name: `压测${i}`,
      department: DEMO_DEPARTMENTS[i % DEMO_DEPARTMENTS.length],
      role: 'employee' as const,
    }
  })
  await store.insertEmployees(extra, new Date().toISOString())
  await store.close()

  // The H5 build through a symlink: the same files, without start.ts rebuilding them if sources changed.
  const staticDir = path.join(tmp, 'static')
  fs.symlinkSync(path.join(ROOT, 'dist', 'h5'), staticDir)
  const profile = process.env.BENCH_PROFILE ? ['--cpu-prof', '--cpu-prof-dir', path.join(ROOT, 'bench-results')] : []
  const gateway = await spawnServer([...profile, '--import', 'tsx', 'scripts/start.ts'], {
    DATA_DIR: dataDir,
    STATIC_DIR: staticDir,
    PORT: '0',
    HOST: '127.0.0.1',
    // Throughput, not the per-user brake: each bench client writes far faster than a person.
    RATE_LIMIT_WRITES: '0',
    REMINDER_INTERVAL_MINUTES: '0',
  })
  const bareServer = await spawnServer(['-e', BARE_SERVER], { BARE_DB: path.join(tmp, 'bare.db') })
  const setup = new http.Agent({ keepAlive: true, maxSockets: 64 })
  const login = async (no: string) =>
    (await postJson(setup, gateway.url, '/api/auth.devLogin', { employeeNo: no })).json.data.token as string
  const tokens: string[] = []
  for (let i = 1; i <= STORM_CLIENTS + 200; i++) tokens.push(await login(employeeNo(i)))
  const admin = tokens[0]

  const results: Measurement[] = []
  const report = (m: Measurement) => {
    results.push(m)
    console.log(
      `  ${m.name} × ${m.clients}: ${m.rps.toFixed(0)} req/s, p50 ${m.p50Ms.toFixed(1)} ms, p99 ${m.p99Ms.toFixed(1)} ms`,
    )
  }

  // (a) activity.list on the demo data, before the bench activities exist.
  for (const clients of LEVELS) {
    report(
      await measure('activity.list', clients, (agent, c) =>
        postJson(agent, gateway.url, '/api/activity.list', {}, tokens[100 + (c % 200)]),
      ),
    )
  }

  // (a) registration.create: every request a new row (client c registers for the next activity in its list).
  const activityIds: number[] = []
  for (let i = 0; i < BENCH_ACTIVITIES; i++) {
    const { json } = await postJson(
      setup,
      gateway.url,
      '/api/admin.activity.create',
      activityStartingIn(72, { category: 'lecture', title: `压测讲座 ${i + 1}` }),
      admin,
    )
    activityIds.push(json.data.id)
  }
  let fresh = 0
  let offset = 200
  for (const clients of LEVELS) {
    const base = offset
    offset += clients
    report(
      await measure('registration.create', clients, async (agent, c, i) => {
        const activityId = activityIds[(i + 1) % activityIds.length]
        const response = await postJson(
          agent,
          gateway.url,
          '/api/registration.create',
          { activityId },
          tokens[base + c],
        )
        if (response.json.ok && response.json.data.existing === false) fresh++
        return response
      }),
    )
  }
  for (const clients of LEVELS) {
    report(
      await measure('bare insert', clients, (agent, c, i) => postJson(agent, bareServer.url, '/', { client: c, i })),
    )
  }

  // (b) the storm: 1,000 clients at once on 50 seats.
  const { json: stormActivity } = await postJson(
    setup,
    gateway.url,
    '/api/admin.activity.create',
    activityStartingIn(96, { category: 'sports', title: '压测：千人抢五十席', capacity: STORM_SEATS }),
    admin,
  )
  const stormAgent = new http.Agent({ keepAlive: true, maxSockets: STORM_CLIENTS })
  const stormStarted = performance.now()
  const storm = await Promise.all(
    tokens
      .slice(200, 200 + STORM_CLIENTS)
      .map((token) =>
        postJson(
          stormAgent,
          gateway.url,
          '/api/registration.create',
          { activityId: stormActivity.data.id },
          token,
        ).catch(() => ({ status: 0, json: null })),
      ),
  )
  const stormMs = performance.now() - stormStarted
  stormAgent.destroy()
  const db = new Database(path.join(dataDir, 'wenming.db'), { readonly: true })
  const { confirmed, waitlisted } = seatCounts(registrationRows(db, stormActivity.data.id))
  db.close()
  const stormResult = {
    clients: STORM_CLIENTS,
    seats: STORM_SEATS,
    answered200: storm.filter((r) => r.status === 200).length,
    failed: storm.filter((r) => r.status !== 200).length,
    confirmed,
    waitlisted,
    oversold: Math.max(0, confirmed - STORM_SEATS),
    wallMs: stormMs,
  }

  // (d) first paint of the home cards.
  const homeCards = await timeHomeCards(gateway.url)
  setup.destroy()

  /* Report ---------------------------------------------------------------------------------------------------- */
  const at = (name: string, clients: number) => results.find((r) => r.name === name && r.clients === clients)!
  const lines: string[] = []
  const row = (cells: string[]) => lines.push('| ' + cells.join(' | ') + ' |')
  lines.push('', '(a) throughput through the gateway, beside a bare node:http + better-sqlite3 insert')
  row(['measurement', 'clients', 'req/s', 'p50 ms', 'p99 ms', 'errors', 'vs bare'])
  row(['---', '---:', '---:', '---:', '---:', '---:', '---:'])
  for (const m of results) {
    const ratio = m.name === 'bare insert' ? '' : `${((m.rps / at('bare insert', m.clients).rps) * 100).toFixed(0)} %`
    row([m.name, String(m.clients), m.rps.toFixed(0), m.p50Ms.toFixed(1), m.p99Ms.toFixed(1), String(m.errors), ratio])
  }
  const ratio50 = at('registration.create', 50).rps / at('bare insert', 50).rps
  lines.push(
    `registration.create requests that inserted a new row: ${fresh}`,
    `target: registration.create ≥ 50 % of bare at 50 clients → ${(ratio50 * 100).toFixed(0)} % ${ratio50 >= 0.5 ? 'MET' : 'NOT MET'}`,
    `target: p99 < 100 ms at 200 clients → activity.list ${at('activity.list', 200).p99Ms.toFixed(1)} ms, ` +
      `registration.create ${at('registration.create', 200).p99Ms.toFixed(1)} ms`,
    '',
    `(b) storm: ${STORM_CLIENTS} clients on ${STORM_SEATS} seats in ${stormMs.toFixed(0)} ms → ` +
      `${stormResult.answered200} answered 200, ${stormResult.failed} failed, ${confirmed} confirmed, ` +
      `${waitlisted} waitlisted, oversold ${stormResult.oversold}`,
    '',
    '(c) sizes against budgets',
  )
  row(['what', 'bytes', 'KB', 'budget KB', 'within'])
  row(['---', '---:', '---:', '---:', '---'])
  const sizeRow = (label: string, bytes: number, budget: number) =>
    row([label, String(bytes), (bytes / 1024).toFixed(1), (budget / 1024).toFixed(0), bytes <= budget ? 'yes' : 'NO'])
  sizeRow('weapp main package', sizes.weappMainBytes, BUDGETS.weappMainBytes)
  sizeRow('weapp total (WeChat limit)', sizes.weappTotalBytes, BUDGETS.weappTotalBytes)
  sizeRow('H5 initial JS, gzip (provisional budget)', sizes.h5InitialJsGzipBytes, BUDGETS.h5InitialJsGzipBytes)
  lines.push(
    `builds used: weapp ${sizes.weappBuiltAt}, H5 ${sizes.h5BuiltAt}`,
    '',
    '(d) time until the home cards show',
  )
  if ('skipped' in homeCards) lines.push(`skipped: ${homeCards.skipped}`)
  else {
    lines.push(
      `app: ${homeCards.appMs.toFixed(0)} ms (median of 7 cold loads, HTTP cache off, logged in, the plan of the last visit kept)`,
      `app, first visit: ${homeCards.appFirstVisitMs.toFixed(0)} ms (the same, nothing kept: the cards wait for plan.current)`,
      `baseline: ${homeCards.bareMs.toFixed(0)} ms — ${homeCards.baseline}`,
    )
  }
  console.log(lines.join('\n'))

  const outDir = path.join(ROOT, 'bench-results')
  fs.mkdirSync(outDir, { recursive: true })
  const file = path.join(outDir, `bench-${new Date().toISOString().replace(/[:.]/g, '-')}.json`)
  fs.writeFileSync(
    file,
    JSON.stringify(
      {
        at: new Date().toISOString(),
        machine: { cores: os.cpus().length, node: process.version },
        secondsPerMeasurement: SECONDS,
        throughput: results,
        registrationVsBareAt50: ratio50,
        storm: stormResult,
        sizes: { ...sizes, budgets: BUDGETS },
        homeCards,
      },
      null,
      2,
    ) + '\n',
  )
  console.log(`\nwritten: ${path.relative(ROOT, file)}`)
}

main()
  .catch((error) => {
    console.error(error)
    process.exitCode = 1
  })
  .finally(async () => {
    // SIGTERM lets the gateway close its database (and write its profile) before the folder goes.
    await Promise.all(
      children
        .filter((child) => child.exitCode === null)
        .map((child) => new Promise((resolve) => child.once('exit', resolve).kill('SIGTERM'))),
    )
    fs.rmSync(tmp, { recursive: true, force: true })
  })
