import { parsePlanText } from '../../../src/plan'
import { outline, readFixture } from './helpers'

/** Parses a text and returns its only plan. */
function parseOne(text: string) {
  const { plans } = parsePlanText(text)
  expect(plans).toHaveLength(1)
  return plans[0]
}

describe('plan titles, years and bureaus', () => {
  it('reads a plan without a title, taking year and bureau from the preamble opening', () => {
    const plan = parseOne(readFixture('no-title.txt'))
    expect([plan.title, plan.year, plan.org]).toEqual(['', 2024, 'XX区司法局'])
  })

  it('joins an issuing party committee line above the title into the title', () => {
    const plan = parseOne(readFixture('party-committee.txt'))
    expect(plan.title).toBe('中共XX市应急管理局委员会2024年精神文明建设工作要点')
  })

  it('names the bureau, not its party committee, as the organisation', () => {
    expect(parseOne(readFixture('party-committee.txt')).org).toBe('XX市应急管理局')
  })

  it('names the bureau of a title issued by its party group', () => {
    const plan = parseOne(readFixture('party-group.txt'))
    expect([plan.title, plan.year, plan.org]).toEqual([
      'XX县文化和旅游局党组2022年度精神文明建设工作计划',
      2022,
      'XX县文化和旅游局',
    ])
  })

  it('reads a notice title issued by the bureau office', () => {
    const [plan] = parsePlanText(readFixture('office-notice.txt')).plans
    expect([plan.title, plan.year, plan.org]).toEqual([
      'XX局办公室关于印发《2024年度精神文明建设工作计划》的通知',
      2024,
      'XX局',
    ])
  })

  it('reads a year written in Chinese numerals', () => {
    const plan = parseOne('XX局二〇二四年精神文明建设工作要点\n一、加强学习\n1.学习理论。每月一次。')
    expect(plan.year).toBe(2024)
  })

  it('reads the bureau after the year in a title', () => {
    const plan = parseOne('2024年XX市审计局精神文明建设工作要点\n一、加强学习\n1.学习理论。每月一次。')
    expect(plan.org).toBe('XX市审计局')
  })

  it('gives null year and bureau when neither title nor preamble names them', () => {
    const plan = parseOne('精神文明建设工作要点\n一、加强学习\n1.学习理论。每月一次。')
    expect([plan.title, plan.year, plan.org]).toEqual(['精神文明建设工作要点', null, null])
  })

  it('keeps a title suffix in parentheses', () => {
    const plan = parseOne('XX局2024年精神文明建设工作方案（试行）\n一、加强学习\n1.学习理论。每月一次。')
    expect(plan.title).toBe('XX局2024年精神文明建设工作方案（试行）')
  })
})

describe('several documents in one text', () => {
  it('starts a new plan at a new title line', () => {
    const { plans } = parsePlanText(readFixture('office-notice.txt'))
    expect(plans.map((plan) => plan.title)).toEqual([
      'XX局办公室关于印发《2024年度精神文明建设工作计划》的通知',
      'XX局2024年度精神文明建设考核方案',
    ])
  })

  it('gives the second document its own preamble', () => {
    const { plans } = parsePlanText(readFixture('office-notice.txt'))
    expect(plans[1].preamble).toBe('为确保工作计划落到实处，制定本方案。')
  })

  it('ends the last point of the first document before the next title, even without a final 。', () => {
    const { plans } = parsePlanText(readFixture('office-notice.txt'))
    expect(plans[0].sections[1].items[1].body).toBe('结合“学雷锋”活动月开展志愿服务')
  })

  it('starts a new plan when theme numbering restarts at 一 without a title', () => {
    const text = [
      'XX局2024年精神文明建设工作要点',
      '一、加强学习',
      '1.学习理论。每月一次。',
      '二、推进创建',
      '2.开展创建。全年推进。',
      '一、组织领导',
      '1.成立专班。明确分工。',
    ].join('\n')
    const { plans } = parsePlanText(text)
    expect(plans.map((plan) => [plan.title, plan.sections.map((s) => s.title)])).toEqual([
      ['XX局2024年精神文明建设工作要点', ['加强学习', '推进创建']],
      ['', ['组织领导']],
    ])
  })
})

