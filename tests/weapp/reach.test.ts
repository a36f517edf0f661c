/**
 * Reaching people outside the app, on the built weapp (dist/weapp) in miniprogram-simulate with its cloud calls
 * answered by the real router: posting a page to Moments (朋友圈), the page as it opens from there (WeChat's
 * single-page mode, scene 1154: no login, no navigation), and the subscribe-message request in the register tap.
 */
import fs from 'node:fs'
import path from 'node:path'
import { FIXED_NOW } from '../cloud/helpers'
import { boundUserSuite, weappAs } from './bound-user'
import { DIST, loadWeapp, waitFor, type RenderedPage, type Weapp } from './load-weapp'

const OPENID = 'test-openid-reach'

const suite = boundUserSuite(OPENID)
const TIMELINE_SCENE = 1154
const HOUR = 3600 * 1000

/**
 * The templates the build asks for: `npm test` builds the weapp with TARO_APP_SUBSCRIBE_TEMPLATES and runs jest with
 * the same value (scripts/test.ts); a plain `npm run build:weapp` has none, and neither has the test then.
 */
const BUILD_TEMPLATES = (process.env.TARO_APP_SUBSCRIBE_TEMPLATES ?? '')
  .split(',')
  .map((id) => id.trim())
  .filter(Boolean)
  .slice(0, 3)

let activity: { id: number; title: string }
let planId: string
let roundId: number
let candidateId: number

/** The weapp as the bound WeChat user, launched from `scene`, with more of `wx` when given. */
function weapp(scene = 1001, api: Record<string, unknown> = {}): Weapp {
  return weappAs(suite.cloud, OPENID, { scene, api })
}

/** Lets React's scheduler (setImmediate in Node) run what the first render left for later: effects, loads. */
async function drain(): Promise<void> {
  for (let i = 0; i < 3; i++) await new Promise((resolve) => setImmediate(resolve))
}

function shows(rendered: RenderedPage, text: string): Promise<unknown> {
  return waitFor(
    () => rendered.text().includes(text),
    () => `“${text}” on ${rendered.route}; it shows: ${rendered.text() || '(nothing)'}`,
  )
}

beforeAll(async () => {
  const created = await suite.cloud.call(
    'admin.activity.create',
    {
      category: 'reading',
      title: '朋友圈分享测试读书会',
      startsAt: new Date(FIXED_NOW.getTime() + 48 * HOUR).toISOString(),
      endsAt: new Date(FIXED_NOW.getTime() + 50 * HOUR).toISOString(),
      capacity: 10,
    },
    await suite.cloud.as('E0001'),
  )
  if (!created.body.ok) throw new Error(created.body.error.message)
  activity = created.body.data as { id: number; title: string }
  const plan = await suite.cloud.call('plan.current', {}, await suite.cloud.as('E0100'))
  if (!plan.body.ok) throw new Error(plan.body.error.message)
  planId = String((plan.body.data as { id: number }).id)
  const rounds = await suite.cloud.call('goodpeople.rounds', {}, await suite.cloud.as('E0100'))
  if (!rounds.body.ok) throw new Error(rounds.body.error.message)
  roundId = (rounds.body.data as { id: number }[])[0].id
  const round = await suite.cloud.call('goodpeople.round', { id: roundId }, await suite.cloud.as('E0100'))
  if (!round.body.ok) throw new Error(round.body.error.message)
  candidateId = (round.body.data as { candidates: { id: number }[] }).candidates[0].id
}, 30_000)

describe('a page posted to Moments', () => {
  it('carries the activity id and the activity picture, which the main package holds', async () => {
    const app = weapp()
    const opened = suite.keep(app.openPage('pages/activity/index', { id: String(activity.id) }))
    await shows(opened, activity.title)

    const post = opened.invoke('onShareTimeline') as { title: string; query: string; imageUrl: string }
    expect(post).toEqual({
      title: expect.stringContaining(activity.title),
      query: `id=${activity.id}`,
      imageUrl: '/assets/share/activity.jpg',
    })
    expect(fs.existsSync(path.join(DIST, post.imageUrl))).toBe(true)
    expect(opened.invoke('onShareAppMessage', { from: 'menu' })).toMatchObject({
      path: `/pages/activity/index?id=${activity.id}`,
    })
  }, 30_000)

  it('carries the theme, and the round of 身边好人 with a picture from its own subpackage', async () => {
    const app = weapp()
    const theme = suite.keep(app.openPage('pages/theme/index', { planId, section: '2' }))
    await shows(theme, '以新时代文明风尚为导向')
    expect(theme.invoke('onShareTimeline')).toEqual({
      title: expect.stringContaining('主题二'),
      query: `planId=${planId}&section=2`,
      imageUrl: '/assets/share/theme.jpg',
    })
    theme.close()

    const goodPeople = suite.keep(app.openPage('packages/goodpeople/index/index'))
    await shows(goodPeople, '候选人')
    const post = goodPeople.invoke('onShareTimeline') as { query: string; imageUrl: string }
    expect(post).toMatchObject({ query: `roundId=${roundId}`, imageUrl: '/packages/goodpeople/assets/share.jpg' })
    expect(fs.existsSync(path.join(DIST, post.imageUrl))).toBe(true)
    expect(fs.readdirSync(path.join(DIST, 'assets/share')).sort()).toEqual(['activity.jpg', 'theme.jpg'])
  }, 30_000)
})

