/**
 * Every page of the weapp build, opened by the demo administrator with its data loaded from the real router: no
 * element is left without a WXML template (WeChat would draw nothing there), and nothing crashes.
 */
import { boundUserSuite } from './bound-user'
import { loadWeapp, pagesOf, readAppJson, waitFor } from './load-weapp'

const OPENID = 'every-page-openid'

// E0001 is the demo administrator: the console's pages open for them.
const suite = boundUserSuite(OPENID, 'E0001')
let queries: Record<string, Record<string, string>>

beforeAll(async () => {
  const { store } = suite.cloud
  const plan = (await store.getPlan((await store.getCurrentPlanId())!))!
  const item = plan.sections[0].items[0]
  const { rows } = await store.listActivities({ now: new Date().toISOString(), viewerId: 0, limit: 1, offset: 0 })
  const round = (await store.listRounds())[0]
  const candidate = (await store.listCandidates(round.id, 0, '2026-01-01'))[0]
  const activity = { id: String(rows[0].id) }
  queries = {
    'pages/theme/index': { planId: String(plan.id), section: '1' },
    'pages/activity/index': activity,
    'packages/plan/point/index': { planId: String(plan.id), itemId: String(item.id) },
    'packages/plan/plan/index': { id: String(plan.id), planId: String(plan.id) },
    'packages/goodpeople/index/index': { roundId: String(round.id) },
    'packages/goodpeople/candidate/index': { id: String(candidate.id) },
    'packages/goodpeople/nominate/index': { roundId: String(round.id) },
    'packages/goodpeople/results/index': { roundId: String(round.id) },
    'packages/goodpeople/review/index': { roundId: String(round.id) },
    'packages/admin/activity-edit/index': activity,
    'packages/admin/registrants/index': activity,
    'packages/admin/checkin-desk/index': activity,
  }
}, 30_000)

describe('every page of the weapp build', () => {
  const routes = pagesOf(readAppJson())

  it('has pages to open', () => {
    expect(routes.length).toBeGreaterThanOrEqual(25)
  })

  it.each(routes)(
    '%s renders with a template for every element',
    async (route) => {
      let pending = 0
      let answered = 0
      const weapp = loadWeapp({
        callFunction: async ({ name, data: { action, payload } }) => {
          if (name !== 'api') throw new Error(`unexpected cloud function ${name}`)
          pending++
          try {
            return (await suite.cloud.router(action, payload, { openid: OPENID })).body
          } finally {
            pending--
            answered++
          }
        },
      })
      const opened = suite.keep(weapp.openPage(route, queries[route] ?? {}))
      // Loaded: something shows, and every call the page made has been answered (and drawn, a tick later).
      await waitFor(
        () => opened.text().trim().length > 0 && pending === 0 && (answered > 0 || weapp.cloudCalls.length === 0),
        () => `${route} to load; it shows: ${opened.text() || '(nothing)'}`,
      )
      await new Promise((resolve) => setImmediate(resolve))
      expect(weapp.missingTemplates).toEqual([])
      // Nothing failed to load (the pages that need an id were given a real one) and no value went missing.
      expect(opened.text()).not.toMatch(/没能加载出来|undefined|NaN/)
    },
    30_000,
  )
})
