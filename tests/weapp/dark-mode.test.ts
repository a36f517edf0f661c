/**
 * Dark mode of the weapp build: app.json follows the system ("darkmode": true) and takes its navigation bar, window
 * and tab bar from theme.json, which defines every variable it names in light and in dark, with icons that exist.
 */
import fs from 'node:fs'
import path from 'node:path'
import { DIST, readAppJson } from './load-weapp'

interface Theme {
  light: Record<string, string>
  dark: Record<string, string>
}

const app = () => readAppJson() as ReturnType<typeof readAppJson> & { darkmode?: boolean; themeLocation?: string }

/** Every `@name` that app.json refers to, anywhere in it. */
function variablesOf(value: unknown): string[] {
  if (typeof value === 'string') return value.startsWith('@') ? [value.slice(1)] : []
  if (Array.isArray(value)) return value.flatMap(variablesOf)
  if (value && typeof value === 'object') return Object.values(value).flatMap(variablesOf)
  return []
}

function readTheme(): Theme {
  const location = app().themeLocation
  if (!location) throw new Error('app.json has no themeLocation')
  return JSON.parse(fs.readFileSync(path.join(DIST, location), 'utf8')) as Theme
}

describe('dark mode of the weapp build', () => {
  it('follows the system, with a theme.json next to app.json', () => {
    expect(app().darkmode).toBe(true)
    expect(fs.existsSync(path.join(DIST, app().themeLocation ?? 'theme.json'))).toBe(true)
  })

  it('defines every variable of app.json in light and in dark', () => {
    const used = Array.from(new Set(variablesOf(app())))
    const theme = readTheme()
    // The window and the tab bar, icons included, at least.
    expect(used).toEqual(expect.arrayContaining(['navBgColor', 'bgColor', 'tabBgColor', 'homeIcon', 'mineIconOn']))
    expect(used.filter((name) => !(name in theme.light))).toEqual([])
    expect(used.filter((name) => !(name in theme.dark))).toEqual([])
  })

  it('ships every tab icon that theme.json names, light and dark', () => {
    const theme = readTheme()
    const icons = [...Object.values(theme.light), ...Object.values(theme.dark)].filter((v) => v.endsWith('.png'))
    expect(icons.length).toBe(12)
    expect(icons.filter((icon) => !fs.existsSync(path.join(DIST, icon)))).toEqual([])
  })
})
