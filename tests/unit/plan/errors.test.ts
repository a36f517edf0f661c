import { parsePlanText, PlanParseError } from '../../../src/plan'
import { parseChineseNumeral } from '../../../src/plan/numerals'

/** Returns the error thrown by parsing `text`. */
function errorOf(text: string): PlanParseError {
  try {
    parsePlanText(text)
  } catch (error) {
    if (error instanceof PlanParseError) return error
    throw error
  }
  throw new Error('parsePlanText did not throw')
}

describe('input that is not a plan', () => {
  it('rejects an empty text as empty', () => {
    expect(errorOf('').code).toBe('empty')
  })

  it('rejects a whitespace-only text as empty', () => {
    expect(errorOf(' \n\t\r\n\u3000 \n').code).toBe('empty')
  })

  it('rejects a text of nothing but noise as empty', () => {
    expect(errorOf('##paidbegin##\n【更多公文素材，微信：dadawk01】\n第 1 页 共 2 页\n##paidend##').code).toBe('empty')
  })

  it('rejects Chinese prose without numbered themes as not a plan', () => {
    expect(errorOf('今天天气很好，我们去公园散步。公园里的花都开了。').code).toBe('not_plan')
  })

  it('rejects English text as not a plan', () => {
    expect(errorOf('Hello world.\nThis is not a plan at all.').code).toBe('not_plan')
  })

  it('rejects JSON as not a plan', () => {
    expect(errorOf('{"plans": [1, 2, 3], "title": "x"}').code).toBe('not_plan')
  })

  it('rejects a numbered list without themes as not a plan', () => {
    expect(errorOf('1. 买菜\n2. 做饭\n3. 洗碗').code).toBe('not_plan')
  })

  it('rejects a lone title as not a plan', () => {
    expect(errorOf('XX局2023年度精神文明建设工作要点').code).toBe('not_plan')
  })

  it('rejects a single untitled theme without work points as not a plan', () => {
    expect(errorOf('一、我的家乡\n我的家乡很美。').code).toBe('not_plan')
  })

  it('explains itself in Chinese', () => {
    expect([errorOf('').message, errorOf('hello').message]).toEqual([
      expect.stringMatching(/^文本为空/),
      expect.stringMatching(/^未识别到工作要点：/),
    ])
  })

  it('throws an Error that is a PlanParseError with its name set', () => {
    const error = errorOf('')
    expect([error instanceof Error, error.name]).toEqual([true, 'PlanParseError'])
  })
})

describe('Chinese numerals', () => {
  it.each([
    ['一', 1],
    ['九', 9],
    ['十', 10],
    ['十一', 11],
    ['二十', 20],
    ['二十三', 23],
  ])('reads %s as %i', (text, value) => {
    expect(parseChineseNumeral(text)).toBe(value)
  })

  it.each(['', '十十', '零十', '百'])('rejects %p', (text) => {
    expect(parseChineseNumeral(text)).toBeNull()
  })
})
