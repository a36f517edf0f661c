/**
 * 大字模式 and dark mode in a phone browser: the main pages at 1× and at 1.5× (chosen on 我的 as 特大) keep every text
 * whole and every tap target large, and the text really is half as large again; in dark mode they are dark and axe
 * finds nothing serious. Screenshots of each go to test-results/screenshots for a person to look at.
 */
import fs from 'node:fs'
import path from 'node:path'
import type { Page } from 'playwright-core'
import type { PlanView } from '../../src/domain/plan'
import { fromLocal, toLocalDate } from '../../src/domain/time'
import {
  SCREENSHOT_DIR,
  nominateCandidate,
  openRound,
  seriousViolations,
  settle,
  startH5Gateway,
  type H5Gateway,
} from './browser'

jest.setTimeout(240_000)

const ADMIN = 'E0001'
const HOUR = 60 * 60 * 1000
const VIEWPORT = 375
const MIN_TARGET = 44
const ACTIVITY = '机关职工趣味运动会暨“迎新春、强体魄、展风采”健步走活动（周末场）'
const ROUND = '第四季度“身边好人”推荐评选'
const MAIN_PAGES = [
  'home',
  'theme',
  'point',
  'activities',
  'activity',
  'mine',
  'goodpeople',
  'candidate',
  'reading',
  'calendar',
  'console',
]
const DARK_PAGES = ['home', 'activities', 'activity', 'mine', 'theme', 'point', 'goodpeople', 'reading', 'console']

interface Shown {
  name: string
  route: string
  /** Text on the page once its data has arrived. */
  ready: string | RegExp
}

/** What a page looks like to the layout audit that runs in the browser. */
interface Audit {
  docScrollWidth: number
  offScreen: string[]
  clipped: string[]
  overlapping: string[]
  smallTargets: string[]
  /** Median font size of the text on the page, in CSS px. */
  textSize: number
  /** The font size of each NutUI button label, in CSS px, by its text. */
  buttonSizes: Record<string, number>
  /** --wm-font-scale on the page's root. */
  scale: string
}

let gateway: H5Gateway
let page: Page
let problems: string[]
const pages: Shown[] = []
const atOne = new Map<string, Audit>()

beforeAll(async () => {
  gateway = await startH5Gateway()
  const { call, admin: principal } = gateway

  // Long titles on purpose: they are what wraps, or is cut off, at 1.5×.
  const plan = await call<PlanView>('plan.current', {}, principal)
  const section = plan.sections[0]
  const at = Date.now()
  const tomorrow = toLocalDate(new Date(at + 24 * HOUR).toISOString())
  const activity = await call<{ id: number }>(
    'admin.activity.create',
    {
      category: 'sports',
      title: ACTIVITY,
      description: '设拔河、跳绳两个项目，每人选一项。\n请穿运动鞋，提前十分钟到场签到。',
      location: '机关篮球场（东门进，凭工作证入场）',
      startsAt: fromLocal(tomorrow, '09:00'),
      endsAt: fromLocal(tomorrow, '11:30'),
      capacity: 40,
      waitlist: true,
      options: [
        { key: 'tug', label: '拔河（十人一队，按处室组队）', capacity: null },
        { key: 'rope', label: '跳绳', capacity: null },
      ],
      maxOptions: 1,
      formFields: [{ key: 'size', label: '服装尺码', type: 'single', required: true, choices: ['S', 'M', 'L', 'XL'] }],
    },
    principal,
  )
  const round = await openRound(gateway, ROUND, at)
  const candidate = await nominateCandidate(gateway, round.id)
  await call('book.recommend', { title: '《习近平新时代中国特色社会主义思想学习纲要（2023 年版）》' }, principal)
  await call('book.recommend', { title: '《平凡的世界》', author: '路遥', reason: '写尽了普通人的奋斗。' }, principal)

  pages.push(
    { name: 'home', route: '/pages/home/index', ready: '工作主题' },
    { name: 'theme', route: `/pages/theme/index?planId=${plan.id}&section=${section.number}`, ready: section.title },
    {
      name: 'point',
      route: `/packages/plan/point/index?planId=${plan.id}&itemId=${section.items[0].id}`,
      ready: '落实情况',
    },
    { name: 'activities', route: '/pages/activities/index', ready: ACTIVITY },
    { name: 'activity', route: `/pages/activity/index?id=${activity.id}`, ready: '服装尺码' },
    { name: 'mine', route: '/pages/mine/index', ready: '大字模式' },
    { name: 'goodpeople', route: `/packages/goodpeople/index/index?roundId=${round.id}`, ready: ROUND },
    { name: 'candidate', route: `/packages/goodpeople/candidate/index?id=${candidate.id}`, ready: '敬业奉献' },
    { name: 'reading', route: '/packages/reading/index/index', ready: '平凡的世界' },
    { name: 'calendar', route: '/packages/calendar/index/index', ready: /\d+月/ },
    { name: 'console', route: '/packages/admin/index/index', ready: ACTIVITY },
  )

  ;({ page, problems } = await gateway.person(ADMIN, { timeout: 20_000 }))
}, 60_000)

