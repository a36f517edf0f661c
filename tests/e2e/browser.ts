import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { chromium, type BrowserContext, type Page } from 'playwright-core'
import { readConfig } from '../../src/cloud/config'
import type { Principal } from '../../src/cloud/context'
import { startServer, type RunningServer } from '../../src/cloud/server'
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

/** The real gateway on a throw-away data directory (demo data), serving the H5 build. */
export interface H5Gateway {
  server: RunningServer
  /** The demo administrator (E0001), for setting up data through the router. */
  admin: Principal
  /** Calls an action on the gateway's router as `principal`; throws with the message when it is refused. */
  call: <T>(action: string, payload: unknown, principal: Principal) => Promise<T>
  close: () => Promise<void>
}

export async function startH5Gateway(): Promise<H5Gateway> {
  const temp = makeTempDir()
  const server = await startServer(readConfig({ DATA_DIR: temp.dir, PORT: '0', STATIC_DIR: H5_DIST }))
  const admin = await server.store.getEmployeeByNo('E0001')
  if (!admin) throw new Error('demo roster is missing E0001')
  return {
    server,
    admin: { employeeId: admin.id },
    async call<T>(action: string, payload: unknown, principal: Principal): Promise<T> {
      const result = await server.router(action, payload, principal)
      if (!result.body.ok) throw new Error(`${action}: ${result.body.error.message}`)
      return result.body.data as T
    },
    async close() {
      await server.close()
      temp.cleanup()
    },
  }
}
