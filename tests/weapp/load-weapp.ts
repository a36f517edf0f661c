/**
 * Loading the real production weapp build (dist/weapp) in jest.
 *
 * - `readAppJson` / `pagesOf` / … read what WeChat reads: app.json and the files next to it.
 * - `loadWeapp` runs the built app.js and renders a built page in miniprogram-simulate (WeChat's official wcc
 *   compiler for the templates, j-component for the tree), with a DOM from jsdom, a `Page` adapted to `Component`,
 *   and a `wx` whose platform boundary (`wx.cloud`, navigation, storage) the test controls.
 */
import fs from 'node:fs'
import path from 'node:path'

export const ROOT = path.resolve(__dirname, '..', '..')
export const DIST = path.join(ROOT, 'dist', 'weapp')
const APP_JSON = path.join(DIST, 'app.json')

/** Enough stdout for wcc/wcsc on the whole build (their default of 1 MB fails with ENOBUFS as the app grows). */
export const COMPILER_OPTIONS = { maxBuffer: 64 * 1024 * 1024 }

export interface AppJson {
  pages: string[]
  subPackages?: { root: string; pages: string[] }[]
  subpackages?: { root: string; pages: string[] }[]
  tabBar?: { list: { pagePath: string; text?: string }[] }
}

/** dist/weapp/app.json, or a clear failure telling how to build it. */
export function readAppJson(): AppJson {
  if (!fs.existsSync(APP_JSON)) {
    throw new Error(
      `${path.relative(ROOT, APP_JSON)} is missing: the weapp tests check the production build. ` +
        'Build it first with `NODE_ENV=production npm run build:weapp`, or run `npm test`, which builds it.',
    )
  }
  return JSON.parse(fs.readFileSync(APP_JSON, 'utf8')) as AppJson
}

/** The subpackages of app.json (WeChat accepts both spellings). */
export function subPackagesOf(app: AppJson): { root: string; pages: string[] }[] {
  return app.subPackages ?? app.subpackages ?? []
}

/** Every page route of app.json: main package pages, then subpackage pages with their root. */
export function pagesOf(app: AppJson): string[] {
  const sub = subPackagesOf(app).flatMap((pkg) => pkg.pages.map((page) => path.posix.join(pkg.root, page)))
  return [...app.pages, ...sub]
}

/** Every file under `dir`, as paths relative to it with forward slashes. */
export function listFiles(dir: string): string[] {
  const out: string[] = []
  const walk = (rel: string) => {
    for (const entry of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      const child = rel ? `${rel}/${entry.name}` : entry.name
      if (entry.isDirectory()) walk(child)
      else out.push(child)
    }
  }
  walk('')
  return out.sort()
}

/** Bytes of the main package: every file of the build outside the subpackage roots. */
export function mainPackageBytes(app: AppJson): { bytes: number; files: string[] } {
  const roots = subPackagesOf(app).map((pkg) => pkg.root.replace(/^\/+|\/+$/g, '') + '/')
  const files = listFiles(DIST).filter((file) => !roots.some((root) => file.startsWith(root)))
  const bytes = files.reduce((sum, file) => sum + fs.statSync(path.join(DIST, file)).size, 0)
  return { bytes, files }
}

/* ------------------------------------------------------------------------------------------------------------ */
/* Running the build                                                                                             */
/* ------------------------------------------------------------------------------------------------------------ */

/** What the page code sends to the single cloud function. */
export interface CloudCall {
  name: string
  data: { action: string; payload: unknown }
}

/** A navigation the app asked WeChat for. */
export interface Navigation {
  api: 'navigateTo' | 'redirectTo' | 'switchTab' | 'reLaunch' | 'navigateBack'
  url?: string
}

/** The j-component node API this file relies on (a subset of j-component's `Component`). */
export interface SimNode {
  dom: HTMLElement | undefined
  attach(parent: Element): void
  detach(): void
  dispatchEvent(eventName: string, options?: unknown): void
  querySelectorAll(selector: string): SimNode[]
}

