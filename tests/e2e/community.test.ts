import type { CheckinCode } from '../../src/domain/activity'
import { nutButton, saveScreenshot, shownOn, startH5Gateway, type H5Gateway, type Person } from './browser'

jest.setTimeout(90_000)

const HOUR = 60 * 60 * 1000
const NOTE_TITLE = '读《苏东坡传》有感'
const NOTE_BODY = [
  '苏东坡一生屡遭贬谪，却总能在困顿中找到生活的乐趣，黄州的东坡肉、惠州的荔枝，都是他豁达心境的写照。',
  '联系到我们的工作，遇到急难险重的任务时，更需要这样乐观坚韧的精神状态，把压力化作动力。',
].join('\n')
const REJECT_REASON = '请结合本职工作再多谈一些体会'

let gateway: H5Gateway
let employee: Person
let admin: Person

/** A volunteer activity that is on now, with these employees registered and checked in. */
async function serve(title: string, hours: number, employeeNos: string[]): Promise<void> {
  const now = Date.now()
  const { call, admin: adminPrincipal } = gateway
  const { id } = await call<{ id: number }>(
    'admin.activity.create',
    {
      category: 'volunteer',
      title,
      location: '幸福里社区服务中心',
      startsAt: new Date(now + HOUR).toISOString(),
      endsAt: new Date(now + 3 * HOUR).toISOString(),
      checkinOpensAt: new Date(now - HOUR).toISOString(),
      capacity: 50,
      volunteerHours: hours,
    },
    adminPrincipal,
  )
  const { code } = await call<CheckinCode>('admin.activity.checkinCode', { id }, adminPrincipal)
  for (const no of employeeNos) {
    const person = await gateway.as(no)
    await call('registration.create', { activityId: id }, person)
    await call('checkin.create', { activityId: id, code }, person)
  }
}

beforeAll(async () => {
  gateway = await startH5Gateway()
  await serve('社区文明劝导志愿服务', 2.5, ['E0020', 'E0021', 'E0022', 'E0035', 'E0048', 'E0061'])
  await serve('应急知识进校园', 3, ['E0020', 'E0035', 'E0074'])
  ;[employee, admin] = await Promise.all([gateway.person('E0020'), gateway.person('E0001')])
  await Promise.all([gateway.logIn(employee.page, employee.no), gateway.logIn(admin.page, admin.no)])
}, 60_000)

afterAll(async () => {
  await gateway?.close()
})

