/**
 * Notices beside the inbox: the router hands them to the notifier only after the action's transaction committed, a
 * failing notifier never fails the action, and the WeChat notifier's templates come from environment variables.
 */
import type { Notice, Notifier } from '../../src/cloud/notify'
import { deliverDueReminders } from '../../src/cloud/reminders'
import { createRouter, type Router } from '../../src/cloud/router'
import {
  buildSubscribeMessage,
  createWxNotifier,
  fitToKeyword,
  readSubscribeConfig,
  type SubscribeMessageArgs,
} from '../../src/cloud/wx-notify'
import { formatFullDateTime } from '../../src/domain/time'
import { lectureIn } from './admin-helpers'
import { createInProcess, FIXED_NOW, TEST_SECRET, type InProcess } from './helpers'

const HOUR = 3600 * 1000

let app: InProcess

beforeEach(async () => {
  app = await createInProcess()
})

afterEach(() => app.close())

/** The router on the same store with `notifier`, at FIXED_NOW. */
function routerWith(notifier: Notifier, logError?: (error: unknown) => void): Router {
  return createRouter({
    store: app.store,
    clock: () => FIXED_NOW,
    config: { demoMode: true, tokenSecret: TEST_SECRET, tokenTtlSeconds: 3600 },
    notifier,
    logError,
  })
}

const idOf = async (no: string) => (await app.as(no)).employeeId!

describe('notices from actions', () => {
  it('hands the promotion to the notifier after the commit, when the promoted registration is visible', async () => {
    const id = await lectureIn(app, 72)
    await app.call('registration.create', { activityId: id }, await app.as('E0011'))
    await app.call('registration.create', { activityId: id }, await app.as('E0012'))
    const seen: { notices: Notice[]; status: string | undefined }[] = []
    // Reading the store inside send would wait forever if send ran inside the transaction (it holds the store).
    const router = routerWith({
      async send(notices) {
        const live = await app.store.getLiveRegistration(id, await idOf('E0012'))
        seen.push({ notices, status: live?.status })
      },
    })
    const result = await router('registration.cancel', { activityId: id }, await app.as('E0011'))
    expect(result.status).toBe(200)
    expect(seen).toEqual([
      {
        notices: [{ kind: 'promoted', employeeId: await idOf('E0012'), activity: expect.objectContaining({ id }) }],
        status: 'confirmed',
      },
    ])
  })

  it('tells everyone still registered for a cancelled activity, confirmed or waiting, and passes the reason on', async () => {
    const id = await lectureIn(app, 72)
    for (const no of ['E0011', 'E0012', 'E0013']) {
      await app.call('registration.create', { activityId: id }, await app.as(no))
    }
    await app.call('registration.cancel', { activityId: id }, await app.as('E0013'))
    const sent: Notice[] = []
    const router = routerWith({ send: async (notices) => void sent.push(...notices) })
    await router('admin.activity.cancel', { id, reason: '场地检修' }, await app.as('E0001'))
    // E0011 holds the one seat, E0012 waits, E0013 had waited and cancelled.
    expect(sent.map((n) => [n.kind, n.employeeId, n.reason]).sort()).toEqual(
      [
        ['cancelled', await idOf('E0011'), '场地检修'],
        ['cancelled', await idOf('E0012'), '场地检修'],
      ].sort(),
    )
  })

  it('sends nothing for a refused write', async () => {
    const id = await lectureIn(app, 72)
    const sent: Notice[] = []
    const router = routerWith({ send: async (notices) => void sent.push(...notices) })
    const result = await router('registration.cancel', { activityId: id }, await app.as('E0011'))
    expect(result.status).toBe(404)
    expect(sent).toEqual([])
  })

  it('answers ok and keeps the write when the notifier fails, and logs the failure', async () => {
    const id = await lectureIn(app, 72)
    await app.call('registration.create', { activityId: id }, await app.as('E0011'))
    await app.call('registration.create', { activityId: id }, await app.as('E0012'))
    const logged: unknown[] = []
    const router = routerWith(
      {
        send: async () => {
          throw new Error('WeChat is down')
        },
      },
      (error) => logged.push(error),
    )
    const result = await router('registration.cancel', { activityId: id }, await app.as('E0011'))
    expect(result.status).toBe(200)
    expect((await app.store.getLiveRegistration(id, await idOf('E0012')))?.status).toBe('confirmed')
    expect(logged).toEqual([new Error('WeChat is down')])
  })

  it('reminds through the notifier once per person, confirmed registrants only', async () => {
    const id = await lectureIn(app, 20)
    await app.call('registration.create', { activityId: id }, await app.as('E0011'))
    await app.call('registration.create', { activityId: id }, await app.as('E0012'))
    const sent: Notice[] = []
    const notifier: Notifier = { send: async (notices) => void sent.push(...notices) }
    expect(await deliverDueReminders(app.store, FIXED_NOW, notifier)).toBe(1)
    expect(await deliverDueReminders(app.store, new Date(FIXED_NOW.getTime() + HOUR), notifier)).toBe(0)
    expect(sent.map((n) => [n.kind, n.employeeId, n.activity.id])).toEqual([['reminder', await idOf('E0011'), id]])
  })
})

