import Taro from '@tarojs/taro'

/** WeChat's scene for a page opened from a post in 朋友圈 (Moments). */
export const TIMELINE_SCENE = 1154

/** What a page says instead of loading, in single-page mode. */
export const SINGLE_PAGE_HINT = '朋友圈中无法查看详情，请点击屏幕下方的“前往小程序”，登录后查看'

/**
 * Whether the page runs in WeChat's single-page mode, opened from Moments: there is no login, no navigation, and no
 * cloud call (the cloud layer needs an identity anyway). Pages show what they can without identity and point to the
 * “前往小程序” bar WeChat adds at the bottom, which opens the same page in the mini-program.
 */
export function isTimelineSinglePage(): boolean {
  if (process.env.TARO_ENV !== 'weapp') return false
  try {
    const enter = typeof Taro.getEnterOptionsSync === 'function' ? Taro.getEnterOptionsSync() : null
    return (enter?.scene ?? Taro.getLaunchOptionsSync().scene) === TIMELINE_SCENE
  } catch {
    return false
  }
}