afterAll(async () => {
  await gateway?.close()
})

/** Opens a page afresh, as from a link, and waits until it has slid into place and shows its data. */
async function open(shown: Shown): Promise<void> {
  await gateway.visit(page, shown.route)
  await page.getByText(shown.ready).filter({ visible: true }).first().waitFor()
  await page.waitForFunction(() => {
    const all = document.querySelectorAll('.taro_router > .taro_page.taro_page_show')
    const top = all[all.length - 1]
    if (!top || !top.classList.contains('taro_page_stationed')) return false
    const busy = Array.from(top.querySelectorAll('[aria-busy=true]')) as HTMLElement[]
    return busy.every((el) => el.offsetParent === null)
  })
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'))
  // Web fonts and images change the layout once they arrive.
  await page.evaluate(async () => {
    await document.fonts.ready
  })
}

/**
 * The whole page, top to bottom, one screen a picture (name-1.png, name-2.png…), for a person to look at. The page
 * scrolls inside Taro's panel, so the phone is made as tall as the page for the pictures.
 */
async function screenshot(name: string): Promise<void> {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true })
  await settle(page)
  const viewport = page.viewportSize()!
  const height = await page.evaluate(() =>
    Math.max(
      window.innerHeight,
      ...Array.from(document.querySelectorAll('.taro-tabbar__panel, .taro_page.taro_page_show')).map(
        (el) => el.scrollHeight + window.innerHeight - el.clientHeight,
      ),
    ),
  )
  const screens = Math.min(Math.ceil(height / viewport.height), 8)
  await page.setViewportSize({ width: viewport.width, height: screens * viewport.height })
  for (let i = 0; i < screens; i++) {
    await page.screenshot({
      path: path.join(SCREENSHOT_DIR, `${name}-${i + 1}.png`),
      clip: { x: 0, y: i * viewport.height, width: viewport.width, height: viewport.height },
    })
  }
  await page.setViewportSize(viewport)
}

/**
 * Runs in the browser on the page on top: what sticks out of the screen, text cut off by `overflow: hidden`, text of
 * neighbouring elements drawn over each other, tap targets under 44 px, and the sizes of the text.
 */
