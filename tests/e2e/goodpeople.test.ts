import { nutButton, openRound, saveScreenshot, shownOn, startH5Gateway, type H5Gateway, type Person } from './browser'

jest.setTimeout(90_000)

const HOUR = 60 * 60 * 1000
const ROUND_TITLE = '第四季度“身边好人”推荐评选'
const NOMINEE_NO = 'E0030'
const DEED = [
  '今年七月汛期，他主动请缨驻守在城东防汛一线，连续二十天吃住在堤坝上，带领突击队加固堤防三处。',
  '他还利用休息时间走访沿河群众，帮助二十多户老人转移到安置点，被群众亲切地称为“贴心人”。',
].join('\n')
const COMMENT = '和他一起值过班，确实是哪里最累就在哪里。'

let gateway: H5Gateway
let roundId: number
let nomineeName: string
let employee: Person
let admin: Person
// The gateway's clock: the steps of a round take days, the test moves time on instead of waiting.
let now = new Date()

beforeAll(async () => {
  gateway = await startH5Gateway({ clock: () => now })
  nomineeName = (await gateway.employee(NOMINEE_NO)).name
  // Nominations open now; after an hour of review, voting runs for an hour.
  roundId = (await openRound(gateway, ROUND_TITLE, now.getTime())).id
  ;[employee, admin] = await Promise.all([gateway.person('E0020'), gateway.person('E0001')])
}, 60_000)

afterAll(async () => {
  await gateway?.close()
})

describe('身边好人: nominate, approve, vote and publish, in phone browsers', () => {
  it('shows the open round as 推荐中 with no candidates yet', async () => {
    const { page } = employee
    await gateway.logIn(page, employee.no)
    await gateway.visit(page, '/packages/goodpeople/index/index')
    await shownOn(page, ROUND_TITLE, true).first().waitFor()
    await shownOn(page, '还没有人被推荐', true).waitFor()
    expect(await shownOn(page, '推荐中', true).count()).toBeGreaterThan(0)
    await saveScreenshot(page, 'gp-01-rounds')
  })

  it('lets an employee nominate a colleague by 工号', async () => {
    const { page } = employee
    await nutButton(page, '我要推荐').first().click()
    await shownOn(page, '推荐谁', true).waitFor()
    await page.locator('input[placeholder="例如 E0023"]').filter({ visible: true }).fill(NOMINEE_NO)
    await page.locator('input[placeholder="同事的姓名"]').filter({ visible: true }).fill(nomineeName)
    await page
      .getByRole('radio', { name: /敬业奉献/ })
      .filter({ visible: true })
      .click()
    await page.locator('textarea[placeholder^="例如：2025年汛期"]').filter({ visible: true }).fill(DEED)
    await shownOn(page, '字数符合要求', true).waitFor()
    await saveScreenshot(page, 'gp-02-nominate')
    await nutButton(page, '提交推荐').click()
    await shownOn(page, '主要事迹', true).waitFor()
    await shownOn(page, nomineeName, true).waitFor()
    await shownOn(page, '待审核', true).waitFor()
  })

  it('lets the employee comment on the nomination (我评议)', async () => {
    const { page } = employee
    await page.locator('textarea[placeholder^="说说你了解的情况"]').filter({ visible: true }).fill(COMMENT)
    await nutButton(page, '发表评议').click()
    await shownOn(page, COMMENT, true).waitFor()
    await saveScreenshot(page, 'gp-03-candidate')
  })

  it('lets the administrator approve the nomination on the review page', async () => {
    const { page } = admin
    await gateway.logIn(page, admin.no)
    await gateway.visit(page, `/packages/goodpeople/review/index?roundId=${roundId}`)
    await shownOn(page, nomineeName, true).waitFor()
    await shownOn(page, /今年七月汛期/).waitFor()
    await saveScreenshot(page, 'gp-04-review')
    await nutButton(page, '通过').click()
    await shownOn(page, '没有待审核的推荐', true).waitFor()
    await shownOn(page, '已通过', true).waitFor()
    await shownOn(page, nomineeName, true).waitFor()
  })

  it('lets the employee vote once voting opens, and counts down the votes left today', async () => {
    now = new Date(now.getTime() + 2.5 * HOUR)
    const { page } = employee
    await gateway.visit(page, `/packages/goodpeople/index/index?roundId=${roundId}`)
    await shownOn(page, '投票中', true).first().waitFor()
    await shownOn(page, '今日还可投 3 票', true).waitFor()
    await shownOn(page, '票数投票结束后公布', true).waitFor()
    await nutButton(page, '投票').click()
    await shownOn(page, '今日还可投 2 票', true).waitFor()
    await nutButton(page, '今日已投').waitFor()
    await saveScreenshot(page, 'gp-05-voted')
  })

  it('lets the administrator publish the results after voting ends', async () => {
    now = new Date(now.getTime() + HOUR)
    const { page } = admin
    await gateway.visit(page, `/packages/goodpeople/review/index?roundId=${roundId}`)
    await shownOn(page, '计票中', true).first().waitFor()
    await nutButton(page, '公布结果').click()
    await shownOn(page, /确定公布吗/).waitFor()
    await saveScreenshot(page, 'gp-06-publish-confirm')
    await page.locator('.taro-model__confirm').filter({ visible: true }).click()
    await nutButton(page, '查看结果').waitFor()
    await saveScreenshot(page, 'gp-07-published')
  })

  it('shows the employee the published list with the nominee’s votes', async () => {
    const { page } = employee
    await gateway.visit(page, `/packages/goodpeople/index/index?roundId=${roundId}`)
    await shownOn(page, '结果已公布', true).first().waitFor()
    await nutButton(page, '查看评选结果').click()
    await shownOn(page, /公布 · 共/).waitFor()
    const row = page.getByRole('link', { name: `第1名 ${nomineeName}` }).filter({ visible: true })
    await row.waitFor()
    await expect(row.innerText()).resolves.toMatch(/1 票/)
    await saveScreenshot(page, 'gp-08-results')
  })

  it('lets the administrator open the next round with its windows', async () => {
    const { page } = admin
    await gateway.visit(page, '/packages/goodpeople/review/index')
    await nutButton(page, '发起新一轮评选').click()
    const title = page.locator('input[aria-label="评选名称"], [aria-label="评选名称"] input').filter({ visible: true })
    await title.first().fill('下一季度“身边好人”推荐评选')
    await shownOn(page, '投票规则', true).waitFor()
    await saveScreenshot(page, 'gp-09-new-round')
    await nutButton(page, '发起评选').click()
    await shownOn(page, '下一季度“身边好人”推荐评选', true).first().waitFor()
    expect(await shownOn(page, '推荐中', true).count()).toBeGreaterThan(0)
  })

  it('shows administrators every candidate’s votes and the way to the review page', async () => {
    const { page } = admin
    await gateway.visit(page, '/packages/goodpeople/index/index')
    await page
      .getByRole('radio', { name: /2\d{3}年“身边好人”推荐评选/ })
      .filter({ visible: true })
      .click()
    await shownOn(page, '审核与管理 ›', true).waitFor()
    await shownOn(page, /^\d+ 票$/)
      .first()
      .waitFor()
    await saveScreenshot(page, 'gp-10-admin-index')
  })

  it('had no script errors along the way', () => {
    expect([...employee.problems, ...admin.problems]).toEqual([])
  })
})
