import { CLOSER_CHARS, countChars, isBalanced, isSentenceEndAt } from './chars'
import { buildDocument, formatBlock, lineIndexAt, normalizeInput, unwrapHardLines, type PlanDocument } from './layout'
import { findPointMarkers, matchPointAt, matchThemeAt, type Marker, type PointMarker, type PointStyle } from './markers'
import { removeInlineNoise, removeNoiseLines } from './noise'
import { extractOrg, extractYear, isTitleLine, isTitlePrefixLine, matchGluedTitle } from './titles'
import { PlanParseError, type ParsedPlan, type ParseResult, type PlanItem, type PlanSection } from './types'

interface PointDraft {
  marker: PointMarker
  end: number
}

interface SectionDraft {
  marker: Marker
  title: string
  /** Where the text after the title starts (the intro, if any). */
  bodyStart: number
  end: number
  style: PointStyle | null
  points: PointDraft[]
}

interface PlanDraft {
  title: string
  /** Text that stood above the title (not part of it) and is kept at the head of the preamble. */
  preTitle: string
  preambleStart: number
  sections: SectionDraft[]
}

/** A boundary where a marker or title may start: the start of a line or just after a sentence end. */
interface Boundary {
  offset: number
  lineStart: boolean
  /** The text before it ends a sentence. */
  afterSentence: boolean
}

// How far into a theme title its first work point may stand (`一、…思想 (一)推动…`).
const TITLE_WINDOW = 80
// A heading broken across lines continues with a few characters (`入脑入` + `心。`).
const SHORT_CONTINUATION = 8

/** Parses the raw text of one or more 精神文明建设工作要点 documents into plans, themes and work points. */
export function parsePlanText(text: string): ParseResult {
  const normalized = normalizeInput(String(text ?? ''))
  if (!normalized.trim()) throw new PlanParseError('empty', '文本为空')
  const removed: string[] = []
  // Unwrapping comes first: a fragment of a hard-wrapped line is no chrome line.
  const { lines, unwrapped } = unwrapHardLines(normalized.split('\n'))
  const kept = removeNoiseLines(lines, removed)
  const doc = buildDocument(removeInlineNoise(kept.join('\n'), removed), unwrapped)
  if (!doc.text) throw new PlanParseError('empty', '文本为空：去除广告、页码等无关内容后没有正文')
  const plans = new PlanScanner(doc).scan().map((draft) => buildPlan(doc, draft))
  const first = plans[0]
  const itemCount = plans.reduce((n, plan) => n + plan.sections.reduce((m, s) => m + s.items.length, 0), 0)
  if (!first || first.sections.length === 0) {
    throw new PlanParseError('not_plan', '未识别到工作要点：没有找到“一、二、三、”形式编号的工作主题')
  }
  if (first.sections.length === 1 && !first.title && itemCount === 0) {
    throw new PlanParseError('not_plan', '未识别到工作要点：只有一个主题，且没有标题和工作要点条目')
  }
  return { plans, removed: orderRemoved(removed, normalized) }
}

// Each noise string once, in the order it first appears in the source.
function orderRemoved(removed: string[], source: string): string[] {
  const flat = source.replace(/\n/g, '')
  const unique = Array.from(new Set(removed))
  const position = new Map(unique.map((item) => [item, flat.indexOf(item)] as const))
  return unique.sort((a, b) => (position.get(a) ?? 0) - (position.get(b) ?? 0))
}

class PlanScanner {
  private readonly doc: PlanDocument
  private readonly text: string
  private readonly boundaries: Boundary[]
  private readonly plans: PlanDraft[] = []
  private plan: PlanDraft
  private section: SectionDraft | null = null
  /** Offset up to which the text is already consumed (theme titles). */
  private cursor = 0
  /** End of the last accepted marker: a new plan's title can only stand after it. */
  private lastEventEnd = 0
  /** Last printed arabic number of the plan's previous themes (for numbering that continues). */
  private previousArabic: number | null = null

  constructor(doc: PlanDocument) {
    this.doc = doc
    this.text = doc.text
    this.boundaries = findBoundaries(doc)
    this.plan = this.openFirstPlan()
  }

