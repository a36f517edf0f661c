import { useShareAppMessage } from '@tarojs/taro'
import { getCurrentUrl } from './current-url'

/**
 * Lets the page be sent into a WeChat chat as itself: the same page with its query, under `title`; WeChat shows a
 * picture of the page. The page config needs `enableShareAppMessage: true`.
 */
export function useShare(title: string, path?: string): void {
  useShareAppMessage(() => ({ title, path: path ?? getCurrentUrl() ?? '/pages/home/index' }))
}
