import { parseArabicNumeral, parseChineseNumeral } from './numerals'

export type PointStyle = 'arabic' | 'paren'

/** A numbering marker found in the text: `二、`, `(三)`, `4.`. */
export interface Marker {
  start: number
  /** Offset just after the marker (and the spaces that follow it). */
  end: number
  /** The numeral as printed. */
  source: string
  value: number
}

export interface PointMarker extends Marker {
  style: PointStyle
}

const CN = '[一二三四五六七八九十]{1,3}'
const THEME_STICKY = new RegExp(`(${CN})[ \\t]*[、．.，,](?![、．.，,])[ \\t]*`, 'y')
const PAREN_STICKY = new RegExp(`[（(][ \\t]*(${CN})[ \\t]*[）)][ \\t]*`, 'y')
const ARABIC_STICKY = /([0-9０-９]{1,2})[ \t]*[.．、,，](?![0-9０-９.．])[ \t]*/y
const POINT_GLOBAL = new RegExp(
  `[（(][ \\t]*(${CN})[ \\t]*[）)][ \\t]*|([0-9０-９]{1,2})[ \\t]*[.．、,，](?![0-9０-９.．])[ \\t]*`,
  'g',
)
const ENUMERATION_RE =
  /^[一二三四五六七八九十]{1,3}[、，,]?(?:[一二三四五六七八九十]{1,3}[、，,]?)*(?:月|季度|级|类|等奖|星级)/
const LIST_START_RE =
  /^(?:[0-9０-９]{1,2}[.．、)）]|[（(][0-9０-９]{1,2}[）)]|[①-⑳]|[（(][一二三四五六七八九十]{1,3}[）)]|[一二三四五六七八九十]{1,2}是)/

/** Reads a theme marker (`一、`, `二．`, `三,`) at an offset. */
export function matchThemeAt(text: string, offset: number): Marker | null {
  THEME_STICKY.lastIndex = offset
  const m = THEME_STICKY.exec(text)
  if (!m) return null
  const value = parseChineseNumeral(m[1])
  if (value === null) return null
  // `三、四月份` and `一、二级` enumerate numbers; they do not open a theme.
  if (ENUMERATION_RE.test(text.slice(offset + m[0].length, offset + m[0].length + 6))) return null
  return { start: offset, end: offset + m[0].length, source: m[1], value }
}

/** Reads a work point marker (`(一)`, `（二）`, `3.`, `4、`, `5．`, `6,`) at an offset. */
export function matchPointAt(text: string, offset: number): PointMarker | null {
  PAREN_STICKY.lastIndex = offset
  const paren = PAREN_STICKY.exec(text)
  if (paren) {
    const value = parseChineseNumeral(paren[1])
    if (value === null) return null
    return { start: offset, end: offset + paren[0].length, source: paren[1], value, style: 'paren' }
  }
  ARABIC_STICKY.lastIndex = offset
  const arabic = ARABIC_STICKY.exec(text)
  if (!arabic) return null
  return {
    start: offset,
    end: offset + arabic[0].length,
    source: arabic[1],
    value: parseArabicNumeral(arabic[1]),
    style: 'arabic',
  }
}

/** Lists the work point markers between two offsets, wherever they stand (used inside theme titles). */
export function findPointMarkers(text: string, from: number, to: number): PointMarker[] {
  const found: PointMarker[] = []
  POINT_GLOBAL.lastIndex = from
  for (;;) {
    const m = POINT_GLOBAL.exec(text)
    if (!m || m.index >= to) break
    // `2023.` or `12、` inside a longer number is not a marker.
    if (m[2] !== undefined && /[0-9０-９]/.test(text[m.index - 1] ?? '')) continue
    const marker = matchPointAt(text, m.index)
    if (marker) found.push(marker)
  }
  return found
}

/** Tells whether a line starts with a theme marker. */
export function startsWithThemeMarker(line: string): boolean {
  return matchThemeAt(line, 0) !== null
}

/** Tells whether a line starts with a theme or work point marker. */
export function startsWithMarker(line: string): boolean {
  return matchThemeAt(line, 0) !== null || matchPointAt(line, 0) !== null
}

/** Tells whether a line starts an item of a list inside a body (`1.`, `（1）`, `①`, `一是`). */
export function startsWithListMarker(line: string): boolean {
  return LIST_START_RE.test(line)
}
