import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { chromium, type BrowserContext, type Page } from 'playwright-core'
import { readConfig } from '../../src/cloud/config'
import type { Principal } from '../../src/cloud/context'
import { startServer, type RunningServer } from '../../src/cloud/server'
import type { EmployeeRecord } from '../../src/cloud/store/types'
import { makeTempDir } from '../cloud/helpers'

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
export const H5_DIST = path.resolve(__dirname, '../../dist/h5')
export const SCREENSHOT_DIR = path.resolve(__dirname, '../../test-results/screenshots')

/** Fails early, with what to do, when the browser or the H5 build is missing. */
export function assertPrerequisites(): void {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM}: apt-get install -y chromium fonts-wqy-microhei (or set CHROMIUM_PATH)`,
    )
  }
  if (!fs.existsSync(path.join(H5_DIST, 'index.html'))) {
    throw new Error('dist/h5 is missing: run `npm run build:h5` first (npm test does it)')
  }
}

/** Headless Chromium as a phone: 375×812, touch, a throw-away profile; at 2 device pixels per CSS pixel by default. */
export async function launchPhone(
  options: { deviceScaleFactor?: number } = {},
): Promise<{ context: BrowserContext; close: () => Promise<void> }> {
  assertPrerequisites()
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'wm-chromium-'))
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    viewport: { width: 375, height: 812 },
    deviceScaleFactor: options.deviceScaleFactor ?? 2,
    isMobile: true,
    hasTouch: true,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  })
  return {
    context,
    async close() {
      await context.close()
      fs.rmSync(profile, { recursive: true, force: true })
    },
  }
}

/** Waits for the page-transition slide to finish, so that only the page on top is visible. */
export async function settle(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const pages = document.querySelectorAll('.taro_router > .taro_page.taro_page_show')
    const top = pages[pages.length - 1]
    return !top || top.classList.contains('taro_page_stationed')
  })
}

/**
 * Text on the page the person sees now. Taro keeps the pages below it in the DOM, hidden; while a page slides in,
 * the one under it is still visible, and the new page is the later one in the DOM.
 */
export function shownOn(page: Page, text: string | RegExp, exact = false) {
  return page.getByText(text, { exact }).filter({ visible: true }).last()
}

/** A NutUI button by its exact text (its label sits under the element that takes the tap). */
export function nutButton(page: Page, name: string) {
  return page.locator('taro-button-core').filter({ hasText: new RegExp(`^\\s*${name}\\s*$`), visible: true })
}

/**
 * Saves a screenshot under test-results/screenshots for a person to look at (or in `dir`; as a JPEG of `quality`
 * when given one).
 */
export async function saveScreenshot(
  page: Page,
  name: string,
  options: { dir?: string; quality?: number } = {},
): Promise<string> {
  const dir = options.dir ?? SCREENSHOT_DIR
  fs.mkdirSync(dir, { recursive: true })
  // Wait for the page-transition slide to finish, so the picture shows one page, not two halves.
  await settle(page)
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'))
  const file = path.join(dir, `${name}.${options.quality ? 'jpg' : 'png'}`)
  await page.screenshot({
    path: file,
    fullPage: false,
    ...(options.quality ? { type: 'jpeg' as const, quality: options.quality } : {}),
  })
  return file
}

/** Collects page errors and failed same-origin requests, so a test can assert there were none. */
export function watchProblems(page: Page): string[] {
  const problems: string[] = []
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`))
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`)
  })
  return problems
}

interface AxeResult {
  violations: {
    id: string
    impact: string | null
    help: string
    nodes: { target: unknown[]; failureSummary?: string }[]
  }[]
}

declare const axe: { run: (context: Element | Document) => Promise<AxeResult> }

/**
 * Runs axe on the page the person sees; answers its serious and critical violations, described (with axe's reasons
 * when A11Y_DEBUG=1).
 */
export async function seriousViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: require.resolve('axe-core') })
  const result = await page.evaluate(() =>
    axe.run(document.querySelector('.taro_router > .taro_page.taro_page_show:last-child') ?? document),
  )
  const reasons = !!process.env.A11Y_DEBUG
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.impact} ${v.id}: ${v.help} — ${v.nodes.map((n) => JSON.stringify(n.target) + (reasons ? ` ${n.failureSummary}` : '')).join(', ')}`,
    )
}

/** A demo employee with a phone of their own (see H5Gateway.person). */
export interface Person {
  /** The 工号. */
  no: string
  /** The name on the demo roster. */
  name: string
  page: Page
  /** What watchProblems collects on the page. */
  problems: string[]
}

