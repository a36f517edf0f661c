/**
 * Subscribe messages from the deployable cloud function: the esbuild bundle in plain Node, wx-server-sdk replaced at
 * the network boundary (its `cloud.openapi.subscribeMessage.send` records what it was asked to send), templates
 * configured through the function's environment variables as README's deploy section says.
 */
import path from 'node:path'
import Database from 'better-sqlite3'
import { buildCloudFunction } from '../../scripts/build-cloud'
import { seedDemoData } from '../../src/cloud/demo/seed'
import { createRouter } from '../../src/cloud/router'
import { openSqliteStore } from '../../src/cloud/store/sqlite'
import type { Activity } from '../../src/domain/activity'
import { formatFullDateTime } from '../../src/domain/time'
import { runBundle, type BundleCall, type BundleRun } from './bundle-runner'
import { makeTempDir, TEST_SECRET } from './helpers'

jest.setTimeout(60_000)

const HOUR = 3600 * 1000
// The demo year lies far from today, so that no demo activity is due for a reminder while these tests run.
const DEMO_NOW = new Date('2020-03-01T02:00:00.000Z')

const ENV = {
  SUBSCRIBE_REMINDER_TEMPLATE: 'tmpl-reminder',
  SUBSCRIBE_REMINDER_FIELDS: 'thing1=title,time2=time,thing3=location',
  SUBSCRIBE_PROMOTED_TEMPLATE: 'tmpl-promoted',
  SUBSCRIBE_PROMOTED_FIELDS: 'thing1=title,phrase2=status,thing3=note',
  SUBSCRIBE_CANCELLED_TEMPLATE: 'tmpl-cancelled',
  SUBSCRIBE_CANCELLED_FIELDS: 'thing1=title,time2=time,thing4=reason',
  SUBSCRIBE_MINIPROGRAM_STATE: 'trial',
}

/** Employees bound to WeChat for these tests, by 工号. */
const OPENIDS: Record<string, string> = {
  E0001: 'o-admin',
  E0151: 'o-151',
  E0152: 'o-152',
  E0153: 'o-153',
  E0154: 'o-154',
  E0155: 'o-155',
  E0156: 'o-refuses',
}

let temp: ReturnType<typeof makeTempDir>
let functionDir: string
let dataDir: string
let activities: Record<'soon' | 'promote' | 'cancel' | 'refused', Activity>

function run(calls: BundleCall[], refuse: string[] = []): BundleRun {
  return runBundle(
    { functionDir, workDir: temp.dir, env: { DATA_DIR: dataDir, TOKEN_SECRET: TEST_SECRET, ...ENV }, refuse },
    calls,
  )
}

const as = (openid: string, action: string, payload: unknown): BundleCall => ({ openid, event: { action, payload } })
const timer: BundleCall = { event: { Type: 'Timer', TriggerName: 'reminders' } }
const pageOf = (activity: Activity) => `pages/activity/index?id=${activity.id}`

function statusOf(activity: Activity, employeeNo: string): string[] {
  const db = new Database(path.join(dataDir, 'wenming.db'), { readonly: true })
  try {
    const rows = db
      .prepare(
        `SELECT r.status FROM registrations r JOIN employees e ON e.id = r.employee_id
         WHERE r.activity_id = ? AND e.employee_no = ? ORDER BY r.id`,
      )
      .all(activity.id, employeeNo) as { status: string }[]
    return rows.map((r) => r.status)
  } finally {
    db.close()
  }
}

beforeAll(async () => {
  temp = makeTempDir()
  functionDir = path.join(temp.dir, 'api')
  dataDir = path.join(temp.dir, 'data')
  await buildCloudFunction(functionDir)

  const store = openSqliteStore(path.join(dataDir, 'wenming.db'))
  await seedDemoData(store, DEMO_NOW)
  for (const [employeeNo, openid] of Object.entries(OPENIDS)) {
    await store.bindOpenid((await store.getEmployeeByNo(employeeNo))!.id, openid, DEMO_NOW.toISOString())
  }
  const router = createRouter({ store, config: { demoMode: false, tokenSecret: TEST_SECRET, tokenTtlSeconds: 3600 } })
  const admin = { openid: 'o-admin' }
  const create = async (title: string, startsInHours: number): Promise<Activity> => {
    const created = await router(
      'admin.activity.create',
      {
        category: 'lecture',
        title,
        location: '机关三楼报告厅',
        startsAt: new Date(Date.now() + startsInHours * HOUR).toISOString(),
        endsAt: new Date(Date.now() + (startsInHours + 2) * HOUR).toISOString(),
        capacity: 1,
      },
      admin,
    )
    if (!created.body.ok) throw new Error(created.body.error.message)
    return created.body.data as Activity
  }
  activities = {
    soon: await create('明天上午的道德讲堂', 20),
    promote: await create('读书分享会', 72),
    cancel: await create('趣味运动会', 96),
    refused: await create('学雷锋志愿服务', 120),
  }
  await store.close()
})