  scan(): PlanDraft[] {
    for (const boundary of this.boundaries) {
      if (boundary.offset < this.cursor) continue
      const theme = matchThemeAt(this.text, boundary.offset)
      if (theme) {
        this.considerTheme(theme)
        continue
      }
      if (!this.section) continue
      const point = matchPointAt(this.text, boundary.offset)
      if (point && this.acceptsPoint(point)) this.openPoint(point)
    }
    this.closeSection(this.text.length)
    this.plans.push(this.plan)
    return this.plans
  }

  private openFirstPlan(): PlanDraft {
    const { lines, lineStarts } = this.doc
    // A title line near the top, possibly under an issuer line (`中共XX局委员会`).
    for (let i = 0; i < Math.min(lines.length, 4); i++) {
      // A long title may also be wrapped onto a short second line.
      const wrapped = !isTitleLine(lines[i]) && i + 1 < lines.length && isWrappedTitle(lines[i], lines[i + 1])
      if (isTitleLine(lines[i]) || wrapped) {
        const last = wrapped ? i + 1 : i
        const above = lines.slice(0, i)
        const joinable = above.every(isTitlePrefixLine)
        const title = (joinable ? above.join('') : '') + lines.slice(i, last + 1).join('')
        const preTitle = joinable ? '' : above.join('\n')
        const preambleStart = last + 1 < lines.length ? lineStarts[last + 1] : this.text.length
        this.cursor = preambleStart
        return { title, preTitle, preambleStart, sections: [] }
      }
      if (!isTitlePrefixLine(lines[i])) break
    }
    // No line breaks, or the title is glued to the preamble.
    const glued = matchGluedTitle(lines[0] ?? '', true)
    this.cursor = glued
    return { title: this.text.slice(0, glued), preTitle: '', preambleStart: glued, sections: [] }
  }

  private considerTheme(theme: Marker): void {
    const n = theme.value
    if (!this.section) {
      if (n === 1) this.openSection(theme)
      return
    }
    const last = this.section.marker.value
    if (n === last + 1 || n === last + 2) {
      this.closeSection(theme.start)
      this.openSection(theme)
      return
    }
    if (n === 1) this.startNewPlan(theme)
  }

  // Numbering restarted at 一: a new document begins, under its own title if one stands before.
  private startNewPlan(theme: Marker): void {
    const title = this.findTitleBefore(this.lastEventEnd, theme.start)
    const split = title ? title.start : theme.start
    this.closeSection(split)
    this.plans.push(this.plan)
    this.plan = {
      title: title ? this.text.slice(title.start, title.end) : '',
      preTitle: '',
      preambleStart: title ? title.end : theme.start,
      sections: [],
    }
    this.section = null
    this.previousArabic = null
    this.openSection(theme)
  }

  private findTitleBefore(from: number, to: number): { start: number; end: number } | null {
    const { doc, text } = this
    for (let i = this.boundaries.length - 1; i >= 0; i--) {
      const b = this.boundaries[i]
      if (b.offset >= to) continue
      if (b.offset <= from) break
      const lineIndex = lineIndexAt(doc, b.offset)
      const lineEnd = doc.lineStarts[lineIndex] + doc.lines[lineIndex].length
      // A title line may follow a point that lacks its final `。`, but a wrapped full line is no title.
      const titleLine = b.lineStart && isTitleLine(doc.lines[lineIndex])
      if (titleLine && (b.afterSentence || !doc.full[lineIndex])) return { start: b.offset, end: lineEnd }
      if (!b.afterSentence) continue
      const length = matchGluedTitle(text.slice(b.offset, Math.min(lineEnd, to)))
      if (length) return { start: b.offset, end: b.offset + length }
    }
    return null
  }