describe('theme markers', () => {
  it('accepts 一． 二. and 三、 with stray spaces', () => {
    const text =
      'XX局2024年工作要点\n一． 加强学习\n1.学习理论。每月一次。\n二. 推进创建\n2.开展创建。全年推进。\n三 、 组织保障\n3.压实责任。层层落实。'
    expect(parseOne(text).sections.map((s) => [s.sourceNumber, s.title])).toEqual([
      ['一', '加强学习'],
      ['二', '推进创建'],
      ['三', '组织保障'],
    ])
  })

  it('reads a theme title from the next line when the marker stands alone', () => {
    const section = parseOne(readFixture('party-group.txt')).sections[2]
    expect([section.sourceNumber, section.title]).toEqual(['三', '深化群众性精神文明创建'])
  })

  it('reads a theme title that shares its line with the first work point', () => {
    const section = parseOne(readFixture('party-group.txt')).sections[0]
    expect([section.title, section.items[0].sourceNumber]).toEqual(['强化理论武装', '一'])
  })

  it('keeps the text between a theme title and its first point as the intro', () => {
    const section = parseOne(readFixture('party-group.txt')).sections[1]
    expect(section.intro).toBe('坚持以社会主义核心价值观为引领，着力提高干部职工道德素质。')
  })

  it('keeps the text of a theme without work points as its intro', () => {
    const section = parseOne(readFixture('party-committee.txt')).sections[2]
    expect(section).toEqual({
      number: 3,
      sourceNumber: '三',
      title: '组织保障',
      items: [],
      intro: '各支部要高度重视，明确责任分工，确保各项任务落到实处。',
    })
  })

  it('does not take 三、四月份 at the start of a sentence for a theme', () => {
    const [plan] = parsePlanText(readFixture('office-notice.txt')).plans
    expect(plan.sections[0].items[0].body).toBe(
      '全年组织集中学习12次，人均撰写学习笔记不少于1.5万字。三、四月份集中开展专题研讨。',
    )
  })

  it('keeps theme titles that start with a numeral, such as 三年行动', () => {
    const text = 'XX局工作要点\n一、一个中心\n1.学习理论。每月一次。\n二、三年行动\n2.开展创建。三、四月份集中开展。'
    expect(parseOne(text).sections.map((s) => [s.title, s.items[0].body])).toEqual([
      ['一个中心', '每月一次。'],
      ['三年行动', '三、四月份集中开展。'],
    ])
  })

  it('numbers themes past ten', () => {
    const themes = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一']
    const text = 'XX局工作要点\n' + themes.map((n, i) => `${n}、主题${i + 1}\n1.要点。内容。`).join('\n')
    expect(parseOne(text).sections.map((s) => [s.number, s.sourceNumber])).toEqual(themes.map((n, i) => [i + 1, n]))
  })
})

describe('work point markers and numbering', () => {
  it('reads 1、 points that restart in each theme', () => {
    expect(outline(parsePlanText(readFixture('party-committee.txt')))).toEqual([
      [
        '1 一 加强思想政治建设',
        '  1 1 深入学习贯彻党的二十大精神',
        '  2 2 加强理想信念教育',
        '2 二 深化文明单位创建',
        '  1 1 完善创建机制',
        '  2 2 开展志愿服务',
        '3 三 组织保障',
      ],
    ])
  })

  it('reads 1． points that continue across themes and numbers them across the plan', () => {
    const [plan] = parsePlanText(readFixture('office-notice.txt')).plans
    expect(plan.sections.map((s) => s.items.map((i) => [i.number, i.sourceNumber]))).toEqual([
      [
        [1, '1'],
        [2, '2'],
        [3, '2'],
      ],
      [
        [4, '4'],
        [5, '5'],
      ],
    ])
  })

  it('continues numbering across themes when the printed numbers continue', () => {
    const plan = parseOne(readFixture('no-title.txt'))
    expect(plan.sections.map((s) => s.items.map((i) => i.number))).toEqual([
      [1, 2],
      [3, 4],
    ])
  })

  it('reads 1, points with an ASCII comma', () => {
    const plan = parseOne('XX局工作要点\n一、加强学习\n1,学习理论。每月一次。\n2,开展研讨。每季一次。')
    expect(plan.sections[0].items.map((i) => i.heading)).toEqual(['学习理论', '开展研讨'])
  })

  it('reads full-width （一） points and mixed (二） brackets', () => {
    const plan = parseOne('XX局工作要点\n一、加强学习\n（一）学习理论。每月一次。\n(二）开展研讨。每季一次。')
    expect(plan.sections[0].items.map((i) => [i.sourceNumber, i.heading])).toEqual([
      ['一', '学习理论'],
      ['二', '开展研讨'],
    ])
  })

  it('numbers slipped points (一)(三)(四) by position', () => {
    const section = parseOne(readFixture('party-group.txt')).sections[2]
    expect(section.items.map((i) => [i.number, i.sourceNumber])).toEqual([
      [1, '一'],
      [2, '三'],
      [3, '四'],
    ])
  })

  it('keeps arabic sub-items inside a （一） point as body text', () => {
    const item = parseOne(readFixture('paragraphs.txt')).sections[0].items[1]
    expect([item.heading, item.body]).toEqual([
      '推进学习型机关建设',
      '主要措施如下：\n1.每月开展一次集中学习；\n2.每季度开展一次专题研讨。',
    ])
  })

  it('does not take 1.5 or 12次 inside a sentence for a point', () => {
    const [plan] = parsePlanText(readFixture('office-notice.txt')).plans
    expect(plan.sections[0].items).toHaveLength(3)
  })
})

