import type { Page } from 'playwright-core'
import type { ActivityPage } from '../../src/domain/activity'
import { saveScreenshot, startH5Gateway, type H5Gateway } from './browser'

jest.setTimeout(60_000)

let gateway: H5Gateway
let page: Page
let problems: string[]
let activity: { id: number; title: string }

beforeAll(async () => {
  gateway = await startH5Gateway()
  activity = (await gateway.call<ActivityPage>('activity.list', {}, gateway.admin)).items[0]
  // Not logged in yet: the link is opened first, E0010 picked on the login page it leads to.
  ;({ page, problems } = await gateway.person('E0010'))
})

afterAll(async () => {
  await gateway?.close()
})

/** Text on the page the user sees now (Taro keeps the pages below it in the DOM, hidden). */
function shown(text: string | RegExp, exact = false) {
  return page.getByText(text, { exact }).filter({ visible: true })
}

describe('a link shared into a chat, opened by someone not yet logged in', () => {
  it('leads to the login page first', async () => {
    await page.goto(`${gateway.server.url}/#/pages/activity/index?id=${activity.id}`)
    await shown('演示模式').waitFor()
    expect(page.url()).toContain('/packages/auth/login/index')
    await saveScreenshot(page, 'share-01-login')
  })

  it('comes back to the shared activity after picking a demo employee', async () => {
    await page.getByRole('button', { name: /E0010/ }).click()
    await shown(activity.title, true).first().waitFor()
    expect(page.url()).toContain(`/pages/activity/index?id=${activity.id}`)
    await saveScreenshot(page, 'share-02-activity')
  })

  it('had no script errors along the way', () => {
    expect(problems).toEqual([])
  })
})