function auditLayout({ viewport, minTarget }: { viewport: number; minTarget: number }): Audit {
  const all = document.querySelectorAll('.taro_router > .taro_page.taro_page_show')
  const root = (all[all.length - 1] as HTMLElement | undefined) ?? document.body
  const scaled = root.querySelector('.wm-scaled') as HTMLElement | null

  const describe = (el: Element) => {
    const cls = (el.getAttribute('class') ?? '').split(/\s+/).filter(Boolean).slice(0, 2).join('.')
    const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 24)
    return `${el.tagName.toLowerCase()}${cls ? `.${cls}` : ''} «${text}»`
  }
  const hiddenForSight = (el: Element): boolean => {
    for (let node: Element | null = el; node && node !== root; node = node.parentElement) {
      const style = getComputedStyle(node)
      if (node.classList.contains('wm-sr-only') || style.clip !== 'auto') return true
      if (style.visibility === 'hidden' || style.display === 'none' || style.opacity === '0') return true
    }
    return false
  }
  const shown = (el: Element) => {
    const rect = el.getBoundingClientRect()
    return rect.width > 0 && rect.height > 0 && !hiddenForSight(el)
  }
  // Text, or a value typed into a field.
  const holdsText = (el: Element) =>
    !!(el.textContent ?? '').trim() ||
    Array.from(el.querySelectorAll('textarea, input')).some((field) => !!(field as HTMLInputElement).value)
  const ownText = (el: Element) =>
    Array.from(el.childNodes).filter((n) => n.nodeType === Node.TEXT_NODE && (n.textContent ?? '').trim())
  // The part of each line of text that can be seen: what an ancestor clips away (a clamp, a scroller) is not drawn.
  const textRects = (el: Element): DOMRect[] => {
    const rects: DOMRect[] = []
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT)
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (!(node.textContent ?? '').trim() || !node.parentElement || hiddenForSight(node.parentElement)) continue
      let clip = new DOMRect(-1e6, -1e6, 2e6, 2e6)
      for (let up: Element | null = node.parentElement; up && up !== root; up = up.parentElement) {
        const style = getComputedStyle(up)
        if (style.overflowX === 'visible' && style.overflowY === 'visible') continue
        const box = up.getBoundingClientRect()
        const left = Math.max(clip.left, style.overflowX === 'visible' ? -1e6 : box.left)
        const right = Math.min(clip.right, style.overflowX === 'visible' ? 1e6 : box.right)
        const top = Math.max(clip.top, style.overflowY === 'visible' ? -1e6 : box.top)
        const bottom = Math.min(clip.bottom, style.overflowY === 'visible' ? 1e6 : box.bottom)
        clip = new DOMRect(left, top, Math.max(0, right - left), Math.max(0, bottom - top))
      }
      const range = document.createRange()
      range.selectNodeContents(node)
      for (const r of Array.from(range.getClientRects())) {
        const left = Math.max(r.left, clip.left)
        const right = Math.min(r.right, clip.right)
        const top = Math.max(r.top, clip.top)
        const bottom = Math.min(r.bottom, clip.bottom)
        if (right - left > 0.5 && bottom - top > 0.5) rects.push(new DOMRect(left, top, right - left, bottom - top))
      }
    }
    return rects
  }
  const scrollsSideways = (el: Element) => {
    for (let node = el.parentElement; node && node !== root; node = node.parentElement) {
      const overflow = getComputedStyle(node).overflowX
      if (overflow === 'auto' || overflow === 'scroll') return true
    }
    return false
  }
  const overlap = (a: DOMRect, b: DOMRect) =>
    Math.min(a.right, b.right) - Math.max(a.left, b.left) > 2 &&
    Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 2

  const elements = Array.from(root.querySelectorAll('*')).filter(shown)
  const offScreen: string[] = []
  const clipped: string[] = []
  const overlapping: string[] = []
  const smallTargets: string[] = []
  const sizes: number[] = []

  for (const el of elements) {
    const style = getComputedStyle(el)
    if (ownText(el).length) {
      sizes.push(parseFloat(style.fontSize))
      const outside = textRects(el).some((r) => r.left < -1 || r.right > viewport + 1)
      if (outside && !scrollsSideways(el)) offScreen.push(describe(el))
    }
    // Text cut off: an element that hides its overflow and has more text than room. A clamp to several lines is a
    // deliberate excerpt (the whole text is one tap away); a single line cut with an ellipsis is not allowed.
    const hidesX = ['hidden', 'clip'].includes(style.overflowX)
    const hidesY = ['hidden', 'clip'].includes(style.overflowY)
    const clamp = (style as unknown as { webkitLineClamp: string }).webkitLineClamp
    const excerpt = clamp && clamp !== 'none' && Number(clamp) >= 2
    if ((hidesX || hidesY) && holdsText(el) && !excerpt) {
      const html = el as HTMLElement
      const cutX = hidesX && html.scrollWidth > html.clientWidth + 1
      const cutY = hidesY && html.scrollHeight > html.clientHeight + 1
      if (cutX || cutY) {
        clipped.push(
          `${describe(el)} ${html.scrollWidth}×${html.scrollHeight} in ${html.clientWidth}×${html.clientHeight}`,
        )
      }
    }
    // Neighbours whose text is drawn over each other.
    const children = Array.from(el.children).filter((c) => shown(c) && (c.textContent ?? '').trim())
    const rects = children.map(textRects)
    for (let i = 0; i < children.length; i++) {
      for (let j = i + 1; j < children.length; j++) {
        if (rects[i].some((a) => rects[j].some((b) => overlap(a, b)))) {
          overlapping.push(`${describe(children[i])} × ${describe(children[j])}`)
        }
      }
    }
  }

  const targets = root.querySelectorAll(
    '[role=button],[role=link],[role=tab],[role=radio],[role=checkbox],[role=switch],taro-button-core,button,a[href],input:not([type=hidden]),textarea',
  )
  for (const target of Array.from(targets)) {
    if (!shown(target)) continue
    const rect = target.getBoundingClientRect()
    if (rect.width < minTarget - 0.5 || rect.height < minTarget - 0.5) {
      smallTargets.push(`${describe(target)} ${Math.round(rect.width)}×${Math.round(rect.height)}`)
    }
  }

  const buttonSizes: Record<string, number> = {}
  for (const label of Array.from(root.querySelectorAll('.nut-button .nut-button-children'))) {
    if (shown(label)) buttonSizes[(label.textContent ?? '').trim()] = parseFloat(getComputedStyle(label).fontSize)
  }

  sizes.sort((a, b) => a - b)
  return {
    docScrollWidth: document.documentElement.scrollWidth,
    offScreen,
    clipped,
    overlapping: Array.from(new Set(overlapping)),
    smallTargets,
    textSize: sizes[Math.floor(sizes.length / 2)] ?? 0,
    buttonSizes,
    scale: scaled?.style.getPropertyValue('--wm-font-scale') ?? '',
  }
}

