import { parsePlanText } from '../../../src/plan'
import { readFixture, readSeed, wrapEvery } from './helpers'

const seed = readSeed()
const expected = parsePlanText(seed)

describe('layouts of the same seed text', () => {
  it('parses the seed with all line breaks removed the same', () => {
    expect(parsePlanText(seed.replace(/\n/g, ''))).toEqual(expected)
  })

  it('parses the seed with line breaks turned into spaces the same', () => {
    expect(parsePlanText(seed.replace(/\n/g, ' '))).toEqual(expected)
  })

  it('parses the seed run together and hard-wrapped every 30 characters the same', () => {
    expect(parsePlanText(wrapEvery(seed.replace(/\n/g, ''), 30))).toEqual(expected)
  })

  it('parses the seed with each of its lines re-wrapped every 30 characters the same', () => {
    const rewrapped = seed
      .split('\n')
      .map((line) => wrapEvery(line, 30))
      .join('\n')
    expect(parsePlanText(rewrapped)).toEqual(expected)
  })

  it.each([16, 20, 24, 25, 28, 33, 40, 48])('parses the seed hard-wrapped every %i characters the same', (width) => {
    expect(parsePlanText(wrapEvery(seed.replace(/\n/g, ''), width))).toEqual(expected)
  })

  it('parses the seed hard-wrapped with trimmed lines into the same plans', () => {
    const trimmed = wrapEvery(seed.replace(/\n/g, ''), 30)
      .split('\n')
      .map((line) => line.trim())
      .join('\n')
    expect(parsePlanText(trimmed).plans).toEqual(expected.plans)
  })

  it('parses CRLF line endings the same', () => {
    expect(parsePlanText(seed.replace(/\n/g, '\r\n'))).toEqual(expected)
  })

  it('parses old Mac CR line endings the same', () => {
    expect(parsePlanText(seed.replace(/\n/g, '\r'))).toEqual(expected)
  })

  it('ignores a byte order mark', () => {
    expect(parsePlanText('\uFEFF' + seed)).toEqual(expected)
  })

  it('ignores blank lines and full-width indentation between lines', () => {
    const spaced = seed
      .split('\n')
      .map((line) => '\u3000\u3000' + line)
      .join('\n\n')
    expect(parsePlanText(spaced).plans.map((plan) => plan.sections)).toEqual(
      expected.plans.map((plan) => plan.sections),
    )
  })

  it('parses a fixture without line breaks into the same themes and headings', () => {
    const text = readFixture('pdf-wrapped.txt')
    const outline = (t: string) =>
      parsePlanText(t).plans.map((plan) => [
        plan.title,
        plan.sections.map((s) => [s.title, s.items.map((i) => i.heading)]),
      ])
    expect(outline(text.replace(/\n/g, ''))).toEqual(outline(text))
  })
})

describe('a document cut off early', () => {
  const cutInBody = seed.slice(0, seed.indexOf('树 立节约意识'))
  const cutInHeading = seed.slice(0, seed.indexOf('健全诚信体系'))

  it('keeps the partial work point of a text cut off in a body', () => {
    const plan = parsePlanText(cutInBody).plans[0]
    const last = plan.sections[1].items[1]
    expect([last.number, last.heading, last.body]).toEqual([
      5,
      '培育树立新时代文明风尚',
      '深入学习贯彻习近平总书记对制止餐饮浪费行为的重要指示精神，抵制餐饮浪费，',
    ])
  })

  it('keeps only the one plan of a text cut off in its first plan', () => {
    const result = parsePlanText(cutInBody)
    expect(result.plans.map((plan) => plan.sections.map((s) => s.items.length))).toEqual([[3, 2]])
  })

  it('keeps a heading cut off before its end as the heading, without a dangling comma', () => {
    const last = parsePlanText(cutInHeading).plans[0].sections[0].items[2]
    expect([last.heading, last.body]).toEqual(['落实诚信制度', ''])
  })

  it('keeps a theme cut off right after its title, with no points', () => {
    const cut = seed.slice(0, seed.indexOf('4.大力践行'))
    const sections = parsePlanText(cut).plans[0].sections
    expect(sections[1]).toEqual({
      number: 2,
      sourceNumber: '二',
      title: '以新时代文明风尚为导向，持续践行新时代文明',
      items: [],
    })
  })
})