  private openSection(theme: Marker): void {
    const { text } = this
    let titleStart = theme.end
    while (titleStart < text.length && /\s/.test(text[titleStart])) titleStart++
    const section: SectionDraft = {
      marker: theme,
      title: '',
      bodyStart: titleStart,
      end: text.length,
      style: null,
      points: [],
    }
    this.plan.sections.push(section)
    this.section = section
    this.lastEventEnd = theme.end

    const firstPoint = this.findPointInTitle(titleStart)
    if (firstPoint) {
      section.title = cleanTitle(text.slice(titleStart, firstPoint.start))
      section.bodyStart = firstPoint.start
      this.openPoint(firstPoint)
      return
    }
    // No point follows closely: the title runs to the end of its line or sentence.
    let titleEnd = titleStart
    while (titleEnd < text.length && text[titleEnd] !== '\n' && !isSentenceEndAt(text, titleEnd)) titleEnd++
    const introStart = findIntroStart(text.slice(titleStart, titleEnd))
    if (introStart > 0) {
      section.title = cleanTitle(text.slice(titleStart, titleStart + introStart))
      section.bodyStart = titleStart + introStart
    } else {
      section.title = cleanTitle(text.slice(titleStart, titleEnd))
      section.bodyStart = isSentenceEndAt(text, titleEnd) ? titleEnd + 1 : titleEnd
    }
    this.cursor = section.bodyStart
    // The theme title itself is never the title of a next document.
    this.lastEventEnd = section.bodyStart
  }

  // The first work point may share the theme title's line (or, without line breaks, its text).
  private findPointInTitle(titleStart: number): PointMarker | null {
    const { doc, text } = this
    let windowEnd = Math.min(text.length, titleStart + TITLE_WINDOW)
    for (let i = titleStart; i < windowEnd; i++) {
      if (isSentenceEndAt(text, i)) {
        windowEnd = i
        break
      }
    }
    for (const marker of findPointMarkers(text, titleStart, windowEnd)) {
      if (!this.acceptsPoint(marker)) continue
      const before = text.slice(titleStart, marker.start)
      if (!isBalanced(before)) continue
      if (before.includes('\n') && !doc.full[lineIndexAt(doc, titleStart)]) return null
      return marker
    }
    return null
  }

  private acceptsPoint(point: PointMarker): boolean {
    const section = this.section
    if (!section) return false
    if (section.style && section.style !== point.style) return false
    const n = point.value
    const last = section.points[section.points.length - 1]
    if (last) return n === last.marker.value + 1 || n === last.marker.value || n === last.marker.value + 2
    if (n === 1 || n === 2) return true
    const previous = this.previousArabic
    return point.style === 'arabic' && previous !== null && (n === previous + 1 || n === previous + 2)
  }

  private openPoint(point: PointMarker): void {
    const section = this.section
    if (!section) return
    const last = section.points[section.points.length - 1]
    if (last) last.end = point.start
    section.style = point.style
    section.points.push({ marker: point, end: this.text.length })
    this.cursor = point.end
    this.lastEventEnd = point.end
  }

  private closeSection(end: number): void {
    const section = this.section
    if (!section) return
    section.end = end
    const last = section.points[section.points.length - 1]
    if (last) last.end = end
    if (section.style === 'arabic' && last) this.previousArabic = last.marker.value
    this.section = null
  }
}

// Without line breaks a theme title runs straight into its intro (`一、加强思想建设全局上下要…。`).
// A span far longer than a title is split before the first word that usually opens such a sentence.
const LONG_TITLE = 30
const INTRO_OPENER_RE =
  /全[省市县区局镇系]|各[级地部单支科]|我[局委办市县区镇]|要[把以在坚]|坚持|围绕|按照|紧紧|始终|认真|进一步|着力|聚焦|结合/g

function findIntroStart(span: string): number {
  if (span.includes('\n') || countChars(span) <= LONG_TITLE) return 0
  INTRO_OPENER_RE.lastIndex = 6
  for (;;) {
    const m = INTRO_OPENER_RE.exec(span)
    if (!m || m.index > LONG_TITLE) return 0
    if (!'，、“《（(：'.includes(span[m.index - 1])) return m.index
  }
}

function isWrappedTitle(first: string, second: string): boolean {
  return !/[，。；！？：,;!?]/.test(first) && countChars(second) <= 20 && isTitleLine(first + second)
}

function findBoundaries(doc: PlanDocument): Boundary[] {
  const { text } = doc
  const byOffset = new Map<number, Boundary>()
  doc.lineStarts.forEach((offset, i) => {
    const afterSentence = i === 0 || isSentenceEndAt(doc.lines[i - 1], lastIndexSkippingClosers(doc.lines[i - 1]))
    byOffset.set(offset, { offset, lineStart: true, afterSentence })
  })
  for (let i = 0; i < text.length; i++) {
    if (!isSentenceEndAt(text, i)) continue
    let j = i + 1
    while (j < text.length && (CLOSER_CHARS.includes(text[j]) || text[j] === ' ')) j++
    if (j < text.length && text[j] !== '\n' && !byOffset.has(j)) {
      byOffset.set(j, { offset: j, lineStart: false, afterSentence: true })
    }
  }
  return Array.from(byOffset.values()).sort((a, b) => a.offset - b.offset)
}

