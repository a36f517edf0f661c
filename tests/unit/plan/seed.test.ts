import { parsePlanText } from '../../../src/plan'
import { CJK_GAP, collectTexts, NOISE_MARKS, readSeed } from './helpers'

const result = parsePlanText(readSeed())
const [first, second] = result.plans

const FIRST_THEMES = [
  '以社会主义核心价值观为根本，加强道德思想建设',
  '以新时代文明风尚为导向，持续践行新时代文明',
  '以文明单位创建为抓手，深化精神文明创建活动',
  '以优秀文化为载体，丰富职工精神文化生活',
]
const SECOND_THEMES = [
  '深入学习贯彻习近平新时代中国特色社会主义思想',
  '培育和践行社会主义核心价值观',
  '扎实开展新时代文明实践活动',
  '组织实施',
]
const FIRST_HEADINGS = [
  ['弘扬时代新风，推进道德建设', '做好典型示范，学习先进典型', '落实诚信制度，健全诚信体系'],
  ['大力践行学雷锋志愿服务', '培育树立新时代文明风尚'],
  ['长效推进文明单位创建', '多方发力推进未成年人思想道德建设'],
  ['丰富职工精神文化生活', '弘扬中华优秀传统文化'],
]
const SECOND_HEADINGS = [
  [
    '推动习近平新时代中国特色社会主义思想入脑入心',
    '推动党的二十大精神与党史学习教育常学常新',
    '推动党的二十大和省第十四次党代会精神学深悟透',
  ],
  ['强化理想信念教育', '强化思想道德教育', '强化核心价值观教育'],
  ['积极开展志愿服务', '积极倡导文明行动', '深化网络文明建设'],
  ['压实责任，细化落实', '创新模式，营造氛围', '强建队伍，确保实效'],
]

