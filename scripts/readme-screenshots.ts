/**
 * npm run screenshots: the pictures of the app in README.md, taken the way the e2e tests take theirs. The gateway
 * serves the H5 build (run `npm run build:h5` first) on a throw-away data directory with the demo data; headless
 * Chromium at 375×812 logs in as an organizer, opens the main pages and registers for an activity. The JPEGs go to
 * docs/screenshots/ at one device pixel per CSS pixel, to stay small; they are committed.
 */
import fs from 'node:fs'
import path from 'node:path'
import type { Page } from 'playwright-core'
import { readConfig } from '../src/cloud/config'
import { startServer } from '../src/cloud/server'
import type { PlanView } from '../src/domain/plan'
import { fromLocal, toLocalDate } from '../src/domain/time'
import { makeTempDir } from '../tests/cloud/helpers'
import { H5_DIST, launchPhone, nutButton, saveScreenshot, shownOn } from '../tests/e2e/browser'

const OUT = path.resolve(__dirname, '../docs/screenshots')
// An organizer of 机关党委: sees the console, and may register like anyone else.
const ORGANIZER = 'E0002'
const ACTIVITY = '趣味运动会·周末场'
const HOUR = 3600 * 1000
/** JPEG quality: the gradients of the cards make PNGs two to three times larger. */
const QUALITY = 72
/** Pictures larger than this are worth a look: README loads them all. */
const MAX_BYTES = 60 * 1024

/** Opens `route` afresh, as from a link: a full load shows that page alone. */
async function visit(page: Page, url: string, route: string): Promise<void> {
  await page.goto('about:blank')
  await page.goto(`${url}/#${route}`)
}

async function main(): Promise<void> {
  const temp = makeTempDir()
  const server = await startServer(readConfig({ DATA_DIR: temp.dir, PORT: '0', STATIC_DIR: H5_DIST }))
  const phone = await launchPhone({ deviceScaleFactor: 1 })
  const written: string[] = []
  try {
    const organizer = await server.store.getEmployeeByNo(ORGANIZER)
    if (!organizer) throw new Error(`the demo roster has no ${ORGANIZER}`)
    const as = { employeeId: organizer.id }
    // Tomorrow morning, with two events to choose from and a question, as the e2e registration test has it.
    const tomorrow = toLocalDate(new Date(Date.now() + 24 * HOUR).toISOString())
    const created = await server.router(
      'admin.activity.create',
      {
        category: 'sports',
        title: ACTIVITY,
        description: '设拔河、跳绳两个项目，每人选一项。\n请穿运动鞋，提前十分钟到场签到。',
        location: '机关篮球场',
        startsAt: fromLocal(tomorrow, '09:00'),
        endsAt: fromLocal(tomorrow, '11:30'),
        capacity: 40,
        options: [
          { key: 'tug', label: '拔河', capacity: 20 },
          { key: 'rope', label: '跳绳', capacity: 20 },
        ],
        maxOptions: 1,
        formFields: [
          { key: 'size', label: '服装尺码', type: 'single', required: true, choices: ['S', 'M', 'L', 'XL'] },
        ],
      },
      as,
    )
    if (!created.body.ok) throw new Error(created.body.error.message)
    const activityId = (created.body.data as { id: number }).id
    const current = await server.router('plan.current', {}, as)
    if (!current.body.ok) throw new Error(current.body.error.message)
    const plan = current.body.data as PlanView
    const theme = plan.sections[3] ?? plan.sections[0]

    const page = await phone.context.newPage()
    page.setDefaultTimeout(20_000)
    const shoot = async (name: string) => written.push(await saveScreenshot(page, name, { dir: OUT, quality: QUALITY }))

    await page.goto(server.url)
    await shownOn(page, '演示模式').waitFor()
    await page.locator('input').filter({ visible: true }).first().fill(ORGANIZER)
    await nutButton(page, '登录').click()
    await shownOn(page, '工作主题').waitFor()
    await shownOn(page, plan.sections[plan.sections.length - 1].title, true).waitFor()
    await shoot('home')

    await visit(page, server.url, `/pages/theme/index?planId=${plan.id}&section=${theme.number}`)
    await shownOn(page, theme.title, true).waitFor()
    await shownOn(page, '本主题的活动', true).waitFor()
    await shoot('theme')

    await visit(page, server.url, `/pages/activity/index?id=${activityId}`)
    await shownOn(page, ACTIVITY, true).waitFor()
    await page.getByRole('checkbox', { name: /跳绳/ }).click()
    await shownOn(page, 'M', true).click()
    await nutButton(page, '提交报名').scrollIntoViewIfNeeded()
    await shoot('activity')
    await nutButton(page, '提交报名').click()
    await shownOn(page, '知道了', true).click()
    await shownOn(page, '我的报名', true).waitFor()

    await visit(page, server.url, '/pages/mine/index')
    await shownOn(page, organizer.name, true).waitFor()
    await shownOn(page, ACTIVITY, true).waitFor()
    await shoot('mine')

    await visit(page, server.url, '/packages/goodpeople/index/index')
    await shownOn(page, '候选人', true).waitFor()
    await page.locator('.gp-card').filter({ visible: true }).first().waitFor()
    await shoot('goodpeople')

    await visit(page, server.url, '/packages/admin/index/index')
    await shownOn(page, `${organizer.department}主办的活动`, true).waitFor()
    await shownOn(page, ACTIVITY, true).waitFor()
    await shoot('console')
  } finally {
    await phone.close()
    await server.close()
    temp.cleanup()
  }
  for (const file of written) {
    const bytes = fs.statSync(file).size
    const note = bytes > MAX_BYTES ? `  larger than ${MAX_BYTES / 1024} KB` : ''
    console.log(`${path.relative(process.cwd(), file)}  ${(bytes / 1024).toFixed(1)} KB${note}`)
  }
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
