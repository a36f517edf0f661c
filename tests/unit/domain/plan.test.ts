import { formatChineseNumber, summarizeSection } from '../../../src/domain/plan'

const item = (heading: string) => ({ id: 1, number: 1, sourceNumber: '1', heading, body: '' })

describe('formatChineseNumber', () => {
  it.each([
    [1, '一'],
    [4, '四'],
    [10, '十'],
    [11, '十一'],
    [20, '二十'],
    [23, '二十三'],
  ])('writes %i as %s', (n, expected) => {
    expect(formatChineseNumber(n)).toBe(expected)
  })
})

describe('summarizeSection', () => {
  it('joins the work-point headings with a Chinese semicolon', () => {
    expect(summarizeSection({ items: [item('弘扬时代新风'), item('学习先进典型')] })).toBe('弘扬时代新风；学习先进典型')
  })

  it('cuts a long summary with an ellipsis at the given length', () => {
    const summary = summarizeSection({ items: [item('一'.repeat(30)), item('二'.repeat(30))] }, 20)
    expect(summary).toHaveLength(20)
    expect(summary.endsWith('…')).toBe(true)
  })

  it('is empty for a theme without work points', () => {
    expect(summarizeSection({ items: [] })).toBe('')
  })
})
