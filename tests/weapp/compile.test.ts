/**
 * The production weapp build (dist/weapp) as WeChat sees it: its official compilers (wcc for WXML, wcsc for WXSS,
 * the binaries shipped in miniprogram-compiler) accept the whole output, app.json describes files that exist, and the
 * main package stays within the size budget of the design doc.
 */
import fs from 'node:fs'
import path from 'node:path'
import vm from 'node:vm'
import { wxmlToJs, wxssToJs } from 'miniprogram-compiler'
import {
  COMPILER_OPTIONS,
  DIST,
  ROOT,
  listFiles,
  mainPackageBytes,
  pagesOf,
  readAppJson,
  subPackagesOf,
  type AppJson,
} from './load-weapp'

/** 1.3 × a bare Taro + NutUI app (DESIGN.md). */
const MAIN_PACKAGE_BUDGET = 470 * 1024

type Template = (data: unknown, env: unknown, scope: unknown) => { tag: string }
type StyleRewriter = (suffix?: string, options?: Record<string, unknown>) => void

/** Runs wcc's output the way the WeChat webview does, in a context of its own, and returns `$gwx`. */
function loadWxmlCompiler(): (file: string) => Template | undefined {
  const code = wxmlToJs(DIST, COMPILER_OPTIONS)
  const sandbox: Record<string, unknown> = {}
  sandbox.window = sandbox
  return vm.runInNewContext(`(function () {${code}\n})()`, sandbox)
}

/** wcsc over the whole build; on failure, wcsc's own message (wxssToJs loses it: wcsc returns its Error). */
function compileWxss(): string {
  try {
    return wxssToJs(DIST, COMPILER_OPTIONS)
  } catch (error) {
    const wcsc = require('miniprogram-compiler/src/wcsc') as typeof import('miniprogram-compiler/src/wcsc')
    const files = listFiles(DIST).filter((file) => file.endsWith('.wxss'))
    const result = wcsc(
      DIST,
      files.map((file) => file.slice(0, -'.wxss'.length)),
      COMPILER_OPTIONS,
    )
    throw result instanceof Error ? result : error
  }
}

/** Runs wcsc's output with a style-sheet manager that records the CSS each WXSS file produces. */
function loadWxssCompiler(): { get: (file: string) => StyleRewriter | undefined; css: Map<string, string> } {
  const code = compileWxss()
  const css = new Map<string, string>()
  const window = {
    screen: { width: 375, height: 812 },
    devicePixelRatio: 2,
    __styleSheetManager2__: {
      addItem() {},
      setCss(key: string, text: string) {
        css.set(key.replace(/:$/, ''), text)
      },
    },
  }
  const get = vm.runInNewContext(`(function () {${code}\n})()`, { window, navigator: { userAgent: 'jest' } })
  return { get, css }
}

let app: AppJson

beforeAll(() => {
  app = readAppJson()
})

describe('WeChat app.json rules', () => {
  it('every page and subpackage page has its .js, .json and .wxml files', () => {
    const missing = pagesOf(app).flatMap((page) =>
      ['.js', '.json', '.wxml'].map((ext) => page + ext).filter((file) => !fs.existsSync(path.join(DIST, file))),
    )
    expect(pagesOf(app).length).toBeGreaterThan(0)
    expect(missing).toEqual([])
  })

  it('every tabBar page is a page of the main package', () => {
    const tabPages = (app.tabBar?.list ?? []).map((item) => item.pagePath)
    expect(tabPages.length).toBeGreaterThan(0)
    expect(tabPages.filter((page) => !app.pages.includes(page))).toEqual([])
  })

  it('no subpackage page is also listed as a main package page', () => {
    const roots = subPackagesOf(app).map((pkg) => pkg.root.replace(/\/+$/, '') + '/')
    expect(app.pages.filter((page) => roots.some((root) => page.startsWith(root)))).toEqual([])
  })

  it('project.config.json at the repo root points WeChat at dist/weapp/ and at the cloud functions', () => {
    const config = JSON.parse(fs.readFileSync(path.join(ROOT, 'project.config.json'), 'utf8'))
    expect(path.posix.normalize(config.miniprogramRoot)).toBe('dist/weapp/')
    expect(typeof config.cloudfunctionRoot).toBe('string')
    expect(config.cloudfunctionRoot.length).toBeGreaterThan(0)
  })
})

describe('WeChat compilers', () => {
  it('wcc compiles the WXML of the whole build into a template for every page', () => {
    const gwx = loadWxmlCompiler()
    const rendered = pagesOf(app).map((page) => {
      const template = gwx(`${page}.wxml`)
      return { page, tag: typeof template === 'function' ? template({ root: { cn: [] } }, {}, {}).tag : null }
    })
    expect(rendered).toEqual(pagesOf(app).map((page) => ({ page, tag: 'wx-page' })))
  })

  it('wcsc compiles the WXSS of the whole build into CSS for the app and for every page that has styles', () => {
    const { get, css } = loadWxssCompiler()
    const styled = ['app', ...pagesOf(app)].filter((file) => fs.existsSync(path.join(DIST, `${file}.wxss`)))
    expect(styled).toContain('app')

    for (const file of styled) get(`${file}.wxss`)?.('')

    const produced = styled.map((file) => ({ file, css: (css.get(`${file}.wxss`) ?? '').length > 0 }))
    expect(produced).toEqual(styled.map((file) => ({ file, css: true })))
  })
})

describe('package size', () => {
  it(`the main package (everything outside the subpackage roots) is at most ${MAIN_PACKAGE_BUDGET / 1024} KB`, () => {
    const { bytes, files } = mainPackageBytes(app)
    console.log(
      `weapp main package: ${bytes} bytes = ${(bytes / 1024).toFixed(1)} KB of ${MAIN_PACKAGE_BUDGET / 1024} KB ` +
        `(${files.length} files)`,
    )
    expect(files).toContain('app.js')
    expect(bytes).toBeLessThanOrEqual(MAIN_PACKAGE_BUDGET)
  })
})
