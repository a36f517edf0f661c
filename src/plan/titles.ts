import { countChars, isBalanced } from './chars'
import { parseArabicNumeral, parseChineseYear } from './numerals'

const KEYWORDS =
  '(?:工作要点|要点|工作计划|行动计划|计划|实施方案|工作方案|行动方案|方案|工作安排|安排|实施意见|意见|工作规划|规划|工作思路|思路|重点任务|工作任务|任务清单|任务分解表|清单|工作重点|工作部署|部署|通知)'
// `（试行）`, `（2023年）`, and the `第1篇` of collection pages.
const SUFFIX = '(?:[（(][^（）()\\n]{1,20}[）)])?(?:第[0-9一二三四五六七八九十]{1,3}篇)?'
const TITLE_LINE_RE = new RegExp(`^[^，。；！？：,;!?\\n]{0,50}${KEYWORDS}${SUFFIX}$`)
const GLUED_TITLE_RE = new RegExp(`^[^，。；！？：、,;:!?“”"《》\\n]{1,50}?${KEYWORDS}${SUFFIX}`)
// At the very start of a text a title may quote a document name: `关于印发《…工作要点》的通知`.
const GLUED_TITLE_AT_START_RE = new RegExp(`^[^，。；！？：、,;:!?“”"\\n]{1,60}?${KEYWORDS}${SUFFIX}(?!》)`)
const MARKER_START_RE =
  /^(?:[一二三四五六七八九十]{1,3}[、．.，,]|[（(][一二三四五六七八九十]{1,3}[）)]|[0-9０-９]{1,2}[.．、,，])/
const SENTENCE_OPENER_RE =
  /^(?:为|根据|按照|依据|结合|围绕|现将|经|在|对|把|将|要|以|按|是|请|由|从|各|全|我|本|通过|坚持|深入|认真|进一步|加强|做好|推进|推动|落实)/
const TITLE_TOPIC_RE = /(?:19|20)[0-9]{2}|[〇零一二三四五六七八九]{4}年|文明|要点|计划|方案/
const NOT_AFTER_TITLE = '，、；：,;:的》”）)和及与要中等并已'
const ORG_END =
  '(?:局|厅|署|委|办|院|会|组|室|部|处|所|站|队|中心|公司|集团|政府|街道|镇|乡|社区|学校|大学|医院|银行|分行|支行|馆|台|社|机关|党委|党组|支部|总支)'
const ORG_PARTY_SUFFIX_RE = /(?:机关党委|党委|党组|党总支|党支部|委员会|办公室|机关)$/
const ORG_BUREAU_END_RE = /(?:局|厅|署|院|中心|公司|集团|所|站|馆|队|处)$/
const TOPIC_START_RE =
  /(?:19|20)[0-9]{2}\s*年?|[〇零一二三四五六七八九]{4}年|关于|精神文明|文明|年度|工作要点|工作计划|实施方案/
const PREAMBLE_ORG_RE = new RegExp(
  `^(?:(?:19|20)[0-9]{2}年度?|今年|本年度|新的一年)?[，,]?(?:我|全)?([^，。、；：,;:“”《》()（）\\s0-9]{2,20}?${ORG_END})(?=精神文明|文明|的|要|将|坚持|工作|党|全面|以|各|在|认真|继续|围绕|紧紧|结合|始终|按照|根据|深入|进一步)`,
)

/** Tells whether a whole line reads as a document title (`XX局2023年度精神文明建设工作要点`). */
export function isTitleLine(line: string): boolean {
  const text = line.trim()
  const length = countChars(text)
  if (length < 4 || length > 60) return false
  if (MARKER_START_RE.test(text)) return false
  if (!TITLE_LINE_RE.test(text) || !isBalanced(text)) return false
  // `党建、精神文明建设工作要点` is a title; `责任清单、问题清单` is a wrapped list.
  return !text.includes('、') || TITLE_TOPIC_RE.test(text)
}

/** Reads a title glued to the text that follows it (no line break), returning its length; 0 when there is none. */
export function matchGluedTitle(text: string, atStart = false): number {
  if (MARKER_START_RE.test(text) || SENTENCE_OPENER_RE.test(text)) return 0
  const m = (atStart ? GLUED_TITLE_AT_START_RE : GLUED_TITLE_RE).exec(text)
  if (!m) return 0
  const next = text[m[0].length]
  if (next !== undefined && NOT_AFTER_TITLE.includes(next)) return 0
  if (!TITLE_TOPIC_RE.test(m[0]) || !isBalanced(m[0])) return 0
  return m[0].length
}

/** Tells whether a short line may belong to the title below it (an issuer such as `中共XX局委员会`). */
export function isTitlePrefixLine(line: string): boolean {
  const length = countChars(line)
  if (length < 2 || length > 30) return false
  if (/[，。；！？：,;!?、]/.test(line) || MARKER_START_RE.test(line)) return false
  // A line naming a plan itself is a title of its own, not the first half of one.
  if (new RegExp(KEYWORDS).test(line)) return false
  // Document numbers and dates stay in the preamble.
  return !/〔[0-9]{4}〕|\[[0-9]{4}\]|[0-9]+号$|^[0-9]{4}\s*年\s*[0-9]{1,2}\s*月/.test(line)
}

/** Finds the plan year in the title, else in the preamble; null when neither names one. */
export function extractYear(title: string, preamble: string): number | null {
  return findYear(title, true) ?? findYear(preamble, false)
}

function findYear(text: string, bare: boolean): number | null {
  const ascii = text.replace(/[０-９]/g, (d) => String(parseArabicNumeral(d)))
  const digits = /((?:19|20)[0-9]{2})\s*年/.exec(ascii)
  if (digits) return Number(digits[1])
  const chinese = /([〇零一二三四五六七八九]{4})年/.exec(ascii)
  if (chinese) return parseChineseYear(chinese[1])
  if (bare) {
    const plain = /(?:^|[^0-9])((?:19|20)[0-9]{2})(?![0-9])/.exec(ascii)
    if (plain) return Number(plain[1])
  }
  return null
}

/** Finds the organisation (the bureau) in the title, else at the opening of the preamble; null when there is none. */
export function extractOrg(title: string, preamble: string): string | null {
  return orgFromTitle(title) ?? orgFromPreamble(preamble)
}

function orgFromTitle(title: string): string | null {
  const topic = TOPIC_START_RE.exec(title)
  const prefix = (topic ? title.slice(0, topic.index) : '').trim()
  if (prefix) return normalizeOrg(prefix)
  if (!topic) return null
  // `2023年XX局精神文明建设工作要点`: the organisation follows the year.
  return orgFromPreamble(title.slice(topic.index))
}

function orgFromPreamble(text: string): string | null {
  const m = PREAMBLE_ORG_RE.exec(text.trim())
  return m ? normalizeOrg(m[1]) : null
}

// `中共XX局党委` and `XX局办公室` issue plans on behalf of the bureau, which is `XX局`.
function normalizeOrg(raw: string): string | null {
  let org = raw.replace(/^(?:中共|中国共产党)/, '').trim()
  if (!new RegExp(`${ORG_END}$`).test(org)) return null
  for (let guard = 0; guard < 4; guard++) {
    const m = ORG_PARTY_SUFFIX_RE.exec(org)
    if (!m) break
    const rest = org.slice(0, m.index)
    if (!ORG_BUREAU_END_RE.test(rest)) break
    org = rest
  }
  return org.length >= 2 ? org : null
}
