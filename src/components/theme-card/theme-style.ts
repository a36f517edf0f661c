/** A theme's visual identity: a seal-like glyph and a quiet tint. */
export interface ThemeStyle {
  glyph: string
  tint: string
  ink: string
}

// CSS variables (src/app.scss), so that dark mode swaps them for its own; the fallback is the light colour.
const TINTS: Omit<ThemeStyle, 'glyph'>[] = [
  { tint: 'var(--wm-tint-red, #FBEFEF)', ink: 'var(--wm-ink-red, #B3262B)' },
  { tint: 'var(--wm-tint-green, #EEF5F1)', ink: 'var(--wm-ink-green, #2F7A57)' },
  { tint: 'var(--wm-tint-blue, #EEF2F8)', ink: 'var(--wm-ink-blue, #31589A)' },
  { tint: 'var(--wm-tint-gold, #FAF3E3)', ink: 'var(--wm-ink-gold, #94681A)' },
  { tint: 'var(--wm-tint-purple, #F3EFF7)', ink: 'var(--wm-ink-purple, #6A4C93)' },
  { tint: 'var(--wm-tint-teal, #EEF6F7)', ink: 'var(--wm-ink-teal, #2A7480)' },
]

// The first keyword found in a theme's title picks its glyph; themes vary by bureau and year.
const GLYPHS: [RegExp, string][] = [
  [/道德|价值观|诚信/, '德'],
  [/思想|理论|学习/, '学'],
  [/志愿|雷锋|风尚|实践/, '行'],
  [/创建|单位|文明城市/, '创'],
  [/文化|阅读|节日|生活/, '文'],
  [/网络|网上/, '网'],
  [/组织|实施|保障|责任/, '责'],
]

/** The glyph and tint of the theme at `index` with `title`. */
export function pickThemeStyle(title: string, index: number): ThemeStyle {
  const glyph = GLYPHS.find(([pattern]) => pattern.test(title))?.[1] ?? '文'
  return { glyph, ...TINTS[index % TINTS.length] }
}