function lastIndexSkippingClosers(line: string): number {
  let i = line.length - 1
  while (i >= 0 && CLOSER_CHARS.includes(line[i])) i--
  return i
}

function cleanTitle(raw: string): string {
  return raw
    .replace(/\n/g, '')
    .trim()
    .replace(/[。：:，,；;、\s]+$/, '')
}

function buildPlan(doc: PlanDocument, draft: PlanDraft): ParsedPlan {
  const firstTheme = draft.sections[0]?.marker.start ?? doc.text.length
  const body = formatBlock(doc, draft.preambleStart, firstTheme)
  const preamble = [draft.preTitle, body].filter(Boolean).join('\n')
  const title = cleanTitle(draft.title)
  let counter = 0
  let previousLastPrinted: number | null = null
  const sections = draft.sections.map((sectionDraft, index): PlanSection => {
    const points = sectionDraft.points
    const firstPrinted = points[0]?.marker.value
    // Arabic numbering that carries on from the previous theme (4. after 3.) keeps counting.
    const continues =
      sectionDraft.style === 'arabic' &&
      firstPrinted !== undefined &&
      firstPrinted > 1 &&
      previousLastPrinted !== null &&
      firstPrinted > previousLastPrinted
    if (!continues) counter = 0
    const items = points.map((point): PlanItem => {
      counter++
      return { number: counter, sourceNumber: point.marker.source, ...splitPoint(doc, point) }
    })
    previousLastPrinted =
      sectionDraft.style === 'arabic' && points.length ? points[points.length - 1].marker.value : null
    const introEnd = points[0]?.marker.start ?? sectionDraft.end
    const intro = formatBlock(doc, sectionDraft.bodyStart, introEnd)
    const section: PlanSection = {
      number: index + 1,
      sourceNumber: sectionDraft.marker.source,
      title: sectionDraft.title,
      items,
    }
    if (intro) section.intro = intro
    return section
  })
  return { title, year: extractYear(title, preamble), org: extractOrg(title, preamble), preamble, sections }
}

// heading = the first sentence; it may be broken across lines, or end at a line break without a `。`.
function splitPoint(doc: PlanDocument, point: PointDraft): { heading: string; body: string } {
  const { text } = doc
  let start = point.marker.end
  while (start < point.end && /[\s、.．,，:：]/.test(text[start])) start++
  const end = point.end
  let stop = -1
  for (let i = start; i < end; i++) {
    if (isSentenceEndAt(text, i)) {
      stop = i
      break
    }
  }
  const newline = text.indexOf('\n', start)
  const breaksBeforeStop = newline >= 0 && newline < end && (stop < 0 || newline < stop)
  if (breaksBeforeStop) {
    const continuation = stop >= 0 ? text.slice(newline + 1, stop) : ''
    const wrapped =
      stop >= 0 &&
      (allLinesFull(doc, start, stop) ||
        (countChars(continuation) <= SHORT_CONTINUATION && !/[\n，、；：,;:]/.test(continuation)))
    if (!wrapped) {
      return { heading: cleanHeading(text.slice(start, newline)), body: formatBlock(doc, newline + 1, end) }
    }
  }
  if (stop < 0) return { heading: cleanHeading(formatBlock(doc, start, end).replace(/\n/g, '')), body: '' }
  const keep = text[stop] === '。' || text[stop] === '.' ? stop : stop + 1
  return {
    heading: cleanHeading(text.slice(start, keep).replace(/\n/g, '')),
    body: formatBlock(doc, stop + 1, end),
  }
}

function allLinesFull(doc: PlanDocument, start: number, stop: number): boolean {
  const first = lineIndexAt(doc, start)
  const last = lineIndexAt(doc, stop)
  for (let i = first; i < last; i++) if (!doc.full[i]) return false
  return true
}

function cleanHeading(raw: string): string {
  return raw.trim().replace(/[，,；;、\s]+$/, '')
}
