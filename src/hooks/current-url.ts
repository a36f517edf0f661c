import Taro from '@tarojs/taro'

/** The tab bar's pages (app.config.ts): they are opened with switchTab, and without a query. */
export const TAB_PAGES = ['/pages/home/index', '/pages/activities/index', '/pages/mine/index']

/** The page the user is on, as a url that opens it again: its route and its own query (no Taro internals). */
export function getCurrentUrl(): string | null {
  const router = Taro.getCurrentInstance().router
  if (!router?.path) return null
  const route = `/${router.path.split('?')[0].replace(/^\//, '')}`
  const query = Object.entries(router.params ?? {})
    .filter(([key, value]) => !key.startsWith('$') && key !== 'stamp' && value !== undefined && value !== '')
    .map(([key, value]) => `${key}=${encodeURIComponent(String(value))}`)
    .join('&')
  return query ? `${route}?${query}` : route
}

/** Opens `url` in place of the current page: switchTab for a tab page, redirectTo otherwise. */
export function replaceWith(url: string): void {
  const route = url.split('?')[0]
  if (TAB_PAGES.includes(route)) Taro.switchTab({ url: route })
  else Taro.redirectTo({ url })
}
