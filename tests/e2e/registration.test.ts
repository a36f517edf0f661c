import type { Page } from 'playwright-core'
import type { CheckinCode } from '../../src/domain/activity'
import { fromLocal, toLocalDate } from '../../src/domain/time'
import { nutButton, saveScreenshot, settle, shownOn, startH5Gateway, type H5Gateway, type Person } from './browser'

jest.setTimeout(90_000)

const TITLE = '趣味运动会·周末场'
const CALLED_OFF = '职工书法作品展'
const CALL_OFF_REASON = '展厅临时检修，活动改期另行通知'
const CULTURE_THEME = '以优秀文化为载体，丰富职工精神文化生活'
const HOUR = 60 * 60 * 1000

let gateway: H5Gateway
let activityId: number
let calledOffId: number
const people: Record<'a' | 'b' | 'c', Person> = {} as never

async function openActivity(page: Page): Promise<void> {
  await gateway.visit(page, `/pages/activity/index?id=${activityId}`)
  await shownOn(page, TITLE, true).waitFor()
}

beforeAll(async () => {
  gateway = await startH5Gateway()
  const { call, admin } = gateway

  // Tomorrow morning, two seats, two events, and the check-in desk already open: small enough to fill in a test.
  const now = Date.now()
  const tomorrow = toLocalDate(new Date(now + 24 * HOUR).toISOString())
  const activity = await call<{ id: number }>(
    'admin.activity.create',
    {
      category: 'sports',
      title: TITLE,
      description: '设拔河、跳绳两个项目，每人选一项。\n请穿运动鞋，提前十分钟到场签到。',
      location: '机关篮球场',
      startsAt: fromLocal(tomorrow, '09:00'),
      endsAt: fromLocal(tomorrow, '11:30'),
      checkinOpensAt: new Date(now - HOUR).toISOString(),
      capacity: 2,
      waitlist: true,
      options: [
        { key: 'tug', label: '拔河', capacity: null },
        { key: 'rope', label: '跳绳', capacity: null },
      ],
      maxOptions: 1,
      formFields: [{ key: 'size', label: '服装尺码', type: 'single', required: true, choices: ['S', 'M', 'L', 'XL'] }],
    },
    admin,
  )
  activityId = activity.id

  // And one that the organizers called off.
  const other = await call<{ id: number }>(
    'admin.activity.create',
    {
      category: 'contest',
      title: CALLED_OFF,
      location: '机关一楼大厅',
      startsAt: fromLocal(tomorrow, '14:00'),
      endsAt: fromLocal(tomorrow, '17:00'),
      capacity: 30,
    },
    admin,
  )
  calledOffId = other.id
  await call('admin.activity.cancel', { id: calledOffId, reason: CALL_OFF_REASON }, admin)

  ;[people.a, people.b, people.c] = await Promise.all([
    gateway.person('E0020'),
    gateway.person('E0021'),
    gateway.person('E0022'),
  ])
}, 60_000)

afterAll(async () => {
  await gateway?.close()
})