describe('书香阅读, in a phone browser', () => {
  it('ranks the recommended books and lets an employee second one', async () => {
    const { page } = employee
    await gateway.visit(page, '/packages/reading/index/index')
    await shownOn(page, '《平凡的世界》', true).waitFor()
    await shownOn(page, '5 人推荐', true).waitFor()
    await page.getByLabel('我也推荐《红星照耀中国》').filter({ visible: true }).click()
    await shownOn(page, '4 人推荐', true).waitFor()
    await saveScreenshot(page, 'rd-01-books')
  })

  it('merges a book typed with its author into the existing entry', async () => {
    const { page } = employee
    await nutButton(page, '我要推荐一本书').click()
    await page
      .locator('input[placeholder="例如《平凡的世界》路遥"]')
      .filter({ visible: true })
      .fill('《平凡的世界》 路遥')
    await page
      .locator('textarea[placeholder^="这本书打动你的地方"]')
      .filter({ visible: true })
      .fill('写尽了普通人的奋斗。')
    await saveScreenshot(page, 'rd-02-recommend')
    await nutButton(page, '推荐').click()
    await shownOn(page, '6 人推荐', true).waitFor()
    expect(await shownOn(page, '《平凡的世界》', true).count()).toBe(1)
  })

  it('shows published notes with likes', async () => {
    const { page } = employee
    await page.getByRole('tab', { name: '读书心得' }).filter({ visible: true }).click()
    await shownOn(page, '在平凡中坚守', true).waitFor()
    await page.getByRole('button', { name: /^点赞/ }).filter({ visible: true }).first().click()
    await page
      .getByRole('button', { name: /^取消点赞/ })
      .filter({ visible: true })
      .first()
      .waitFor()
    await saveScreenshot(page, 'rd-03-notes')
  })

  it('lets an employee write a note that waits for review', async () => {
    const { page } = employee
    await nutButton(page, '写心得').click()
    await page.locator('input[placeholder="例如《平凡的世界》"]').filter({ visible: true }).fill('苏东坡传')
    await page.locator('input[placeholder^="给心得起个标题"]').filter({ visible: true }).fill(NOTE_TITLE)
    await page.locator('textarea[placeholder^="读了这本书"]').filter({ visible: true }).fill(NOTE_BODY)
    await shownOn(page, '字数符合要求', true).waitFor()
    await saveScreenshot(page, 'rd-04-note-form')
    await nutButton(page, '提交审核').click()
    await shownOn(page, NOTE_TITLE, true).waitFor()
    await shownOn(page, '审核中', true).waitFor()
    await saveScreenshot(page, 'rd-05-my-notes')
  })

  it('lets the administrator send the note back with a reason', async () => {
    const { page } = admin
    await gateway.visit(page, '/packages/reading/review/index')
    await shownOn(page, NOTE_TITLE, true).waitFor()
    await nutButton(page, '不通过').click()
    await page.locator('textarea[placeholder^="例如：事迹内容不够具体"]').filter({ visible: true }).fill(REJECT_REASON)
    await saveScreenshot(page, 'rd-06-review')
    await nutButton(page, '确认不通过').click()
    await shownOn(page, '没有待审核的心得', true).waitFor()
  })

  it('tells the writer why the note was not published', async () => {
    const { page } = employee
    await gateway.visit(page, '/packages/reading/index/index?tab=notes&view=mine')
    await shownOn(page, NOTE_TITLE, true).waitFor()
    await shownOn(page, '未通过', true).waitFor()
    await shownOn(page, `未通过原因：${REJECT_REASON}`, true).waitFor()
  })
})

describe('志愿服务, in a phone browser', () => {
  it('shows an employee their hours of the year, the departments and the top volunteers', async () => {
    const { page } = employee
    await gateway.visit(page, '/packages/volunteer/index/index')
    await shownOn(page, '5.5', true).waitFor()
    await shownOn(page, '社区文明劝导志愿服务', true).waitFor()
    await shownOn(page, '各部门服务时长', true).waitFor()
    await saveScreenshot(page, 'vol-01-mine')
    await shownOn(page, '年度志愿者前十', true).scrollIntoViewIfNeeded()
    await saveScreenshot(page, 'vol-02-top')
  })

  it('gives administrators the 优秀志愿者 candidates by minimum hours', async () => {
    const { page } = admin
    await gateway.visit(page, '/packages/volunteer/index/index')
    await shownOn(page, '优秀志愿者候选', true).scrollIntoViewIfNeeded()
    await page.getByRole('radio', { name: '≥ 4 小时' }).filter({ visible: true }).click()
    await shownOn(page, '2 人', true).waitFor()
    await saveScreenshot(page, 'vol-03-candidates')
  })
})

describe('节日与纪念日, in a phone browser', () => {
  it('counts down to the next festival and lists the year in date order with weekdays', async () => {
    const { page } = employee
    await gateway.visit(page, '/packages/calendar/index/index')
    await shownOn(page, /^还有 \d+ 天$/)
      .first()
      .waitFor()
    await shownOn(page, '重阳节', true).waitFor()
    await shownOn(page, '学雷锋纪念日', true).waitFor()
    await saveScreenshot(page, 'cal-01-year')
    await page.getByRole('button', { name: '下一年' }).filter({ visible: true }).click()
    const year = new Date().getFullYear() + 1
    await shownOn(page, `${year}年`, true).waitFor()
    await shownOn(page, /^3月5日 周.$/).waitFor()
    await saveScreenshot(page, 'cal-02-next-year')
  })

  it('had no script errors along the way', () => {
    expect([...employee.problems, ...admin.problems]).toEqual([])
  })
})
