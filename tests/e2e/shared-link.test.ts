import type { Page } from 'playwright-core'
import { readConfig } from '../../src/cloud/config'
import type { Principal } from '../../src/cloud/context'
import { startServer, type RunningServer } from '../../src/cloud/server'
import type { ActivityPage } from '../../src/domain/activity'
import { makeTempDir } from '../cloud/helpers'
import { H5_DIST, launchPhone, saveScreenshot, watchProblems } from './browser'

jest.setTimeout(60_000)

let server: RunningServer
let phone: Awaited<ReturnType<typeof launchPhone>>
let page: Page
let problems: string[]
let cleanup: () => void
let activity: { id: number; title: string }

beforeAll(async () => {
  const temp = makeTempDir()
  cleanup = temp.cleanup
  server = await startServer(readConfig({ DATA_DIR: temp.dir, PORT: '0', STATIC_DIR: H5_DIST }))
  const admin = await server.store.getEmployeeByNo('E0001')
  if (!admin) throw new Error('demo roster is missing E0001')
  const principal: Principal = { employeeId: admin.id }
  const listed = await server.router('activity.list', {}, principal)
  if (!listed.body.ok) throw new Error(listed.body.error.message)
  activity = (listed.body.data as ActivityPage).items[0]
  phone = await launchPhone()
  page = await phone.context.newPage()
  page.setDefaultTimeout(15_000)
  problems = watchProblems(page)
})

afterAll(async () => {
  await phone?.close()
  await server?.close()
  cleanup?.()
})

/** Text on the page the user sees now (Taro keeps the pages below it in the DOM, hidden). */
function shown(text: string | RegExp, exact = false) {
  return page.getByText(text, { exact }).filter({ visible: true })
}

describe('a link shared into a chat, opened by someone not yet logged in', () => {
  it('leads to the login page first', async () => {
    await page.goto(`${server.url}/#/pages/activity/index?id=${activity.id}`)
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
