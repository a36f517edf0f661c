import type { Page } from 'playwright-core'
import type { ActivityPage } from '../../src/domain/activity'
import type { PlanView } from '../../src/domain/plan'
import { launchPhone, startH5Gateway, type H5Gateway, saveScreenshot, watchProblems } from './browser'

jest.setTimeout(240_000)

const ADMIN = 'E0001'
const NOMINEE = 'E0030'
const HOUR = 60 * 60 * 1000

interface AxeResult {
  violations: {
    id: string
    impact: string | null
    help: string
    nodes: { target: unknown[]; failureSummary?: string }[]
  }[]
}

declare const axe: { run: (context: Element | Document) => Promise<AxeResult> }

/** Every page of the app, read from src/app.config.ts so that new pages are covered too. */
function allRoutes(): string[] {
  const global = globalThis as unknown as { defineAppConfig?: (config: unknown) => unknown }
  global.defineAppConfig = (config) => config
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const config = require('../../src/app.config').default as {
    pages: string[]
    subPackages: { root: string; pages: string[] }[]
  }
  return [...config.pages, ...config.subPackages.flatMap((sub) => sub.pages.map((page) => `${sub.root}/${page}`))].map(
    (page) => `/${page}`,
  )
}

let gateway: H5Gateway
let phone: Awaited<ReturnType<typeof launchPhone>>
let page: Page
let problems: string[]
const queries: Record<string, string> = {}

/** Calls an action on the gateway's router as `principal` and returns its data. */
beforeAll(async () => {
  gateway = await startH5Gateway()
  const { call, admin: principal } = gateway

  const plan = await call<PlanView>('plan.current', {}, principal)
  const section = plan.sections[0]
  const activities = await call<ActivityPage>('activity.list', {}, principal)
  const activityId = activities.items[0].id
  const at = Date.now()
  const round = await call<{ id: number }>(
    'admin.goodpeople.round.create',
    {
      title: '无障碍检查轮次',
      nominateOpensAt: new Date(at - HOUR).toISOString(),
      nominateClosesAt: new Date(at + HOUR).toISOString(),
      voteOpensAt: new Date(at + 2 * HOUR).toISOString(),
      voteClosesAt: new Date(at + 3 * HOUR).toISOString(),
    },
    principal,
  )
  const candidate = await call<{ id: number }>(
    'goodpeople.nominate',
    {
      roundId: round.id,
      nomineeEmployeeNo: NOMINEE,
      category: '敬业奉献',
      deed: '连续三年春节坚守值班岗位，汛期带队转移群众，同事们都说哪里最危险哪里就有他。',
    },
    principal,
  )

  Object.assign(queries, {
    '/pages/theme/index': `planId=${plan.id}&section=${section.number}`,
    '/pages/activity/index': `id=${activityId}`,
    '/packages/plan/point/index': `planId=${plan.id}&itemId=${section.items[0].id}`,
    '/packages/plan/plan/index': `id=${plan.id}`,
    '/packages/goodpeople/index/index': `roundId=${round.id}`,
    '/packages/goodpeople/candidate/index': `id=${candidate.id}`,
    '/packages/goodpeople/nominate/index': `roundId=${round.id}`,
    '/packages/goodpeople/results/index': `id=${round.id}`,
    '/packages/goodpeople/review/index': `roundId=${round.id}`,
    '/packages/admin/activity-edit/index': `id=${activityId}`,
    '/packages/admin/registrants/index': `id=${activityId}`,
    '/packages/admin/checkin-desk/index': `id=${activityId}`,
  })

  phone = await launchPhone()
  page = await phone.context.newPage()
  page.setDefaultTimeout(20_000)
  problems = watchProblems(page)
}, 60_000)

afterAll(async () => {
  await phone?.close()
  await gateway?.close()
})

/** Waits until the page on top has slid into place and shows its content, not a skeleton. */
async function waitForContent(): Promise<void> {
  await page.waitForFunction(() => {
    const pages = document.querySelectorAll('.taro_router > .taro_page.taro_page_show')
    const top = pages[pages.length - 1]
    if (!top || !top.classList.contains('taro_page_stationed')) return false
    const busy = Array.from(top.querySelectorAll('[aria-busy=true]')) as HTMLElement[]
    return busy.every((el) => el.offsetParent === null) && (top.textContent ?? '').trim().length > 0
  })
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'))
}

/** Runs axe on the page the user sees; answers the serious and critical violations, described (A11Y_DEBUG=1: with axe's reasons). */
async function seriousViolations(): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: require.resolve('axe-core') })
  const result = await page.evaluate(() =>
    axe.run(document.querySelector('.taro_router > .taro_page.taro_page_show:last-child') ?? document),
  )
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.impact} ${v.id}: ${v.help} — ${v.nodes.map((n) => JSON.stringify(n.target) + (process.env.A11Y_DEBUG ? ` ${n.failureSummary}` : '')).join(', ')}`,
    )
}

describe('accessibility of every page, in a phone browser', () => {
  it('logs in on the demo login page as the administrator', async () => {
    await page.goto(gateway.server.url)
    await page.getByText('演示模式').filter({ visible: true }).waitFor()
    await page.getByRole('button', { name: new RegExp(ADMIN) }).click()
    await page.getByText('工作主题').filter({ visible: true }).first().waitFor()
  })

  it.each(allRoutes())('%s has no serious or critical axe violations', async (route) => {
    const query = queries[route]
    await page.goto('about:blank')
    await page.goto(`${gateway.server.url}/#${route}${query ? `?${query}` : ''}`)
    await waitForContent()
    const violations = await seriousViolations()
    if (violations.length) {
      await saveScreenshot(page, `a11y${route.replace(/\//g, '-')}`)
      console.log(`${route}\n  ${violations.join('\n  ')}`)
    }
    expect(violations).toEqual([])
  })

  it('had no script errors along the way', () => {
    expect(problems).toEqual([])
  })
})