describe('a page opened from Moments (single-page mode, no login)', () => {
  const cases: [string, () => Record<string, string>, string][] = [
    ['pages/activity/index', () => ({ id: String(activity.id) }), '文明实践活动'],
    ['pages/theme/index', () => ({ planId, section: '2' }), '精神文明建设工作要点'],
    ['packages/goodpeople/index/index', () => ({ roundId: String(roundId) }), '身边好人推荐评选'],
    ['packages/goodpeople/candidate/index', () => ({ id: String(candidateId) }), '身边好人候选人事迹'],
  ]

  it.each(cases)(
    '%s says what it is and to open the mini-program, and calls nothing',
    async (route, query, title) => {
      const app = weapp(TIMELINE_SCENE)
      const opened = suite.keep(app.openPage(route, query()))
      await shows(opened, '前往小程序')
      await drain()
      expect(opened.text()).toContain(title)
      expect(opened.text()).not.toContain('没能加载出来')
      expect(app.cloudCalls).toEqual([])
      expect(app.navigations).toEqual([])
    },
    30_000,
  )

  it('is told apart from a page opened in the app, which loads (and so would call the cloud)', async () => {
    const app = weapp(1007)
    const opened = suite.keep(app.openPage('pages/activity/index', { id: String(activity.id) }))
    await shows(opened, activity.title)
    expect(app.cloudCalls.map((call) => call.data.action)).toContain('activity.get')
    expect(opened.text()).not.toContain('前往小程序')
  }, 30_000)
})

describe('registering in the weapp', () => {
  it('asks for the subscribe messages inside the tap, before the registration, which goes through if that fails', async () => {
    const events: string[] = []
    let release!: () => void
    const answerRegistration = new Promise<void>((resolve) => (release = resolve))
    const app = loadWeapp({
      api: {
        requestSubscribeMessage(options: { tmplIds: string[] }) {
          events.push(`subscribe ${options.tmplIds.join(',')}`)
          throw new Error('requestSubscribeMessage:fail can only be invoked by user TAP gesture')
        },
      },
      callFunction: async ({ data: { action, payload } }) => {
        if (action === 'registration.create') {
          events.push(action)
          // Held until the test has seen the button waiting for it.
          await answerRegistration
          const answer = (await suite.cloud.router(action, payload, { openid: OPENID })).body
          events.push('answered')
          return answer
        }
        return (await suite.cloud.router(action, payload, { openid: OPENID })).body
      },
    })
    const opened = suite.keep(app.openPage('pages/activity/index', { id: String(activity.id) }))
    await shows(opened, '提交报名')
    const submit = opened.find('.register__submit', '提交报名')
    if (!submit) throw new Error('no 提交报名 button')
    submit.dispatchEvent('tap')

    await waitFor(
      () => events.includes('registration.create'),
      () => `registration.create after the tap; so far: ${JSON.stringify(events)}`,
    )
    // While the registration is on its way the button shows NutUI's spinner, drawn with a tag WeChat knows.
    await waitFor(
      () => opened.node.querySelectorAll('.nut-icon').length > 0 || app.missingTemplates.length > 0,
      () => 'the spinner on the submit button',
    )
    expect(app.missingTemplates).toEqual([])
    release()
    await waitFor(
      () => events.includes('answered'),
      () => 'the registration answered',
    )
    expect(events).toEqual([
      ...(BUILD_TEMPLATES.length > 0 ? [`subscribe ${BUILD_TEMPLATES.join(',')}`] : []),
      'registration.create',
      'answered',
    ])
    const mine = await suite.cloud.call('registration.mine', {}, { openid: OPENID })
    expect(mine.body).toMatchObject({ ok: true, data: [expect.objectContaining({ activityId: activity.id })] })
  }, 30_000)
})
