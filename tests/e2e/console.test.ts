import fs from 'node:fs'
import path from 'node:path'
import ExcelJS from 'exceljs'
import type { Page } from 'playwright-core'
import { nutButton, saveScreenshot, settle, startH5Gateway, type H5Gateway, type Person } from './browser'

jest.setTimeout(90_000)

const TITLE = '道德讲堂·身边好人故事会'
const REASON = '主讲人临时出差，活动改期另行通知'
const ORGANIZER = 'E0002'
// Same department as the organizer (机关党委), so the organizer's participation report counts them.
const EMPLOYEE = 'E0010'
const ADMIN = 'E0001'
const PLAN_TEXT = fs.readFileSync(path.resolve(__dirname, '../../src/cloud/demo/plan-2023.txt'), 'utf8')
// The seed holds two documents; the first, with its noise, is enough to preview.
const FIRST_PLAN = PLAN_TEXT.slice(0, PLAN_TEXT.indexOf('2023年度精神文明建设工作要点【'))

let gateway: H5Gateway
let activityId: number
const people = {} as Record<'organizer' | 'employee' | 'admin', Person>

/** Text on the page the person sees now (Taro keeps the pages below it in the DOM, hidden). */
function shown(page: Page, text: string | RegExp, exact = false) {
  return page.getByText(text, { exact }).filter({ visible: true })
}

/** A tappable View by its accessible name. */
function tap(page: Page, role: 'button' | 'link' | 'radio', name: string | RegExp) {
  return page.getByRole(role, { name, exact: typeof name === 'string' }).filter({ visible: true })
}

/** The text box with `placeholder` (Taro wraps the real input in an element carrying the same placeholder). */
function field(page: Page, placeholder: string) {
  return page
    .locator(`input[placeholder="${placeholder}"], textarea[placeholder="${placeholder}"]`)
    .filter({ visible: true })
}

/** Scrolls the page the person sees back to its top, for a screenshot of its beginning. */
async function scrollToTop(page: Page): Promise<void> {
  await page.evaluate(() => {
    document.scrollingElement?.scrollTo(0, 0)
    document.querySelectorAll('.taro_page').forEach((el) => el.scrollTo(0, 0))
  })
}

/** A phone for the employee, logged in, as `people[key]`. */
async function personFor(key: keyof typeof people, employeeNo: string): Promise<void> {
  // 30 s, Playwright's default, which this suite has always waited with.
  const person = await gateway.person(employeeNo, { timeout: 30_000 })
  people[key] = person
  await gateway.logIn(person.page, employeeNo)
}

beforeAll(async () => {
  gateway = await startH5Gateway()
  await Promise.all([personFor('organizer', ORGANIZER), personFor('employee', EMPLOYEE), personFor('admin', ADMIN)])
}, 60_000)

afterAll(async () => {
  await gateway?.close()
})

