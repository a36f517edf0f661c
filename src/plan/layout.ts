import { countChars, endsClause, endsSentence, removeStraySpaces } from './chars'
import { startsWithMarker, startsWithListMarker, startsWithThemeMarker } from './markers'
import { isTitleLine } from './titles'

/** The cleaned text to parse, one physical line per `\n`, with what is known about each line. */
export interface PlanDocument {
  text: string
  lines: string[]
  /** Offset of each line in `text`. */
  lineStarts: number[]
  /** The line reaches the usual wrap width, so a break after it is a wrap rather than a paragraph end. */
  full: boolean[]
  /** The line was indented or followed a blank line in the source. */
  paraBefore: boolean[]
}

/** Strips a BOM, unifies line breaks and drops invisible characters. */
export function normalizeInput(text: string): string {
  return text
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?|[\u2028\u2029\u000b\f\u0085]/g, '\n')
    .replace(/[\u200b-\u200d\u2060\ufeff\u00ad]/g, '')
}

/** Joins the lines of a text hard-wrapped at a fixed width (e.g. every 30 characters) back into paragraphs. */
export function unwrapHardLines(lines: string[]): { lines: string[]; unwrapped: boolean } {
  const width = detectWrapWidth(lines)
  if (width === null) return { lines, unwrapped: false }
  // A line that reaches the width continues on the next line; a shorter one ends where it ends.
  const out: string[] = []
  let pending = ''
  for (const line of lines) {
    if (!line.trim()) {
      if (pending) out.push(pending)
      pending = ''
      out.push(line)
      continue
    }
    pending += line
    if (countChars(line.replace(/\s+$/, '')) < width - 2) {
      out.push(pending)
      pending = ''
    }
  }
  if (pending) out.push(pending)
  return { lines: out, unwrapped: true }
}

// Most lines sharing one length (±2) is the mark of a hard wrap; PDF layouts vary more.
function detectWrapWidth(lines: string[]): number | null {
  const lengths = lines.map((line) => countChars(line.replace(/\s+$/, ''))).filter((n) => n > 0)
  if (lengths.length < 4) return null
  const counts = new Map<number, number>()
  for (const n of lengths) if (n >= 10) counts.set(n, (counts.get(n) ?? 0) + 1)
  let width = 0
  let best = 0
  for (const [n, count] of counts) {
    if (count > best || (count === best && n > width)) {
      width = n
      best = count
    }
  }
  if (!width) return null
  const nearLines = lines.filter((line) => Math.abs(countChars(line.replace(/\s+$/, '')) - width) <= 2)
  if (nearLines.length < 0.5 * lengths.length) return null
  // Lines of one length that end their sentences are short paragraphs, not a hard wrap.
  const ended = nearLines.filter((line) => endsSentence(line.trim())).length
  return ended < 0.5 * nearLines.length ? width : null
}

/** Removes stray spaces, drops blank lines and works out the wrap width that tells wraps from paragraph ends. */
export function buildDocument(text: string, unwrapped: boolean): PlanDocument {
  const lines: string[] = []
  const paraBefore: boolean[] = []
  let blankBefore = false
  for (const raw of text.split('\n')) {
    const line = removeStraySpaces(raw).trim()
    if (!line) {
      blankBefore = true
      continue
    }
    lines.push(line)
    paraBefore.push(blankBefore || /^(?:[ \t\u00a0]{2,}|[\u3000\t])/.test(raw))
    blankBefore = false
  }
  const lineStarts: number[] = []
  let offset = 0
  for (const line of lines) {
    lineStarts.push(offset)
    offset += line.length + 1
  }
  const width = unwrapped ? null : medianOpenLineLength(lines)
  const full = lines.map((line) => width !== null && countChars(line) >= 0.85 * width)
  return { text: lines.join('\n'), lines, lineStarts, full, paraBefore }
}

// The typical length of a line that is cut mid-sentence by the layout, ignoring
// titles and lines before a marker; null when the text hardly wraps (one line per paragraph).
function medianOpenLineLength(lines: string[]): number | null {
  const lengths: number[] = []
  for (let i = 0; i + 1 < lines.length; i++) {
    const line = lines[i]
    if (endsClause(line) || startsWithThemeMarker(line) || isTitleLine(line)) continue
    if (startsWithMarker(lines[i + 1])) continue
    lengths.push(countChars(line))
  }
  if (lengths.length < 3) return null
  lengths.sort((a, b) => a - b)
  return lengths[Math.floor(lengths.length / 2)]
}

/** Finds the index of the line that contains `offset`. */
export function lineIndexAt(doc: PlanDocument, offset: number): number {
  let lo = 0
  let hi = doc.lineStarts.length - 1
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1
    if (doc.lineStarts[mid] <= offset) lo = mid
    else hi = mid - 1
  }
  return lo
}

// Whether the break after line `index` separates two paragraphs. A break is a paragraph end only
// where a sentence ends (`。！？…`, or `：` before a new line) AND the source shows a new paragraph:
// the line is shorter than the usual wrap width, or the next line is indented or follows a blank
// line. A break before a list item (`1.`, `（1）`, `①`, `一是`) after `。；：` is kept too. Every other
// break is a wrap and is joined without a separator, so a sentence is never split. In a text with
// (almost) no wrapped lines, every sentence-ending line is a paragraph of its own.
function isParagraphBreak(doc: PlanDocument, index: number): boolean {
  const prev = doc.lines[index]
  const next = doc.lines[index + 1]
  if (next === undefined) return false
  if (startsWithListMarker(next) && endsClause(prev)) return true
  if (!endsSentence(prev) && !/[：:]$/.test(prev)) return false
  return !doc.full[index] || doc.paraBefore[index + 1]
}

/** Cleans the text between two offsets: wrapped lines are joined, paragraphs are kept on their own lines. */
export function formatBlock(doc: PlanDocument, start: number, end: number): string {
  if (end <= start) return ''
  const slice = doc.text.slice(start, end)
  let out = ''
  let cursor = 0
  for (;;) {
    const nl = slice.indexOf('\n', cursor)
    if (nl < 0) break
    out += slice.slice(cursor, nl)
    out += isParagraphBreak(doc, lineIndexAt(doc, start + nl)) ? '\n' : ''
    cursor = nl + 1
  }
  out += slice.slice(cursor)
  return out
    .split('\n')
    .map((paragraph) => paragraph.trim())
    .filter(Boolean)
    .join('\n')
}
