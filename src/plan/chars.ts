// Character classes shared by the plan parser. No lookbehind anywhere: older
// mini-program JS engines (iOS < 16.4) reject it at load time.

// Punctuation that ends a sentence.
const SENTENCE_END_CHARS = '。！？!?…'

/** Closing quotes and brackets that may follow a sentence end. */
export const CLOSER_CHARS = '”’」』）)】》〉"\''

const HAN_RE = /\p{Script=Han}/u
const LATIN_RE = /[A-Za-z0-9]/
const SPACE_RUN_RE = /[ \t\f\v\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+/g

function isHan(ch: string | undefined): boolean {
  return ch !== undefined && HAN_RE.test(ch)
}

function isLatin(ch: string | undefined): boolean {
  return ch !== undefined && LATIN_RE.test(ch)
}

/** Tells whether the character at `index` ends a sentence (an ASCII `.` only does so after a Chinese character). */
export function isSentenceEndAt(text: string, index: number): boolean {
  const ch = text[index]
  if (ch === undefined) return false
  if (SENTENCE_END_CHARS.includes(ch)) return true
  return ch === '.' && isHan(text[index - 1]) && !isLatin(text[index + 1])
}

// The last character of a text, skipping trailing closing quotes and brackets.
function lastMeaningfulChar(text: string): string {
  let i = text.length - 1
  while (i >= 0 && CLOSER_CHARS.includes(text[i])) i--
  return i >= 0 ? text[i] : ''
}

/** Tells whether a line ends a sentence (`。！？…`, possibly followed by closing quotes). */
export function endsSentence(text: string): boolean {
  const ch = lastMeaningfulChar(text)
  return ch !== '' && SENTENCE_END_CHARS.includes(ch)
}

/** Tells whether a line ends a clause that may be followed by a list (`。；：` and the like). */
export function endsClause(text: string): boolean {
  const ch = lastMeaningfulChar(text)
  return ch !== '' && (SENTENCE_END_CHARS + '；;：:').includes(ch)
}

/** Drops the spaces that PDF extraction put into Chinese text; keeps one space between Latin words or digits. */
export function removeStraySpaces(line: string): string {
  return line.replace(SPACE_RUN_RE, (run: string, offset: number, whole: string) => {
    const before = whole[offset - 1]
    const beforeBefore = whole[offset - 2]
    const after = whole[offset + run.length]
    if (before === undefined || after === undefined || before === '\n' || after === '\n') return ''
    const afterOk = isLatin(after) || after === '('
    if ((isLatin(before) || before === '%') && afterOk) return ' '
    // `Hello, world` keeps its space; `”, 坚定` does not.
    if ('.,;:!?)'.includes(before) && isLatin(beforeBefore) && afterOk) return ' '
    return ''
  })
}

/** Counts characters by code point, so that rare Han characters outside the BMP count once. */
export function countChars(text: string): number {
  return Array.from(text).length
}

/** Tells whether quotes and brackets in a text are balanced (used to reject markers inside quotations). */
export function isBalanced(text: string): boolean {
  const pairs: Array<[string, string]> = [
    ['“', '”'],
    ['《', '》'],
    ['（', '）'],
    ['(', ')'],
    ['【', '】'],
    ['「', '」'],
  ]
  return pairs.every(([open, close]) => text.split(open).length === text.split(close).length)
}
