// On H5 each Taro page element is the scroll container, and the router creates them as pages open:
// give each one (and each ScrollView) a place in the tab order so the keyboard can scroll it.
const SCROLLERS = '.taro_page:not([tabindex]), taro-scroll-view-core:not([tabindex])'

/** H5: puts every page and ScrollView into the tab order, now and as they are created. */
export function makeScrollersFocusable(): void {
  const mark = () => document.querySelectorAll(SCROLLERS).forEach((el) => el.setAttribute('tabindex', '0'))
  mark()
  new MutationObserver(mark).observe(document.body, { childList: true, subtree: true })
}