describe('registering for an activity, in phone browsers', () => {
  it('shows activities open for registration under the theme cards on 首页', async () => {
    const { page } = people.a
    await gateway.logIn(page, people.a.no)
    await shownOn(page, '近期活动', true).scrollIntoViewIfNeeded()
    await shownOn(page, '查看全部 ›', true).waitFor()
    await page.locator('.activity-card').filter({ visible: true }).first().waitFor()
    await saveScreenshot(page, '08-home-activities')
  })

  it('lists a theme’s activities under its work points', async () => {
    const { page } = people.a
    await shownOn(page, CULTURE_THEME, true).click()
    await settle(page)
    await shownOn(page, '本主题的活动', true).scrollIntoViewIfNeeded()
    await shownOn(page, /职工趣味运动会/).waitFor()
    await saveScreenshot(page, '09-theme-activities')
  })

  it('lists the activity under its category on the 活动 tab', async () => {
    const { page } = people.a
    await gateway.visit(page, '/pages/home/index')
    await shownOn(page, '活动', true).click()
    await page.getByRole('tab', { name: '文体活动' }).filter({ visible: true }).click()
    await shownOn(page, TITLE, true).waitFor()
    await shownOn(page, '剩余 2 个名额').waitFor()
    await saveScreenshot(page, '10-activities')
  })

  it('lets A register for the sports meet choosing an event', async () => {
    const { page } = people.a
    await shownOn(page, TITLE, true).click()
    await settle(page)
    await page.getByRole('checkbox', { name: /跳绳/ }).waitFor()
    await shownOn(page, '剩余 2 个名额').waitFor()
    await saveScreenshot(page, '11-activity')
    await page.getByRole('checkbox', { name: /跳绳/ }).click()
    await shownOn(page, 'M', true).click()
    await saveScreenshot(page, '12-form')
    await nutButton(page, '提交报名').click()
    await shownOn(page, '报名成功', true).waitFor()
    await saveScreenshot(page, '13-registered')
    await shownOn(page, '知道了', true).click()
    await shownOn(page, '我的报名', true).waitFor()
    await shownOn(page, '已报名', true).first().waitFor()
    await shownOn(page, '剩余 1 个名额').waitFor()
  })

  it('shows the registration in 我的', async () => {
    const { page } = people.a
    await gateway.visit(page, '/pages/mine/index')
    await shownOn(page, people.a.name, true).waitFor()
    await shownOn(page, TITLE, true).waitFor()
    await shownOn(page, '已报名', true).waitFor()
    await saveScreenshot(page, '14-mine')
  })

  it('gives B the last seat', async () => {
    const { page } = people.b
    await gateway.logIn(page, people.b.no)
    await openActivity(page)
    await page.getByRole('checkbox', { name: /拔河/ }).click()
    await shownOn(page, 'L', true).click()
    await nutButton(page, '提交报名').click()
    await shownOn(page, '报名成功', true).waitFor()
    await shownOn(page, '知道了', true).click()
    await shownOn(page, '名额已满 · 可候补').waitFor()
  })

  it('tells C that they are first on the waitlist', async () => {
    const { page } = people.c
    await gateway.logIn(page, people.c.no)
    await openActivity(page)
    await shownOn(page, '名额已满 · 可候补').waitFor()
    await page.getByRole('checkbox', { name: /拔河/ }).click()
    await shownOn(page, 'XL', true).click()
    await nutButton(page, '报名候补').click()
    await shownOn(page, /已进入候补，第\s*1\s*位/).waitFor()
    await saveScreenshot(page, '15-waitlisted')
    await shownOn(page, '知道了', true).click()
    await shownOn(page, /候补第\s*1\s*位/).waitFor()
    await saveScreenshot(page, '16-waitlist-card')
  })

  it('lets B cancel from 我的 after confirming', async () => {
    const { page } = people.b
    await gateway.visit(page, '/pages/mine/index')
    await shownOn(page, TITLE, true).waitFor()
    await nutButton(page, '取消报名').click()
    await shownOn(page, /确定取消“趣味运动会·周末场”的报名吗/).waitFor()
    await saveScreenshot(page, '17-cancel-confirm')
    await shownOn(page, '确定取消', true).click()
    await shownOn(page, '已取消报名', true).waitFor()
    await shownOn(page, '往期记录 1', true).click()
    await shownOn(page, '已取消', true).waitFor()
  })

  it('moves C up from the waitlist once B has cancelled', async () => {
    const { page } = people.c
    await page.reload()
    await shownOn(page, TITLE, true).waitFor()
    await shownOn(page, '已报名', true).waitFor()
    await shownOn(page, '现场签到', true).waitFor()
    expect(await shownOn(page, /候补第\s*1\s*位/).count()).toBe(0)
  })

  it('checks C in with the code of the desk', async () => {
    const { page } = people.c
    const { code } = await gateway.call<CheckinCode>('admin.activity.checkinCode', { id: activityId }, gateway.admin)
    expect(code).toMatch(/^\d{6}$/)
    await page.locator('input[placeholder="6 位签到码"]').filter({ visible: true }).fill(code)
    await saveScreenshot(page, '18-checkin')
    await nutButton(page, '签到').click()
    await shownOn(page, '签到成功', true).waitFor()
    await shownOn(page, '已签到', true).waitFor()
    await shownOn(page, /已于 .+ 签到/).waitFor()
    await shownOn(page, '签到成功', true).waitFor({ state: 'hidden' })
    await saveScreenshot(page, '19-checked-in')
  })

  it('shows the administrator the check-in code, large', async () => {
    // Log B's phone out and back in as the administrator through the demo login page.
    const { page } = people.b
    await page.evaluate(() => localStorage.clear())
    await gateway.logIn(page, 'E0001')
    await openActivity(page)
    await nutButton(page, '签到码').click()
    await shownOn(page, /^\d{6}$/).waitFor()
    await saveScreenshot(page, '20-checkin-code')
  })

  it('says plainly that an activity was called off, and why', async () => {
    const { page } = people.a
    await gateway.visit(page, `/pages/activity/index?id=${calledOffId}`)
    await shownOn(page, CALLED_OFF, true).waitFor()
    await shownOn(page, '活动已取消', true).waitFor()
    await shownOn(page, CALL_OFF_REASON, true).waitFor()
    expect(await nutButton(page, '提交报名').count()).toBe(0)
    await saveScreenshot(page, '21-called-off')
  })

  it('had no script errors along the way', () => {
    expect(Object.values(people).flatMap((person) => person.problems)).toEqual([])
  })
})