interface Simulate {
  load(componentPath: string, tagName: string, options: Record<string, unknown>): string
  render(id: string, properties?: Record<string, unknown>): SimNode
}

type Options = Record<string, unknown>
type Method = (this: Options, ...args: unknown[]) => unknown

export interface WeappOptions {
  /** Answers `wx.cloud.callFunction`: returns what WeChat would put in `result`. */
  callFunction: (call: CloudCall) => Promise<unknown>
  /** The scene WeChat launched the app from (wx.getLaunchOptionsSync / getEnterOptionsSync); 1001 by default. */
  scene?: number
  /**
   * More of `wx`, or other answers than the defaults (e.g. requestSubscribeMessage), or `undefined` to take an
   * API away (as an old WeChat lacks it).
   */
  api?: Options
}

export interface RenderedPage {
  route: string
  node: SimNode
  /** All text currently rendered by the page. */
  text(): string
  /** The text of each innermost element that shows some, in document order. */
  texts(): string[]
  /** The first node matching `selector` (e.g. a class) whose text contains `text`. */
  find(selector: string, text: string): SimNode | undefined
  /** Calls a method of the page as WeChat does (e.g. `onShareTimeline` when the user posts the page to Moments). */
  invoke(method: string, ...args: unknown[]): unknown
  /** Detaches the page (onHide, onUnload) and removes it from the document. */
  close(): void
}

export interface Weapp {
  /** The `wx` the build runs against. */
  wx: Options
  /** Every navigation requested so far, in order. */
  navigations: Navigation[]
  /** Every cloud call made so far, in order. */
  cloudCalls: CloudCall[]
  /**
   * Elements the build rendered without a WXML template for them (WeChat draws nothing there), as the WXML runtime
   * names their templates: e.g. `tmpl_0_i` for an `<i>`.
   */
  missingTemplates: string[]
  /** Opens a page of the build (a route of app.json) and attaches it, as WeChat does on navigation. */
  openPage(route: string, query?: Record<string, string>): RenderedPage
}

const DOM_MARK = '__weappTestJsdom'

/** Where the WXML runtime's "template not found" warnings go: the app loaded last. */
let missingTemplatesOfLast: string[] = []
const WARN_MARK = '__weappTestWarn'

