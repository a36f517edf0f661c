import type { Page } from 'playwright-core'
import type { ActivityPage } from '../../src/domain/activity'
import type { PlanView } from '../../src/domain/plan'
import {
  nominateCandidate,
  openRound,
  saveScreenshot,
  seriousViolations,
  startH5Gateway,
  type H5Gateway,
} from './browser'

jest.setTimeout(240_000)

const ADMIN = 'E0001'

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
let page: Page
let problems: string[]
const queries: Record<string, string> = {}

beforeAll(async () => {
  gateway = await startH5Gateway()
  const { call, admin: principal } = gateway

  const plan = await call<PlanView>('plan.current', {}, principal)
  const section = plan.sections[0]
  const activities = await call<ActivityPage>('activity.list', {}, principal)
  const activityId = activities.items[0].id
  const round = await openRound(gateway, '无障碍检查轮次')
  const candidate = await nominateCandidate(gateway, round.id)

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

  ;({ page, problems } = await gateway.person(ADMIN, { timeout: 20_000 }))
}, 60_000)

afterAll(async () => {
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

describe('accessibility of every page, in a phone browser', () => {
  it('logs in on the demo login page as the administrator', async () => {
    await gateway.logIn(page, ADMIN, 'tap')
  })

  it.each(allRoutes())('%s has no serious or critical axe violations', async (route) => {
    const query = queries[route]
    await gateway.visit(page, `${route}${query ? `?${query}` : ''}`)
    await waitForContent()
    const violations = await seriousViolations(page)
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