describe('the WeChat notifier', () => {
  const ENV = {
    SUBSCRIBE_REMINDER_TEMPLATE: 'tmpl-r',
    SUBSCRIBE_REMINDER_FIELDS: 'thing1=title, time2=time ,thing3=location',
    SUBSCRIBE_CANCELLED_TEMPLATE: 'tmpl-c',
    SUBSCRIBE_CANCELLED_FIELDS: 'thing1=title,phrase2=status,thing3=reason',
  }
  const notice = (kind: Notice['kind'], employeeId: number, reason?: string): Notice => ({
    kind,
    employeeId,
    reason,
    activity: {
      id: 7,
      title: '“我心中的好书”征集暨读书分享会（第二期）',
      startsAt: '2026-03-05T06:30:00.000Z',
      endsAt: '2026-03-05T08:30:00.000Z',
      location: '机关三楼报告厅',
    },
  })

  it('reads the templates and their keywords from the environment', () => {
    const config = readSubscribeConfig(ENV)
    expect(config).toEqual({
      templates: {
        reminder: {
          templateId: 'tmpl-r',
          fields: [
            ['thing1', 'title'],
            ['time2', 'time'],
            ['thing3', 'location'],
          ],
        },
        cancelled: {
          templateId: 'tmpl-c',
          fields: [
            ['thing1', 'title'],
            ['phrase2', 'status'],
            ['thing3', 'reason'],
          ],
        },
      },
      state: 'formal',
      problems: [],
    })
  })

  it('names the variable that is wrong and leaves that kind out', () => {
    const config = readSubscribeConfig({
      SUBSCRIBE_REMINDER_TEMPLATE: 'tmpl-r',
      SUBSCRIBE_PROMOTED_TEMPLATE: 'tmpl-p',
      SUBSCRIBE_PROMOTED_FIELDS: 'thing1=headline',
      SUBSCRIBE_CANCELLED_FIELDS: 'thing1=title',
      SUBSCRIBE_MINIPROGRAM_STATE: 'beta',
    })
    expect(config.templates).toEqual({})
    expect(config.state).toBe('formal')
    expect(config.problems).toEqual([
      expect.stringContaining('SUBSCRIBE_REMINDER_FIELDS: missing'),
      expect.stringContaining('SUBSCRIBE_PROMOTED_FIELDS: “headline” is not one of'),
      expect.stringContaining('SUBSCRIBE_CANCELLED_TEMPLATE is empty'),
      expect.stringContaining('SUBSCRIBE_MINIPROGRAM_STATE'),
    ])
  })

  it('fits each value to its keyword type: thing ≤ 20 characters, phrase ≤ 5, time as WeChat writes it', () => {
    const { templates } = readSubscribeConfig(ENV)
    const message = buildSubscribeMessage(
      notice('cancelled', 1, '因场地临时检修，原定活动取消，改期另行通知'),
      templates.cancelled!,
      'o-1',
      'formal',
    )
    expect(message).toEqual({
      touser: 'o-1',
      templateId: 'tmpl-c',
      page: 'pages/activity/index?id=7',
      data: {
        thing1: { value: '“我心中的好书”征集暨读书分享会（第二…' },
        phrase2: { value: '已取消' },
        thing3: { value: '因场地临时检修，原定活动取消，改期另行…' },
      },
      miniprogramState: 'formal',
      lang: 'zh_CN',
    })
    expect(Array.from(message.data.thing1.value)).toHaveLength(20)
    expect(buildSubscribeMessage(notice('reminder', 1), templates.reminder!, 'o-1', 'formal').data.time2).toEqual({
      value: '2026年3月5日 14:30',
    })
    expect(formatFullDateTime('2026-12-31T16:05:00.000Z')).toBe('2027年1月1日 00:05')
    expect(fitToKeyword('phrase3', '已由候补转正式')).toBe('已由候补转')
    expect(fitToKeyword('time4', '2026年3月5日 14:30~16:30')).toBe('2026年3月5日 14:30~16:30')
  })

  it('sends to bound employees only, logs refusals and answers with an error code, and never throws', async () => {
    const calls: SubscribeMessageArgs[] = []
    const logs: string[] = []
    const notifier = createWxNotifier({
      config: readSubscribeConfig(ENV),
      openids: async (ids) => new Map(ids.filter((id) => id !== 3).map((id) => [id, `o-${id}`])),
      log: (message) => logs.push(message),
      api: {
        async send(args) {
          calls.push(args)
          if (args.touser === 'o-1') throw Object.assign(new Error('user refuse to accept the msg'), { errCode: 43101 })
          if (args.touser === 'o-2') return { errCode: 47003, errMsg: 'argument invalid' }
          return { errCode: 0 }
        },
      },
    })
    await notifier.send([
      notice('reminder', 1),
      notice('reminder', 2),
      notice('reminder', 3),
      notice('reminder', 4),
      // No template for promotions: not sent.
      notice('promoted', 4),
    ])
    expect(calls.map((c) => [c.touser, c.templateId])).toEqual([
      ['o-1', 'tmpl-r'],
      ['o-2', 'tmpl-r'],
      ['o-4', 'tmpl-r'],
    ])
    expect(logs).toEqual([
      'subscribe message reminder of activity #7 to employee #1 not sent: 43101',
      'subscribe message reminder of activity #7 to employee #2 not sent: 47003',
    ])
  })

  it('logs, and sends nothing, when the OPENIDs cannot be read', async () => {
    const logs: string[] = []
    const notifier = createWxNotifier({
      config: readSubscribeConfig(ENV),
      openids: async () => {
        throw new Error('database is locked')
      },
      log: (message) => logs.push(message),
      api: { send: async () => ({ errCode: 0 }) },
    })
    await expect(notifier.send([notice('reminder', 1)])).resolves.toBeUndefined()
    expect(logs).toEqual([expect.stringContaining('database is locked')])
  })
})
