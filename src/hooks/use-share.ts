import { useShareAppMessage, useShareTimeline } from '@tarojs/taro'
import { getCurrentUrl } from './current-url'

/** Square pictures for a post in Moments (WeChat shows them 1:1), copied into the weapp build by config/index.ts. */
export const SHARE_IMAGES = {
  activity: '/assets/share/activity.jpg',
  theme: '/assets/share/theme.jpg',
  // Only the 身边好人 subpackage uses it, so it lives there, out of the main package.
  goodpeople: '/packages/goodpeople/assets/share.jpg',
}

/**
 * Lets the page be sent into a WeChat chat as itself (the same page with its query, under `title`; WeChat shows a
 * picture of the page) and posted to Moments with the same query and `timelineImage`. The page config needs
 * `enableShareAppMessage: true` and `enableShareTimeline: true`.
 */
export function useShare(title: string, path?: string, timelineImage?: string): void {
  const target = () => path ?? getCurrentUrl() ?? '/pages/home/index'
  useShareAppMessage(() => ({ title, path: target() }))
  // Moments always opens the page it was posted from; only its query can be chosen.
  useShareTimeline(() => ({ title, query: target().split('?')[1] ?? '', imageUrl: timelineImage }))
}