afterAll(() => temp.cleanup())

describe('subscribe messages from the cloud function', () => {
  it('sends the day-before reminder once, to the confirmed registrant only', () => {
    const { soon } = activities
    const { answers, sent } = run([
      as('o-151', 'registration.create', { activityId: soon.id }),
      as('o-152', 'registration.create', { activityId: soon.id }),
      timer,
      timer,
    ])
    expect(answers[0]).toMatchObject({ ok: true, data: { status: 'confirmed' } })
    expect(answers[1]).toMatchObject({ ok: true, data: { status: 'waitlisted' } })
    expect(answers[2]).toEqual({ ok: true, data: { reminders: 1 } })
    expect(answers[3]).toEqual({ ok: true, data: { reminders: 0 } })
    expect(sent).toEqual([
      {
        touser: 'o-151',
        templateId: 'tmpl-reminder',
        page: pageOf(soon),
        data: {
          thing1: { value: '明天上午的道德讲堂' },
          time2: { value: formatFullDateTime(soon.startsAt) },
          thing3: { value: '机关三楼报告厅' },
        },
        miniprogramState: 'trial',
        lang: 'zh_CN',
      },
    ])
  })

  it('tells the person promoted from the waitlist, and no one else', () => {
    const { promote } = activities
    const { answers, sent } = run([
      as('o-153', 'registration.create', { activityId: promote.id }),
      as('o-154', 'registration.create', { activityId: promote.id }),
      as('o-153', 'registration.cancel', { activityId: promote.id }),
    ])
    expect(answers.map((a) => a.ok)).toEqual([true, true, true])
    expect(answers[1]).toMatchObject({ data: { status: 'waitlisted' } })
    expect(sent).toEqual([
      expect.objectContaining({
        touser: 'o-154',
        templateId: 'tmpl-promoted',
        page: pageOf(promote),
        data: {
          thing1: { value: '读书分享会' },
          phrase2: { value: '报名成功' },
          thing3: { value: '已由候补转为正式报名' },
        },
      }),
    ])
    expect(statusOf(promote, 'E0154')).toEqual(['confirmed'])
  })

  it('tells the registrants of a cancelled activity, not the one who had already cancelled', () => {
    const { cancel } = activities
    const { answers, sent } = run([
      as('o-155', 'registration.create', { activityId: cancel.id }),
      as('o-151', 'registration.create', { activityId: cancel.id }),
      as('o-151', 'registration.cancel', { activityId: cancel.id }),
      as('o-admin', 'admin.activity.cancel', { id: cancel.id, reason: '场地临时检修，活动改期另行通知' }),
    ])
    expect(answers.map((a) => a.ok)).toEqual([true, true, true, true])
    expect(sent).toEqual([
      expect.objectContaining({
        touser: 'o-155',
        templateId: 'tmpl-cancelled',
        page: pageOf(cancel),
        data: {
          thing1: { value: '趣味运动会' },
          time2: { value: formatFullDateTime(cancel.startsAt) },
          thing4: { value: '场地临时检修，活动改期另行通知' },
        },
      }),
    ])
  })

  it('completes the promotion and answers ok when WeChat refuses the message (43101: not subscribed)', () => {
    const { refused } = activities
    const { answers, sent, logs } = run(
      [
        as('o-152', 'registration.create', { activityId: refused.id }),
        as('o-refuses', 'registration.create', { activityId: refused.id }),
        as('o-152', 'registration.cancel', { activityId: refused.id }),
        as('o-refuses', 'registration.mine', {}),
      ],
      ['o-refuses'],
    )
    expect(sent.map((m) => [m.touser, m.templateId])).toEqual([['o-refuses', 'tmpl-promoted']])
    expect(answers[2]).toMatchObject({ ok: true, data: { registration: { status: 'cancelled' } } })
    expect(answers[3].data).toEqual(
      expect.arrayContaining([expect.objectContaining({ activityId: refused.id, status: 'confirmed' })]),
    )
    expect(statusOf(refused, 'E0156')).toEqual(['confirmed'])
    expect(logs).toContain('43101')
  })
})
