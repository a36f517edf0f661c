/**
 * 大字模式 on the weapp build: the page root carries WeChat's font size (getAppBaseInfo().fontSizeScaleFactor) or the
 * person's own choice, whichever is larger, and 1 on a WeChat without the API.
 */
import { boundUserSuite, weappAs } from './bound-user'
import { waitFor } from './load-weapp'

const OPENID = 'font-scale-openid'

const suite = boundUserSuite(OPENID)

/** Opens 首页 with `wx` as given and answers the scale its root carries. */
async function scaleOnHome(wx: Record<string, unknown>, saved?: number): Promise<string> {
  const weapp = weappAs(suite.cloud, OPENID, { api: wx })
  // What 大字模式 on 我的 saves (Taro.setStorageSync), before the page reads it.
  if (saved !== undefined) (weapp.wx.setStorageSync as (key: string, value: unknown) => void)('wm.fontScale', saved)
  const home = suite.keep(weapp.openPage('pages/home/index'))
  const root = await waitFor(
    // The simulator scopes class names by component: .wm-scaled is .taro-page--wm-scaled.
    () => home.node.dom?.querySelector('.taro-page--wm-scaled'),
    () => `the page root (.wm-scaled); the page shows: ${home.text() || '(nothing)'}`,
  )
  const style = root.getAttribute('style') ?? ''
  return /--wm-font-scale:\s*([\d.]+)/.exec(style)?.[1] ?? `(no --wm-font-scale in "${style}")`
}

describe('font scale of the weapp build', () => {
  it('follows WeChat’s font size', async () => {
    expect(await scaleOnHome({ getAppBaseInfo: () => ({ fontSizeScaleFactor: 1.3 }) })).toBe('1.3')
  }, 30_000)

  it('takes the person’s own choice when it is larger than WeChat’s', async () => {
    expect(await scaleOnHome({ getAppBaseInfo: () => ({ fontSizeScaleFactor: 1.1 }) }, 1.5)).toBe('1.5')
  }, 30_000)

  it('is 1 on a WeChat without getAppBaseInfo', async () => {
    expect(await scaleOnHome({ getAppBaseInfo: undefined })).toBe('1')
  }, 30_000)
})