describe('headings and bodies', () => {
  it('joins a heading broken across lines', () => {
    const item = parseOne(readFixture('party-group.txt')).sections[0].items[0]
    expect(item.heading).toBe('深入学习贯彻习近平新时代中国特色社会主义思想和党的十九届六中全会精神')
  })

  it('ends a heading without 。 at its line end and starts the body on the next line', () => {
    const item = parseOne(readFixture('party-committee.txt')).sections[0].items[1]
    expect([item.heading, item.body]).toEqual([
      '加强理想信念教育',
      '组织党员干部赴红色教育基地开展现场教学，2024年全年不少于2次。',
    ])
  })

  it('joins wrapped lines of a PDF-like text without separators', () => {
    const item = parseOne(readFixture('pdf-wrapped.txt')).sections[1].items[1]
    expect(item.body).toBe('加强控烟宣传，营造健康文明的就医环境。')
  })

  it('does not split a paragraph at a full line that happens to end with 。', () => {
    const item = parseOne(readFixture('pdf-wrapped.txt')).sections[0].items[1]
    expect(item.body).toBe('开展医德医风教育。评选“最美医生”“最美护士”，树立行业新风。')
  })

  it('keeps a paragraph break where a short line ends a sentence', () => {
    const item = parseOne(readFixture('pdf-wrapped.txt')).sections[0].items[0]
    expect(item.body).toBe(
      '坚持“第一议题”制度，及时跟进学习习近平总书记重要讲话精神，推动学习走深走实。\n组织开展专题读书班，全年不少于两期，确保学习全覆盖、无死角。',
    )
  })

  it('keeps one paragraph per line in a text written one paragraph per line', () => {
    const item = parseOne(readFixture('party-committee.txt')).sections[0].items[0]
    expect(item.body).toBe(
      '把学习宣传贯彻党的二十大精神作为首要政治任务，持续推进理论武装。\n坚持“第一议题”制度，每月至少开展1次集中学习。',
    )
  })

  it('keeps paragraphs of an indented text', () => {
    const item = parseOne(readFixture('paragraphs.txt')).sections[0].items[0]
    expect(item.body).toBe('坚持把学习宣传贯彻党的二十大精神作为首要政治任务。\n组织开展专题读书班，确保学习全覆盖。')
  })

  it('keeps a preamble that runs over several lines as one paragraph', () => {
    expect(parseOne(readFixture('pdf-wrapped.txt')).preamble).toBe(
      '2023年，区卫生健康局精神文明建设工作以习近平新时代中国特色社会主义思想为指导，深入贯彻落实党的二十大精神，扎实推进文明单位创建。',
    )
  })

  it('keeps the salutation of a notice as its own preamble paragraph', () => {
    const [plan] = parsePlanText(readFixture('office-notice.txt')).plans
    expect(plan.preamble).toBe('各科室、局属各单位：\n现将《2024年度精神文明建设工作计划》印发给你们，请认真贯彻落实。')
  })

  it('keeps a heading that ends with ！', () => {
    const plan = parseOne('XX局工作要点\n一、加强学习\n1.学习理论！每月一次。')
    expect(plan.sections[0].items[0]).toMatchObject({ heading: '学习理论！', body: '每月一次。' })
  })
})

describe('texts without usable line breaks', () => {
  it('joins a long title wrapped onto a short second line', () => {
    const text = 'XX市城市管理综合行政执法局2024年度精神文明建设工作\n要点\n一、加强学习\n1.学习理论。每月一次。'
    expect(parseOne(text).title).toBe('XX市城市管理综合行政执法局2024年度精神文明建设工作要点')
  })

  it('splits a theme title from its intro when the text has no line breaks', () => {
    const text = readFixture('party-group.txt')
    expect(parsePlanText(text.replace(/\n/g, ''))).toEqual(parsePlanText(text))
  })

  it('reads a title glued to its preamble', () => {
    const plan = parseOne(
      'XX局2024年精神文明建设工作要点2024年，我局将持续深化文明创建。一、加强学习1.学习理论。每月一次。',
    )
    expect([plan.title, plan.preamble]).toEqual(['XX局2024年精神文明建设工作要点', '2024年，我局将持续深化文明创建。'])
  })

  it('does not take a sentence that cites a plan for a title', () => {
    const plan = parseOne('为落实市委2024年精神文明建设工作要点，制定本计划。一、加强学习1.学习理论。每月一次。')
    expect([plan.title, plan.preamble]).toEqual(['', '为落实市委2024年精神文明建设工作要点，制定本计划。'])
  })
})
