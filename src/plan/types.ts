/** A work point of a theme: `1.弘扬时代新风，推进道德建设。着力…` or `(一)…`. */
export interface PlanItem {
  /** Position-based number (continues across themes when the source numbering does). */
  number: number
  /** The numeral as printed in the source, e.g. `"4"` or `"三"`. */
  sourceNumber: string
  /** The first sentence without its number and final `。`. */
  heading: string
  /** The rest of the point; `\n` separates real paragraphs. */
  body: string
}

/** A theme of a plan: `一、以社会主义核心价值观为根本，加强道德思想建设`. */
export interface PlanSection {
  /** 1-based position in its plan. */
  number: number
  /** The numeral as printed, e.g. `"二"`. */
  sourceNumber: string
  title: string
  items: PlanItem[]
  /** Text between the theme title and its first work point; only present when there is some. */
  intro?: string
}

/** One plan document (a text may hold several). */
export interface ParsedPlan {
  title: string
  year: number | null
  org: string | null
  preamble: string
  sections: PlanSection[]
}

/** Everything parsed from one text, plus the noise that was cut from it. */
export interface ParseResult {
  plans: ParsedPlan[]
  /** Each cut noise string once, as it appeared in the source, in order of appearance. */
  removed: string[]
}

export type PlanParseErrorCode = 'empty' | 'not_plan'

/** Thrown by `parsePlanText` when the text is empty or holds no recognisable plan; the message is Chinese. */
export class PlanParseError extends Error {
  readonly code: PlanParseErrorCode

  constructor(code: PlanParseErrorCode, message: string) {
    super(message)
    this.name = 'PlanParseError'
    this.code = code
    // Keeps `instanceof` working when compiled down to ES5-style classes.
    Object.setPrototypeOf(this, PlanParseError.prototype)
  }
}
