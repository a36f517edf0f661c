import type { Page, Route } from 'playwright-core'
import { fromLocal, toLocalDate } from '../../src/domain/time'
import { DEMO_THEMES } from '../cloud/helpers'
import { nutButton, saveScreenshot, startH5Gateway, type H5Gateway } from './browser'

jest.setTimeout(60_000)

const REGISTERED = '护城河健步走'
const DAY = 24 * 60 * 60 * 1000
const BANNER = /^网络不可用，显示的是 \d{1,2}月\d{1,2}日 \d{2}:\d{2} 的缓存内容$/

let gateway: H5Gateway
let page: Page
let pageErrors: string[]

beforeAll(async () => {
  gateway = await startH5Gateway()
  // E0010 signs up for an activity of tomorrow, so that 我的报名 has something to keep.
  const tomorrow = toLocalDate(new Date(Date.now() + DAY).toISOString())
  const { id: activityId } = await gateway.call<{ id: number }>(
    'admin.activity.create',
    {
      category: 'sports',
      title: REGISTERED,
      description: '沿护城河健步走五公里，请穿运动鞋。',
      location: '机关东门',
      startsAt: fromLocal(tomorrow, '07:30'),
      endsAt: fromLocal(tomorrow, '09:00'),
      capacity: 30,
      waitlist: false,
    },
    gateway.admin,
  )
  await gateway.call('registration.create', { activityId }, await gateway.as('E0010'))
  ;({ page } = await gateway.person('E0010'))
  // Script errors only: with the gateway cut off, the console reports the failed requests.
  pageErrors = []
  page.on('pageerror', (error) => pageErrors.push(error.message))
})

afterAll(async () => {
  await gateway?.close()
})

/** Text on the page the user sees now (Taro keeps the pages below it in the DOM, hidden). */
function shown(text: string | RegExp, exact = false) {
  return page.getByText(text, { exact }).filter({ visible: true })
}

describe('the home page on a poor network', () => {
  it('loads the plan once while the network works', async () => {
    await page.goto(gateway.server.url)
    await page.getByRole('button', { name: /E0010/ }).click()
    for (const title of DEMO_THEMES) await shown(title, true).waitFor()
    expect(await shown(BANNER).count()).toBe(0)
    await page.goto(`${gateway.server.url}/#/pages/mine/index`)
    await shown('我的报名', true).waitFor()
    // The tabs count the registrations once they have loaded (and been kept).
    await shown(/^即将参加 \d+$/).waitFor()
    await page.goto(`${gateway.server.url}/#/pages/home/index`)
    await shown(DEMO_THEMES[0], true).waitFor()
  })

  it('draws the kept cards at once on the next visit, then the plan as it is now', async () => {
    // Hold the plan's answers until the kept cards are on screen, then answer with a changed first theme.
    const routes: Route[] = []
    let firstAsked!: () => void
    const asked = new Promise<void>((resolve) => (firstAsked = resolve))
    await page.route('**/api/plan.current', (route) => {
      routes.push(route)
      firstAsked()
    })
    const answer = () =>
      Promise.all(
        routes.map(async (route) => {
          const response = await route.fetch()
          const body = await response.json()
          body.data.sections[0].title = '以社会主义核心价值观为引领，加强思想道德建设'
          await route.fulfill({ response, json: body })
        }),
      )
    await page.reload()
    await asked
    for (const title of DEMO_THEMES) await shown(title, true).waitFor()
    expect(await shown(BANNER).count()).toBe(0)
    await answer()
    await shown('以社会主义核心价值观为引领，加强思想道德建设', true).waitFor()
    expect(await shown(DEMO_THEMES[0], true).count()).toBe(0)
    await page.unroute('**/api/plan.current')
    await page.reload()
    await shown(DEMO_THEMES[0], true).waitFor()
  })

  it('shows the kept plan with a banner when the gateway cannot be reached', async () => {
    await page.route('**/api/**', (route) => route.abort())
    await page.reload()
    await shown(BANNER).waitFor()
    for (const title of DEMO_THEMES) await shown(title, true).waitFor()
    await nutButton(page, '重试').first().waitFor()
    await saveScreenshot(page, 'offline-01-home')
  })

  it('shows my kept registrations with the banner on 我的, with the profile saved at login', async () => {
    await page.goto(`${gateway.server.url}/#/pages/mine/index`)
    await shown(BANNER).waitFor()
    await shown('我的报名', true).waitFor()
    await shown(/工号 E0010/).waitFor()
    await shown(REGISTERED, true).waitFor()
    await saveScreenshot(page, 'offline-02-mine')
    await page.goto(`${gateway.server.url}/#/pages/home/index`)
    await shown(BANNER).waitFor()
  })

  it('drops the banner once a retry reaches the gateway again', async () => {
    await page.unroute('**/api/**')
    await nutButton(page, '重试').first().click()
    await shown(BANNER).waitFor({ state: 'hidden' })
    for (const title of DEMO_THEMES) await shown(title, true).waitFor()
    await saveScreenshot(page, 'offline-03-home-back')
  })

  it('had no script errors along the way', () => {
    expect(pageErrors).toEqual([])
  })
})