/** Catches the WXML runtime's warning about an element it has no template for, which it otherwise only logs. */
function watchMissingTemplates(): void {
  const g = globalThis as unknown as Options
  if (g[WARN_MARK]) return
  g[WARN_MARK] = true
  const warn = console.warn.bind(console)
  console.warn = (...args: unknown[]) => {
    const missing = /Template `(tmpl_[^`]+)` not found/.exec(args.map(String).join(' '))
    if (missing) missingTemplatesOfLast.push(missing[1])
    else warn(...args)
  }
}

/** Gives the node test environment a browser DOM (jsdom), which miniprogram-simulate's exparser renders into. */
function installDom(): void {
  if (DOM_MARK in globalThis) return
  // jsdom comes with the toolchain (@tarojs/webpack5-runner); jest-environment-jsdom is not installed.
  const { JSDOM } = require('jsdom') as { JSDOM: new (html: string, options: Options) => { window: Options } }
  const { window } = new JSDOM('<!doctype html><html><head></head><body></body></html>', {
    pretendToBeVisual: true,
    url: 'https://servicewechat.com/',
  })
  const g = globalThis as unknown as Options
  // DOM classes must be jsdom's own even where Node has a namesake (Event, EventTarget…): jsdom rejects foreign ones.
  const forced = new Set(['Event', 'CustomEvent', 'EventTarget', 'MessageEvent', 'navigator'])
  for (const key of Object.getOwnPropertyNames(window)) {
    if (key in g && !forced.has(key)) continue
    try {
      g[key] = window[key]
    } catch {
      // read-only globals of Node stay as they are
    }
  }
  g.window = window
  g.document = window.document
  g[DOM_MARK] = true
}

/** A `wx.createSelectorQuery()` whose every step chains and whose `exec` answers with no measurements. */
function createSelectorQuery(): Options {
  const requests: ((value: null) => void)[] = []
  const query: Options = {}
  const chain = (callback?: unknown) => {
    requests.push(typeof callback === 'function' ? (callback as (value: null) => void) : () => {})
    return query
  }
  for (const step of ['in', 'select', 'selectAll', 'selectViewport']) query[step] = () => query
  for (const field of ['boundingClientRect', 'scrollOffset', 'fields', 'node', 'context']) {
    query[field] = (...args: unknown[]) => chain(args.find((arg) => typeof arg === 'function'))
  }
  query.exec = (callback?: (results: null[]) => void) => {
    setTimeout(() => {
      requests.forEach((request) => request(null))
      callback?.(requests.map(() => null))
    }, 0)
    return query
  }
  return query
}

/** Calls WeChat-style `success`/`fail`/`complete` callbacks of `options` from a promise, and returns the promise. */
function settle<T>(options: Options | undefined, run: () => Promise<T>): Promise<T> {
  const callback = (name: string, value: unknown) => {
    const fn = options?.[name]
    if (typeof fn === 'function') fn(value)
  }
  const promise = run()
  promise.then(
    (value) => {
      callback('success', value)
      callback('complete', value)
    },
    (error) => {
      callback('fail', error)
      callback('complete', error)
    },
  )
  return promise
}

/**
 * Loads the built app into a fresh module registry and a fresh `wx`: `App` captured and launched, `Page` adapted
 * to `Component` (miniprogram-simulate renders components only), `wx.cloud.callFunction` answered by `options`.
 */
export function loadWeapp(options: WeappOptions): Weapp {
  readAppJson()
  installDom()
  watchMissingTemplates()
  const missingTemplates: string[] = []
  missingTemplatesOfLast = missingTemplates
  // A fresh registry each time: the build's webpack runtime keeps its own module cache, so in one registry a page
  // module runs (and calls Page()) only once, and the simulator, exparser and Taro all keep module-level state.
  jest.resetModules()

  const g = globalThis as unknown as Options
  const navigations: Navigation[] = []
  const cloudCalls: CloudCall[] = []
  const storage = new Map<string, unknown>()
  const pageStack: Options[] = []
  const launch = { path: readAppJson().pages[0], query: {}, scene: options.scene ?? 1001 }

  const navigate = (api: Navigation['api']) => (opts?: Options) =>
    settle(opts, async () => {
      navigations.push({ api, url: opts?.url as string | undefined })
      return { errMsg: `${api}:ok` }
    })

  // miniprogram-simulate merges its mock API into an existing global `wx`; what is set here wins.
  const wx: Options = {
    cloud: {
      init() {},
      callFunction(opts: Options & CloudCall) {
        return settle(opts, async () => {
          const call: CloudCall = { name: opts.name, data: opts.data }
          cloudCalls.push(call)
          return {
            result: await options.callFunction(call),
            requestID: `test-${cloudCalls.length}`,
            errMsg: 'cloud.callFunction:ok',
          }
        })
      },
    },
    navigateTo: navigate('navigateTo'),
    redirectTo: navigate('redirectTo'),
    switchTab: navigate('switchTab'),
    reLaunch: navigate('reLaunch'),
    navigateBack: navigate('navigateBack'),
    getStorageSync: (key: string) => (storage.has(key) ? storage.get(key) : ''),
    setStorageSync: (key: string, value: unknown) => void storage.set(key, value),
    removeStorageSync: (key: string) => void storage.delete(key),
    clearStorageSync: () => storage.clear(),
    createSelectorQuery,
    getLaunchOptionsSync: () => ({ ...launch }),
    getEnterOptionsSync: () => ({ ...launch }),
    ...options.api,
  }
  g.wx = wx

  const simulate = require('miniprogram-simulate') as Simulate
  Object.assign(g.wx as Options, wx)

  let appOptions: Options | null = null
  let opening: { route: string; query: Record<string, string> } | null = null
  g.App = (o: Options) => {
    appOptions = o
  }
  g.getApp = () => appOptions
  g.getCurrentPages = () => [...pageStack]
  g.requirePlugin = () => ({})
  // WeChat's Page(): its lifecycle methods become Component methods, called from the component's lifetimes.
  g.Page = (page: Options) => {
    const { data, behaviors, ...rest } = page
    const methods: Record<string, Method> = {}
    for (const [key, value] of Object.entries(rest)) if (typeof value === 'function') methods[key] = value as Method
    const target = opening
    if (!target) throw new Error('Page() called outside openPage()')
    const Component = g.Component as (o: Options) => void
    Component({
      data,
      behaviors: Array.isArray(behaviors) ? behaviors : [],
      methods,
      lifetimes: {
        attached(this: Options) {
          this.route = target.route
          this.__route__ = target.route
          this.options = target.query
          pageStack.push(this)
          ;(this.onLoad as Method).call(this, target.query)
          ;(this.onShow as Method).call(this)
        },
        ready(this: Options) {
          ;(this.onReady as Method | undefined)?.call(this)
        },
        detached(this: Options) {
          ;(this.onHide as Method | undefined)?.call(this)
          ;(this.onUnload as Method | undefined)?.call(this)
          pageStack.splice(pageStack.indexOf(this), 1)
        },
      },
    })
  }

  require(path.join(DIST, 'app.js'))
  if (!appOptions) throw new Error('dist/weapp/app.js did not call App()')
  const app = appOptions as Options
  ;(app.onLaunch as Method).call(app, launch)
  ;(app.onShow as Method | undefined)?.call(app, launch)

  return {
    wx,
    navigations,
    cloudCalls,
    missingTemplates,
    openPage(route, query = {}) {
      if (!pagesOf(readAppJson()).includes(route)) throw new Error(`${route} is not a page of app.json`)
      opening = { route, query }
      let id: string
      try {
        id = simulate.load(path.join(DIST, route), 'taro-page', {
          compiler: 'official',
          rootPath: DIST,
          compilerOptions: COMPILER_OPTIONS,
        })
      } finally {
        opening = null
      }
      const node = simulate.render(id)
      const parent = document.createElement('parent-wrapper')
      document.body.appendChild(parent)
      node.attach(parent)
      return {
        route,
        node,
        text: () => node.dom?.textContent ?? '',
        texts() {
          const leaves = Array.from(node.dom?.querySelectorAll('*') ?? []).filter((el) => el.children.length === 0)
          return leaves.map((el) => (el.textContent ?? '').trim()).filter(Boolean)
        },
        find(selector, text) {
          return node.querySelectorAll(selector).find((n) => (n.dom?.textContent ?? '').includes(text))
        },
        invoke(method, ...args) {
          const instance = (node as unknown as { instance: Record<string, unknown> }).instance
          const fn = instance[method]
          if (typeof fn !== 'function') throw new Error(`the page ${route} has no method ${method}`)
          return (fn as Method).apply(instance, args)
        },
        close() {
          node.detach()
          parent.remove()
        },
      }
    },
  }
}

/**
 * Resolves with the first truthy value of `condition()`, polled every 10 ms; fails after `timeoutMs` with a message
 * saying what it waited for (`describe()` is evaluated then, so it can show the current state).
 */
export async function waitFor<T>(
  condition: () => T | null | undefined | false,
  describe: () => string,
  timeoutMs = 10_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const value = condition()
    if (value) return value
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${describe()}`)
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
}