describe('parsing the 2023 seed', () => {
  it('finds two plans', () => {
    expect(result.plans).toHaveLength(2)
  })

  it('reads the first plan title, year and bureau from its title', () => {
    expect([first.title, first.year, first.org]).toEqual(['XX局2023年度精神文明建设工作要点', 2023, 'XX局'])
  })

  it('reads the second plan title and year, and its bureau from the preamble opening', () => {
    expect([second.title, second.year, second.org]).toEqual(['2023年度精神文明建设工作要点', 2023, 'XXX局'])
  })

  it('gives the first plan four themes with 3, 2, 2 and 2 work points', () => {
    expect(first.sections.map((section) => section.items.length)).toEqual([3, 2, 2, 2])
  })

  it('gives the second plan four themes with three work points each', () => {
    expect(second.sections.map((section) => section.items.length)).toEqual([3, 3, 3, 3])
  })

  it('reads all eight theme titles exactly', () => {
    expect(result.plans.map((plan) => plan.sections.map((section) => section.title))).toEqual([
      FIRST_THEMES,
      SECOND_THEMES,
    ])
  })

  it('reads all twenty-one work point headings exactly', () => {
    expect(
      result.plans.map((plan) => plan.sections.map((section) => section.items.map((item) => item.heading))),
    ).toEqual([FIRST_HEADINGS, SECOND_HEADINGS])
  })

  it('numbers themes by position and keeps the printed numerals', () => {
    for (const plan of result.plans) {
      expect(plan.sections.map((section) => [section.number, section.sourceNumber])).toEqual([
        [1, '一'],
        [2, '二'],
        [3, '三'],
        [4, '四'],
      ])
    }
  })

  it('numbers the first plan points 1 to 9 across themes, as printed', () => {
    const items = first.sections.flatMap((section) => section.items)
    expect(items.map((item) => [item.number, item.sourceNumber])).toEqual(
      [1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => [n, String(n)]),
    )
  })

  it('restarts the second plan numbering at 1 in each theme', () => {
    expect(second.sections.map((section) => section.items.map((item) => item.number))).toEqual([
      [1, 2, 3],
      [1, 2, 3],
      [1, 2, 3],
      [1, 2, 3],
    ])
  })

  it('numbers the slipped points (一)(三)(三) 1, 2, 3 and keeps the printed numerals', () => {
    const slipped = second.sections[2].items
    expect(slipped.map((item) => [item.number, item.sourceNumber])).toEqual([
      [1, '一'],
      [2, '三'],
      [3, '三'],
    ])
  })

  it('keeps each preamble whole, joined across wrapped lines', () => {
    expect(first.preamble.startsWith('2023年，全市精神文明建设工作要以习近平新时代中国特色社会主义思想为指导')).toBe(
      true,
    )
    expect(first.preamble.endsWith('为新时代幸福XX建设贡献应急力量。')).toBe(true)
    expect(second.preamble).toMatch(/^2023年XXX局精神文明建设工作坚持以习近平新时代中国特色社会主义思想为指导，/)
    expect(second.preamble.endsWith('持续推动精神文明建设工作高质量发展。')).toBe(true)
  })

  it('adds no intro to themes whose first work point follows the title', () => {
    const intros = result.plans.flatMap((plan) => plan.sections.map((section) => section.intro))
    expect(intros.every((intro) => intro === undefined)).toBe(true)
  })

  it('keeps a body exactly, joining wrapped lines without separators', () => {
    expect(first.sections[0].items[1].body).toBe(
      '积极配合市文明办做好好人XX建设工作，常态化开展“我推荐、我评议、我投票身边好人及道德模范”推荐与宣传工作，' +
        '重点关注涌现在应急系统中的先进个人、典型事迹，积极宣传身边的好人好事、道德模范，' +
        '打造宣传崇敬、学习、争当“身边好人、道德模范”的热潮，弘扬道德模范崇高精神，以点带面，' +
        '充分发挥先进典型、道德模范的引领示范作用，营造见贤思齐、崇德向善的良好氛围。',
    )
  })

  it('starts the body of a point whose heading is on its own line with the next paragraph', () => {
    expect(second.sections[0].items[0].body).toMatch(
      /^始终把学习宣传贯彻习近平新时代中国特色社会主义思想作为首要政治任务/,
    )
  })

  it('keeps ASCII commas of the source and normalises “4 · 15” to “4·15”', () => {
    expect(first.preamble).toContain('增强“四个意识”,坚定“四个自信”,做到“两个维护”,坚持稳中求进')
    expect(second.sections[1].items[0].body).toContain('以“4·15”全民国家安全教育日为契机')
  })

  it('does not take numbers inside the text for work points', () => {
    const bodies = result.plans.flatMap((plan) => plan.sections.flatMap((s) => s.items.map((i) => i.body))).join('\n')
    expect(bodies).toContain('结合纪念雷锋同志逝世60周年')
    expect(bodies).toContain('扎实推进《2023年度XXX局文明单位创建任务分解表》')
    expect(first.preamble).toContain('紧紧围绕“十四五”、开启新征程')
  })

  it('cuts only the promotion glued to the last sentence', () => {
    const last = second.sections[3].items[2].body
    expect(last.endsWith('推动精神文明建设工作充满生机和活力。')).toBe(true)
  })

  it('lists each cut noise string once, as printed, in order of appearance', () => {
    expect(result.removed).toEqual([
      '##paidbegin##',
      '【更多公文素材，微信：d adawk01】',
      '【更多公文素材，微信： dadawk01】',
      '【更多公文素材，微信：dadaw k01】',
      '【更多公文素材，微信：dad awk01】',
      '【更多公文素材，微信：dadawk01】',
      '文库会员价格限时优惠中，每天更新材料，有意加入请联系',
      '##paidend##',
    ])
  })

  it('leaves no noise in any title, preamble, heading or body', () => {
    for (const text of collectTexts(result)) {
      for (const mark of NOISE_MARKS) expect({ text, noise: mark.test(text) }).toEqual({ text, noise: false })
    }
  })

  it('leaves no whitespace between Chinese characters or Chinese punctuation', () => {
    const offending = collectTexts(result).filter((text) => CJK_GAP.test(text))
    expect(offending).toEqual([])
  })

  it('leaves no text with surrounding whitespace', () => {
    const offending = collectTexts(result).filter((text) => text !== text.trim())
    expect(offending).toEqual([])
  })

  it('keeps no line breaks in the seed, whose bodies are single paragraphs', () => {
    expect(collectTexts(result).filter((text) => text.includes('\n'))).toEqual([])
  })
})