/** The real gateway on a throw-away data directory (demo data), serving the H5 build. */
export interface H5Gateway {
  server: RunningServer
  /** The demo administrator (E0001), for setting up data through the router. */
  admin: Principal
  /** Calls an action on the gateway's router as `principal`; throws with the message when it is refused. */
  call: <T>(action: string, payload: unknown, principal: Principal) => Promise<T>
  /** The demo roster's record of an employee by 工号; throws when there is none. */
  employee: (employeeNo: string) => Promise<EmployeeRecord>
  /** The principal of a demo employee by 工号, for setting up data through the router as them. */
  as: (employeeNo: string) => Promise<Principal>
  /**
   * A phone of the employee's own (launchPhone), not logged in yet, whose page gives up waiting after `timeout` ms
   * (15 s unless given); it closes with the gateway.
   */
  person: (employeeNo: string, options?: { timeout?: number }) => Promise<Person>
  /**
   * Logs `page` in as `employeeNo` on the demo login page: by typing the 工号 (`type`), or by tapping the
   * employee's demo button (`tap`). Resolves once the home page shows.
   */
  logIn: (page: Page, employeeNo: string, how?: 'type' | 'tap') => Promise<void>
  /** Opens `route` (e.g. `/pages/mine/index`) afresh, as from a link: a full load shows that page alone. */
  visit: (page: Page, route: string) => Promise<void>
  /** Closes the phones of `person`, then the gateway, and removes its data. */
  close: () => Promise<void>
}

/** Starts the gateway on the demo data; `clock`, when given, is the gateway's clock (for moving time on in a test). */
export async function startH5Gateway(options: { clock?: () => Date } = {}): Promise<H5Gateway> {
  const temp = makeTempDir()
  const server = await startServer(readConfig({ DATA_DIR: temp.dir, PORT: '0', STATIC_DIR: H5_DIST }), options.clock)
  const phones: Awaited<ReturnType<typeof launchPhone>>[] = []
  const employee = async (employeeNo: string): Promise<EmployeeRecord> => {
    const record = await server.store.getEmployeeByNo(employeeNo)
    if (!record) throw new Error(`demo roster has no ${employeeNo}`)
    return record
  }
  return {
    server,
    admin: { employeeId: (await employee('E0001')).id },
    async call<T>(action: string, payload: unknown, principal: Principal): Promise<T> {
      const result = await server.router(action, payload, principal)
      if (!result.body.ok) throw new Error(`${action}: ${result.body.error.message}`)
      return result.body.data as T
    },
    employee,
    async as(employeeNo) {
      return { employeeId: (await employee(employeeNo)).id }
    },
    async person(employeeNo, { timeout = 15_000 } = {}) {
      const { name } = await employee(employeeNo)
      const phone = await launchPhone()
      phones.push(phone)
      const page = await phone.context.newPage()
      page.setDefaultTimeout(timeout)
      return { no: employeeNo, name, page, problems: watchProblems(page) }
    },
    async logIn(page, employeeNo, how = 'type') {
      await page.goto(server.url)
      await shownOn(page, '演示模式').waitFor()
      if (how === 'tap') {
        await page.getByRole('button', { name: new RegExp(employeeNo) }).click()
      } else {
        await page.locator('input').filter({ visible: true }).first().fill(employeeNo)
        await nutButton(page, '登录').click()
      }
      await shownOn(page, '工作主题').waitFor()
    },
    async visit(page, route) {
      await page.goto('about:blank')
      await page.goto(`${server.url}/#${route}`)
    },
    async close() {
      await Promise.all(phones.map((phone) => phone.close()))
      await server.close()
      temp.cleanup()
    },
  }
}

const HOUR = 60 * 60 * 1000

/**
 * A 身边好人 round, created by the administrator, open for nominations from an hour before `at` to an hour after;
 * after an hour of review, voting runs for an hour.
 */
export function openRound(gateway: H5Gateway, title: string, at = Date.now()): Promise<{ id: number }> {
  return gateway.call(
    'admin.goodpeople.round.create',
    {
      title,
      nominateOpensAt: new Date(at - HOUR).toISOString(),
      nominateClosesAt: new Date(at + HOUR).toISOString(),
      voteOpensAt: new Date(at + 2 * HOUR).toISOString(),
      voteClosesAt: new Date(at + 3 * HOUR).toISOString(),
    },
    gateway.admin,
  )
}

/** E0030, nominated in the round by the administrator for 敬业奉献, with a deed long enough to be accepted. */
export function nominateCandidate(gateway: H5Gateway, roundId: number): Promise<{ id: number }> {
  return gateway.call(
    'goodpeople.nominate',
    {
      roundId,
      nomineeEmployeeNo: 'E0030',
      category: '敬业奉献',
      deed: '连续三年春节坚守值班岗位，汛期带队转移群众，同事们都说哪里最危险哪里就有他。',
    },
    gateway.admin,
  )
}
