export { parsePlanText } from './parse-plan'
export { PlanParseError } from './types'
export type { ParsedPlan, ParseResult, PlanItem, PlanParseErrorCode, PlanSection } from './types'
