/**
 * The built home page (dist/weapp/pages/home) rendered by miniprogram-simulate with WeChat's official template
 * compiler, its `wx.cloud.callFunction` answered by the real router on a real SQLite file with the demo data.
 */
import { DEMO_THEMES } from '../cloud/helpers'
import { boundUserSuite, weappAs } from './bound-user'
import { waitFor, type RenderedPage } from './load-weapp'

const OPENID = 'test-openid'

const suite = boundUserSuite(OPENID)

const LOGIN_URL = /^\/packages\/auth\/login\/index(\?|$)/

/** Waits until the home page shows its last theme title. */
function themesShown(home: RenderedPage): Promise<unknown> {
  return waitFor(
    () => home.text().includes(DEMO_THEMES[3]),
    () => `the theme titles on the home page; it shows: ${home.text() || '(nothing)'}`,
  )
}

describe('home page of the weapp build', () => {
  it('shows the four theme titles of the current plan for a bound WeChat user', async () => {
    const weapp = weappAs(suite.cloud, OPENID)
    const home = suite.keep(weapp.openPage('pages/home/index'))

    await themesShown(home)

    expect(home.texts().filter((text) => DEMO_THEMES.includes(text))).toEqual(DEMO_THEMES)
    expect(weapp.cloudCalls.map((call) => call.data.action)).toContain('plan.current')
    expect(weapp.navigations).toEqual([])
  }, 30_000)

  it('opens the theme page of the theme card that is tapped', async () => {
    const weapp = weappAs(suite.cloud, OPENID)
    const home = suite.keep(weapp.openPage('pages/home/index'))
    await themesShown(home)

    const card = home.find('.theme-card', DEMO_THEMES[1])
    if (!card) throw new Error(`no .theme-card shows ${DEMO_THEMES[1]}`)
    card.dispatchEvent('tap')

    const [navigation] = await waitFor(
      () => (weapp.navigations.length ? weapp.navigations : null),
      () => 'a navigation after tapping the second theme card',
    )
    expect(navigation.api).toBe('navigateTo')
    expect(navigation.url).toMatch(/^\/pages\/theme\/index\?(.+&)?section=2(&|$)/)
  }, 30_000)

  it('redirects a WeChat user whose openid is bound to no employee to the login page', async () => {
    const weapp = weappAs(suite.cloud, 'unbound-openid')
    suite.keep(weapp.openPage('pages/home/index'))

    const redirect = await waitFor(
      () => weapp.navigations.find((navigation) => navigation.api === 'redirectTo'),
      () => `wx.redirectTo; navigations so far: ${JSON.stringify(weapp.navigations)}`,
    )

    expect(redirect.url).toMatch(LOGIN_URL)
    expect(weapp.navigations).toEqual([redirect])
  }, 30_000)
})
