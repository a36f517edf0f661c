import type { Page } from 'playwright-core'
import { DEMO_THEMES } from '../cloud/helpers'
import { saveScreenshot, startH5Gateway, type H5Gateway } from './browser'

jest.setTimeout(60_000)

const NOISE = ['公文素材', '微信：', 'dadawk', '##paid', '文库会员', '有意加入请联系', 'paidend']
const SPACE_BETWEEN_HAN = /[\u4e00-\u9fa5][ \t\u00a0\u3000]+[\u4e00-\u9fa5]/

let gateway: H5Gateway
let page: Page
let problems: string[]

beforeAll(async () => {
  gateway = await startH5Gateway()
  // Not logged in yet: the first test picks E0010 on the demo login page.
  ;({ page, problems } = await gateway.person('E0010', { timeout: 30_000 }))
})

afterAll(async () => {
  await gateway?.close()
})

async function visibleText(): Promise<string> {
  return page.evaluate(() => document.body.innerText)
}

/** Text on the page the user sees now (Taro keeps the pages below it in the DOM, hidden). */
function shown(text: string | RegExp, exact = false) {
  return page.getByText(text, { exact }).filter({ visible: true })
}

describe('the plan as cards, in a phone browser', () => {
  it('sends a newcomer to the demo login page', async () => {
    await page.goto(gateway.server.url)
    await shown('演示模式').waitFor()
    await page.getByRole('button', { name: /E0001/ }).waitFor()
    await saveScreenshot(page, '01-login')
  })

  it('logs in as a demo employee and shows the four theme titles of the current plan', async () => {
    await page.getByRole('button', { name: /E0010/ }).click()
    for (const title of DEMO_THEMES) await shown(title, true).waitFor()
    await shown('XX局2023年度精神文明建设工作要点').waitFor()
    await saveScreenshot(page, '02-home')
  })

  it('opens a theme onto its work points', async () => {
    await shown(DEMO_THEMES[0], true).click()
    await shown('弘扬时代新风，推进道德建设', true).waitFor()
    await shown('做好典型示范，学习先进典型', true).waitFor()
    await shown('落实诚信制度，健全诚信体系', true).waitFor()
    await saveScreenshot(page, '03-theme')
  })

  it('opens a work point onto its full cleaned text', async () => {
    await shown('做好典型示范，学习先进典型', true).click()
    await shown(/常态化开展“我推荐、我评议、我投票身边好人及道德模范”推荐与宣传工作/).waitFor()
    await shown(/崇德向善的良好氛围/).waitFor()
    await saveScreenshot(page, '04-point')
  })

  it('shows none of the noise of the raw text on any page visited', async () => {
    const text = await visibleText()
    for (const noise of NOISE) expect(text).not.toContain(noise)
    expect(text).not.toMatch(SPACE_BETWEEN_HAN)
  })

  it('reaches the other plan of the seed from the home page', async () => {
    await page.goto(`${gateway.server.url}/#/pages/home/index`)
    await shown('往年及其他要点').click()
    await shown('2023年度精神文明建设工作要点', true).click()
    await shown('深入学习贯彻习近平新时代中国特色社会主义思想', true).waitFor()
    const text = await visibleText()
    for (const noise of NOISE) expect(text).not.toContain(noise)
    await saveScreenshot(page, '05-other-plan')
  })

  it('had no script errors along the way', () => {
    expect(problems).toEqual([])
  })
})