describe('the organizer console, in phone browsers', () => {
  it('shows an organizer their department’s activities and only the tools they may use', async () => {
    const { page } = people.organizer
    await gateway.visit(page, '/packages/admin/index/index')
    await shown(page, '机关党委主办的活动', true).waitFor()
    await tap(page, 'link', /^参与情况/).waitFor()
    expect(await tap(page, 'link', /^职工名册/).count()).toBe(0)
    expect(await tap(page, 'link', /^操作日志/).count()).toBe(0)
    await saveScreenshot(page, 'adm-01-console')
  })

  it('refuses to preview an activity with no category or title, saying what is missing', async () => {
    const { page } = people.organizer
    await nutButton(page, '＋ 新建活动').click()
    await settle(page)
    await shown(page, '时间（北京时间）', true).waitFor()
    await nutButton(page, '预览').click()
    await shown(page, '· 请选择活动类别', true).waitFor()
    await shown(page, '· 请填写活动名称', true).waitFor()
  })

  it('creates an activity: filled in, previewed as employees will see it, then published', async () => {
    const { page } = people.organizer
    await shown(page, /处需要修改/).waitFor({ state: 'hidden' })
    await tap(page, 'radio', '道德讲堂').click()
    await field(page, '例如 “我心中的好书”读书分享会').fill(TITLE)
    await field(page, '活动内容、流程、需要准备的物品等').fill('请身边好人讲述自己的故事。\n欢迎各部门同事参加。')
    await field(page, '例如 机关三楼会议室').fill('机关三楼会议室')
    await field(page, '例如 40').fill('30')
    await shown(page, /请先修改以下/).waitFor({ state: 'hidden' })
    await scrollToTop(page)
    await saveScreenshot(page, 'adm-02-activity-edit')
    await nutButton(page, '预览').click()
    await shown(page, '以下是职工在活动页看到的样子，确认无误后保存。', true).waitFor()
    await shown(page, TITLE, true).waitFor()
    await shown(page, '剩余 30 个名额', true).waitFor()
    await saveScreenshot(page, 'adm-03-activity-preview')
    await nutButton(page, '确认发布').click()
    await settle(page)
    await shown(page, '机关党委主办的活动', true).waitFor()
    await shown(page, TITLE, true).waitFor()
  })

  it('shows an empty registrant list with what to do next', async () => {
    const { page } = people.organizer
    await tap(page, 'button', `${TITLE} 的报名名单`).click()
    await settle(page)
    await shown(page, '还没有人报名', true).waitFor()
    activityId = Number(new URL(page.url().replace('#/', '')).searchParams.get('id'))
    expect(activityId).toBeGreaterThan(0)
    await saveScreenshot(page, 'adm-04-registrants-empty')
  })

  it('lets an employee register for the new activity on its page', async () => {
    const { page } = people.employee
    await gateway.visit(page, `/pages/activity/index?id=${activityId}`)
    await shown(page, TITLE, true).waitFor()
    await nutButton(page, '提交报名').click()
    await shown(page, '报名成功', true).waitFor()
    await shown(page, '知道了', true).click()
    await shown(page, '报名成功', true).waitFor({ state: 'hidden' })
  })

  it('shows the check-in desk with a large rotating code and the count', async () => {
    const { page } = people.organizer
    await page.goBack()
    await settle(page)
    await tap(page, 'button', `${TITLE} 的签到台`).click()
    await settle(page)
    await page
      .locator('.desk__code')
      .filter({ hasText: /^\d{6}$/, visible: true })
      .waitFor()
    await shown(page, /后自动更换/).waitFor()
    await shown(page, /已签到\s*0\s*\/\s*已报名\s*1/).waitFor()
    const qr = page.getByRole('img', { name: /签到二维码/ }).filter({ visible: true })
    await qr.waitFor()
    // A QR code of a 25-module-plus code drawn at 400 design units is well over 150 px wide on a 375 px phone.
    expect((await qr.boundingBox())!.width).toBeGreaterThan(150)
    await saveScreenshot(page, 'adm-05-checkin-desk')
  })

  it('checks the employee in by name at the desk', async () => {
    const { page } = people.organizer
    const { name } = people.employee
    await field(page, '输入姓名或工号查找').fill(name)
    await shown(page, name, true).waitFor()
    await nutButton(page, '签到').click()
    await shown(page, /已签到\s*1\s*\/\s*已报名\s*1/).waitFor()
    await shown(page, `${name} 已签到`, true).waitFor({ state: 'hidden' })
    await saveScreenshot(page, 'adm-06-checkin-done')
  })

  it('exports the registrants to Excel with the employee listed as 已签到', async () => {
    const { page } = people.organizer
    const { name, no } = people.employee
    await page.goBack()
    await settle(page)
    await tap(page, 'button', `${TITLE} 的报名名单`).click()
    await settle(page)
    await shown(page, name, true).waitFor()
    await page.locator('.people__row').filter({ hasText: name, visible: true }).getByText('已签到').waitFor()
    await saveScreenshot(page, 'adm-07-registrants')
    const [download] = await Promise.all([page.waitForEvent('download'), nutButton(page, '导出 Excel').click()])
    expect(download.suggestedFilename()).toMatch(/报名名单\.xlsx$/)
    const file = await download.path()
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.readFile(file)
    const sheet = workbook.getWorksheet('报名名单')!
    const header = (sheet.getRow(1).values as ExcelJS.CellValue[]).map(String)
    const rows = sheet.getSheetValues().slice(2) as ExcelJS.CellValue[][]
    const row = rows.find((r) => r && r[header.indexOf('工号')] === no)
    expect(row?.[header.indexOf('姓名')]).toBe(name)
    expect(row?.[header.indexOf('状态')]).toBe('已签到')
  })

  it('shows the organizer their department’s participation for this year', async () => {
    const { page } = people.organizer
    await gateway.visit(page, '/packages/admin/participation/index')
    await shown(page, `${new Date().getFullYear()} 年度`, true).waitFor()
    await shown(page, /^参与率 · \d+ \/ \d+ 人$/).waitFor()
    await shown(page, /仅统计机关党委/).waitFor()
    await shown(page, /^未参与人员（\d+ 人）$/).waitFor()
    await saveScreenshot(page, 'adm-08-participation')
  })

  it('cancels the activity only with a reason, after confirming', async () => {
    const { page } = people.organizer
    await gateway.visit(page, `/packages/admin/activity-edit/index?id=${activityId}`)
    await nutButton(page, '取消这项活动').click()
    await shown(page, /确定取消“道德讲堂·身边好人故事会”吗/).waitFor()
    await nutButton(page, '确定取消活动').click()
    await shown(page, '请填写取消原因，报名的同事会收到这条说明', true).waitFor()
    await field(page, '例如 因天气原因，活动延期举行，时间另行通知').fill(REASON)
    await saveScreenshot(page, 'adm-09-cancel-confirm')
    await nutButton(page, '确定取消活动').click()
    await shown(page, `原因：${REASON}`, true).waitFor()
    await shown(page, /^活动已于 .* 取消$/).waitFor()
  })

  it('tells the registered employee in 消息, unread until they open it', async () => {
    const { page } = people.employee
    await gateway.visit(page, '/packages/inbox/index/index')
    await tap(page, 'button', '未读 活动已取消').waitFor()
    await shown(page, '1 条未读', true).waitFor()
    await shown(page, new RegExp(REASON)).waitFor()
    await saveScreenshot(page, 'inbox-01-messages')
    await tap(page, 'button', '未读 活动已取消').click()
    await settle(page)
    await shown(page, TITLE, true).waitFor()
    await page.goBack()
    await settle(page)
    await shown(page, '全部已读', true).waitFor()
    expect(await tap(page, 'button', /^未读/).count()).toBe(0)
  })

  it('shows an administrator every tool of the console', async () => {
    const { page } = people.admin
    await gateway.visit(page, '/packages/admin/index/index')
    await shown(page, '全部部门的活动', true).waitFor()
    for (const tool of ['参与情况', '职工名册', '工作要点', '操作日志'])
      await tap(page, 'link', new RegExp(`^${tool}`)).waitFor()
  })

  it('finds an employee on the roster and opens them for editing', async () => {
    const { page } = people.admin
    const { name, no } = people.employee
    await tap(page, 'link', /^职工名册/).click()
    await settle(page)
    await shown(page, /^名册共 \d+ 人$/).waitFor()
    await saveScreenshot(page, 'adm-10-roster')
    await field(page, '按姓名或工号搜索').fill(no)
    await shown(page, '找到 1 人', true).waitFor()
    await tap(page, 'button', new RegExp(`^${name}`)).click()
    await shown(page, `${name}（${no}）`, true).waitFor()
    await shown(page, '账号可用', true).waitFor()
    await saveScreenshot(page, 'adm-11-roster-edit')
    await page.locator('.nut-popup-title-right').filter({ visible: true }).click()
    await shown(page, '账号可用', true).waitFor({ state: 'hidden' })
  })

  it('previews a roster file row by row and imports nothing until asked', async () => {
    const { page } = people.admin
    const csv = [
      '工号,姓名,部门,手机,角色',
      'E0201,欧阳明,办公室,13900000201,职工',
      `${EMPLOYEE},${people.employee.name},机关党委,13900000010,组织者`,
      'E0202,,办公室,,职工',
      'E0203,司马光,财务审计科,12345,职工',
    ].join('\n')
    await tap(page, 'radio', '批量导入').click()
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), nutButton(page, '选择文件').click()])
    await chooser.setFiles({ name: '职工名册.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') })
    await shown(page, '有效 2', true).waitFor()
    await shown(page, '有误 2', true).waitFor()
    await shown(page, '缺少姓名', true).waitFor()
    await shown(page, '手机号“12345”格式不正确', true).waitFor()
    await saveScreenshot(page, 'adm-12-roster-import')
    expect(await gateway.server.store.getEmployeeByNo('E0201')).toBeNull()
    await nutButton(page, '导入有效的 2 行').click()
    await shown(page, '已导入 2 行：新增 1 人，更新 1 人。', true).waitFor()
    expect((await gateway.server.store.getEmployeeByNo('E0201'))?.name).toBe('欧阳明')
    expect(await gateway.server.store.getEmployeeByNo('E0203')).toBeNull()
  })

  it('previews a pasted plan as theme cards with the noise listed, saves it as a draft and publishes it', async () => {
    const { page } = people.admin
    await gateway.visit(page, '/packages/admin/plans/index')
    await shown(page, '全部工作要点', true).waitFor()
    await field(page, '在此粘贴工作要点全文').fill(FIRST_PLAN)
    await nutButton(page, '预览').click()
    await shown(page, '预览：识别到 1 份要点', true).waitFor()
    await shown(page, '以优秀文化为载体，丰富职工精神文化生活', true).waitFor()
    await shown(page, /^已自动去除的内容（\d+ 条）$/).waitFor()
    await shown(page, /微信/).first().waitFor()
    await saveScreenshot(page, 'adm-13-plan-preview')
    await nutButton(page, '保存为草稿').click()
    await shown(page, '草稿', true).waitFor()
    await tap(page, 'button', '发布').click()
    await shown(page, /全体职工的首页将显示/).waitFor()
    await nutButton(page, '确定发布').click()
    await shown(page, '草稿', true).waitFor({ state: 'hidden' })
    await shown(page, '已发布', true).waitFor({ state: 'hidden' })
    await saveScreenshot(page, 'adm-14-plans')
  })

  it('lists who did what in the audit log, with before and after', async () => {
    const { page } = people.admin
    await gateway.visit(page, '/packages/admin/audit/index')
    for (const action of ['新建活动', '代为签到', '取消活动', '导入名册', '发布工作要点']) {
      await shown(page, action, true).first().waitFor()
    }
    await shown(page, '查看变更前后', true).first().click()
    await shown(page, '收起详情', true).waitFor()
    await saveScreenshot(page, 'adm-15-audit')
  })

  it('had no script errors along the way', () => {
    for (const person of Object.values(people)) expect(person.problems).toEqual([])
  })
})
