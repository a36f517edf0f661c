import { readFileSync } from 'node:fs'
import path from 'node:path'
import type { ParseResult } from '../../../src/plan'

export const ROOT = path.resolve(__dirname, '../../..')
export const SEED_PATH = path.join(ROOT, 'src/cloud/demo/plan-2023.txt')

/** Reads the raw seed text. */
export function readSeed(): string {
  return readFileSync(SEED_PATH, 'utf8')
}

/** Reads a fixture from tests/unit/plan/fixtures. */
export function readFixture(name: string): string {
  return readFileSync(path.join(__dirname, 'fixtures', name), 'utf8')
}

/** Hard-wraps a text every `width` characters (code points), as some converters do. */
export function wrapEvery(text: string, width: number): string {
  const chars = Array.from(text)
  const lines: string[] = []
  for (let i = 0; i < chars.length; i += width) lines.push(chars.slice(i, i + width).join(''))
  return lines.join('\n')
}

/** Lists every text of a result that a reader sees: titles, preambles, intros, headings and bodies. */
export function collectTexts(result: ParseResult): string[] {
  const texts: string[] = []
  for (const plan of result.plans) {
    texts.push(plan.title, plan.preamble)
    for (const section of plan.sections) {
      texts.push(section.title)
      if (section.intro !== undefined) texts.push(section.intro)
      for (const item of section.items) texts.push(item.heading, item.body)
    }
  }
  return texts
}

/** Summarises a result as `number sourceNumber heading` lines per theme, for readable comparisons. */
export function outline(result: ParseResult): string[][] {
  return result.plans.map((plan) =>
    plan.sections.flatMap((section) => [
      `${section.number} ${section.sourceNumber} ${section.title}`,
      ...section.items.map((item) => `  ${item.number} ${item.sourceNumber} ${item.heading}`),
    ]),
  )
}

/** Marks of noise that must never reach the parsed texts. */
export const NOISE_MARKS: RegExp[] = [
  /【|】/,
  /##/,
  /paid/i,
  /dadawk|adawk|awk01/,
  /公文素材/,
  /文库|会员|限时优惠|每天更新|有意加入|请联系/,
  /首页\s*>|下载文档|举报|收藏|阅读全文|展开全文|相关推荐|原创力|免费下载|扫码/,
  /第\s*\d+\s*页|页码|文件名|上传|版权声明|^-\s*\d+\s*-$/m,
]

/** Whitespace between two Chinese characters, or between a Chinese character and Chinese punctuation. */
export const CJK_GAP =
  /[\p{Script=Han}\u3000-\u303f\uff00-\uffef“”‘’]\s+[\p{Script=Han}\u3000-\u303f\uff00-\uffef“”‘’]|[\p{Script=Han}] +[\p{Script=Han}]/u