async function audit(): Promise<Audit> {
  return page.evaluate(auditLayout, { viewport: VIEWPORT, minTarget: MIN_TARGET })
}

function expectWhole(result: Audit): void {
  // One comparison, so that a failure lists every problem on the page at once.
  const { offScreen, clipped, overlapping, smallTargets } = result
  expect({ widerThanScreen: result.docScrollWidth > VIEWPORT, offScreen, clipped, overlapping, smallTargets }).toEqual({
    widerThanScreen: false,
    offScreen: [],
    clipped: [],
    overlapping: [],
    smallTargets: [],
  })
}

/** Chooses a size under 大字模式 on 我的, as a person does. */
async function chooseTextSize(label: '标准' | '特大', scale: string): Promise<void> {
  await open(pages.find((p) => p.name === 'mine')!)
  const choice = page.getByRole('radio', { name: label }).filter({ visible: true })
  await choice.click()
  await page.waitForFunction((value) => {
    const all = document.querySelectorAll('.taro_router > .taro_page.taro_page_show .wm-scaled')
    return (all[all.length - 1] as HTMLElement | undefined)?.style.getPropertyValue('--wm-font-scale') === value
  }, scale)
  expect(await choice.getAttribute('aria-checked')).toBe('true')
}

describe('large text: every main page stays whole at 1× and at 1.5×', () => {
  it('logs in on the demo login page as the administrator', async () => {
    await gateway.logIn(page, ADMIN, 'tap')
  })

  it.each(MAIN_PAGES)('%s at 1×', async (name) => {
    const shown = pages.find((p) => p.name === name)!
    await open(shown)
    await screenshot(`large-text-1x-${name}`)
    const result = await audit()
    atOne.set(name, result)
    expect(result.scale).toBe('1')
    expectWhole(result)
  })

  it('switches to 特大 on 我的, which every page then keeps', async () => {
    await chooseTextSize('特大', '1.5')
    await page.reload()
    await page.getByText('大字模式').filter({ visible: true }).waitFor()
    expect(await page.getByRole('radio', { name: '特大' }).filter({ visible: true }).getAttribute('aria-checked')).toBe(
      'true',
    )
  })

  it.each(MAIN_PAGES)('%s at 1.5×', async (name) => {
    const shown = pages.find((p) => p.name === name)!
    await open(shown)
    await screenshot(`large-text-1.5x-${name}`)
    const result = await audit()
    const before = atOne.get(name)
    if (!before) throw new Error(`${name} was not audited at 1×`)
    expect(result.scale).toBe('1.5')
    // The text really is larger: the median size half as large again, NutUI's buttons too.
    expect(result.textSize / before.textSize).toBeCloseTo(1.5, 1)
    // The activity page has NutUI buttons (提交报名): their labels grow too.
    if (name === 'activity') expect(Object.keys(before.buttonSizes).length).toBeGreaterThan(0)
    for (const [label, size] of Object.entries(before.buttonSizes)) {
      if (label in result.buttonSizes) expect(result.buttonSizes[label] / size).toBeCloseTo(1.5, 1)
    }
    expectWhole(result)
  })

  it('goes back to 标准', async () => {
    await chooseTextSize('标准', '1')
  })
})

/** Relative luminance (WCAG) of a computed CSS colour such as `rgb(31, 31, 31)`. */
function luminance(color: string): number {
  const [r, g, b] = (color.match(/[\d.]+/g) ?? []).slice(0, 3).map((c) => {
    const v = Number(c) / 255
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4
  })
  return 0.2126 * r + 0.7152 * g + 0.0722 * b
}

describe('dark mode follows the system', () => {
  beforeAll(async () => {
    await page.emulateMedia({ colorScheme: 'dark' })
  })

  it.each(DARK_PAGES)('%s is dark, readable and whole', async (name) => {
    const shown = pages.find((p) => p.name === name)!
    await open(shown)
    await screenshot(`dark-${name}`)
    // The page, its root and the text on it: what shows behind the content and in front of it.
    const colors = await page.evaluate(() => {
      const all = document.querySelectorAll('.taro_router > .taro_page.taro_page_show')
      const top = all[all.length - 1] as HTMLElement
      const root = top.querySelector('.wm-scaled')!.firstElementChild!
      return {
        page: getComputedStyle(top).backgroundColor,
        root: getComputedStyle(root).backgroundColor,
        text: getComputedStyle(root).color,
      }
    })
    expect(luminance(colors.page)).toBeLessThan(0.05)
    expect(luminance(colors.root)).toBeLessThan(0.05)
    expect(luminance(colors.text)).toBeGreaterThan(0.6)
    expect(await seriousViolations(page)).toEqual([])
    expectWhole(await audit())
  })
})

describe('along the way', () => {
  it('had no script errors', () => {
    expect(problems).toEqual([])
  })
})
