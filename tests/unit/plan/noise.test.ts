import { parsePlanText } from '../../../src/plan'
import { CJK_GAP, collectTexts, NOISE_MARKS, readFixture } from './helpers'

const BASE = [
  'XX局2024年精神文明建设工作要点',
  '2024年，XX局精神文明建设工作以习近平新时代中国特色社会主义思想为指导。',
  '一、加强思想道德建设',
  '1.深化理论学习。坚持“第一议题”制度，推动学习走深走实。',
  '2.弘扬时代新风。开展“我们的节日”主题活动。',
  '二、深化文明创建',
  '3.巩固创建成果。常态化开展文明单位创建。',
]
const clean = parsePlanText(BASE.join('\n'))

/** Inserts `noise` into the base text (as a line of its own at `line`, or appended to that line) and parses it. */
function parseWithNoise(noise: string, line: number, glued = false) {
  const lines = [...BASE]
  if (glued) lines[line] += noise
  else lines.splice(line, 0, noise)
  return parsePlanText(lines.join('\n'))
}

describe('advertising brackets', () => {
  it.each([
    '【更多公文素材，微信：dadawk01】',
    '【更多公文素材，微信： d adaw k01】',
    '【更多公文素材,微信:dadawk01】',
    '[更多公文素材，微信：dadawk01]',
    '【关注公众号：gongwen365 获取更多范文】',
    '【QQ：12345678】',
    '【加微 wxid_abc123 领取资料】',
    '【联系方式：微信 abc12345】',
  ])('cuts %s glued to a sentence and records it as printed', (ad) => {
    const result = parseWithNoise(ad, 3, true)
    expect([result.plans, result.removed]).toEqual([clean.plans, [ad]])
  })

  it('cuts an advertisement broken across two lines and records it without the break', () => {
    const text = BASE.join('\n').replace('推动学习走深走实。', '推动学习走深走实。【更多公文素\n材，微信：dadawk01】')
    const result = parsePlanText(text)
    expect([result.plans, result.removed]).toEqual([clean.plans, ['【更多公文素材，微信：dadawk01】']])
  })

  it('cuts an advertisement that stands in the middle of a heading', () => {
    const text = BASE.join('\n').replace('深化理论学习。', '深化理论【更多公文素材，微信：dadawk01】学习。')
    expect(parsePlanText(text).plans).toEqual(clean.plans)
  })

  it('keeps a sentence that merely mentions 微信 and 公众号', () => {
    const text = BASE.join('\n').replace('推动学习走深走实。', '用好“学习强国”平台、微信公众号等新媒体。')
    const result = parsePlanText(text)
    expect([result.plans[0].sections[0].items[0].body, result.removed]).toEqual([
      '坚持“第一议题”制度，用好“学习强国”平台、微信公众号等新媒体。',
      [],
    ])
  })

  it('keeps brackets that hold real content', () => {
    const text = BASE.join('\n').replace('推动学习走深走实。', '推动学习走深走实【典型案例】。')
    expect(parsePlanText(text).plans[0].sections[0].items[0].body).toBe(
      '坚持“第一议题”制度，推动学习走深走实【典型案例】。',
    )
  })

  it('keeps contact details in parentheses that advertise nothing', () => {
    const text = BASE.join('\n').replace('推动学习走深走实。', '关注“XX应急”（微信号：xxyj2024）。')
    expect(parsePlanText(text).plans[0].sections[0].items[0].body).toBe(
      '坚持“第一议题”制度，关注“XX应急”（微信号：xxyj2024）。',
    )
  })
})

describe('paywall markers and promotions', () => {
  it('cuts ##paidbegin## and ##paidend## wherever they stand', () => {
    const text = BASE.join('\n').replace('1.深化', '##paidbegin##1.深化') + '\n  ##paidend##'
    const result = parsePlanText(text)
    expect([result.plans, result.removed]).toEqual([clean.plans, ['##paidbegin##', '##paidend##']])
  })

  it('cuts a promotion glued to the end of a real sentence and keeps the sentence', () => {
    const promo = '文库会员价格限时优惠中，每天更新材料，有意加入请联系'
    const result = parseWithNoise(promo, 6, true)
    expect([result.plans, result.removed]).toEqual([clean.plans, [promo]])
  })

  it('cuts a promotion sentence that names the document site', () => {
    const promo = '本文档来自原创力文档，如需完整版请联系客服。'
    const result = parseWithNoise(promo, 4, true)
    expect([result.plans, result.removed]).toEqual([clean.plans, [promo]])
  })

  it('keeps a real sentence that asks readers to get in touch', () => {
    const text = BASE.join('\n').replace('常态化开展文明单位创建。', '常态化开展文明单位创建。如有疑问请联系局办公室。')
    expect(parsePlanText(text).plans[0].sections[1].items[0].body).toBe(
      '常态化开展文明单位创建。如有疑问请联系局办公室。',
    )
  })
})

describe('site chrome and file metadata lines', () => {
  it.each([
    '首页 > 范文大全 > 工作计划',
    '当前位置：首页 > 工作计划',
    '下载文档',
    '收藏 举报 下载文档',
    '第 1 页 共 5 页',
    '- 2 -',
    '页码：3/10',
    '2/10',
    '文件名：2023年工作要点.docx',
    '上传时间：2023-02-18 09:12',
    '本文由用户 abc123 上传',
    '版权声明：本文内容由互联网用户自发贡献，如有侵权请联系删除。',
    '原创力文档',
    '百度文库',
    '免费下载',
    '扫码下载APP，阅读全文',
    '阅读全文',
    '展开全文',
    '相关推荐',
    '更多公文素材，微信：dadawk01',
  ])('cuts the line %s and records it', (line) => {
    const result = parseWithNoise(line, 4)
    expect([result.plans, result.removed]).toEqual([clean.plans, [line]])
  })

  it('cuts chrome lines above the title', () => {
    const result = parseWithNoise('首页 > 范文大全 > 工作计划', 0)
    expect(result.plans).toEqual(clean.plans)
  })

  it('rejoins a sentence split by a page number line', () => {
    const text = BASE.join('\n').replace('推动学习走深走实。', '推动学习\n- 2 -\n走深走实。')
    expect(parsePlanText(text).plans).toEqual(clean.plans)
  })

  it('cuts a page marker glued inside a line', () => {
    const text = BASE.join('\n').replace('推动学习走深走实。', '推动学习走深走实。第 1 页 共 5 页')
    const result = parsePlanText(text)
    expect([result.plans, result.removed]).toEqual([clean.plans, ['第 1 页 共 5 页']])
  })
})

describe('a copy from a document site with every kind of noise', () => {
  const result = parsePlanText(readFixture('noisy-site-copy.txt'))

  it('keeps the plan structure', () => {
    expect(result.plans.map((plan) => [plan.title, plan.sections.map((s) => s.items.map((i) => i.heading))])).toEqual([
      [
        'XX市民政局2023年精神文明建设工作要点',
        [
          ['深化理论武装', '弘扬时代新风', '推进诚信建设'],
          ['巩固创建成果', '开展志愿服务'],
        ],
      ],
    ])
  })

  it('leaves no noise in any text', () => {
    for (const text of collectTexts(result)) {
      for (const mark of NOISE_MARKS) expect({ text, noise: mark.test(text) }).toEqual({ text, noise: false })
    }
  })

  it('lists every cut string once, in order of appearance', () => {
    expect(result.removed).toEqual([
      '首页 > 范文大全 > 工作计划',
      '文件名：2023年工作要点.docx',
      '上传时间：2023-02-18 09:12',
      '本文由用户 abc123 上传',
      '【关注公众号：gongwen365 获取更多】',
      '[更多公文素材,微信:dadawk01]',
      '- 2 -',
      '【QQ：12345678】',
      '页码：2/5',
      '本文档来自原创力文档，如需完整版请联系客服。',
      '原创力文档',
      '第 3 页 共 5 页',
      '阅读全文',
      '展开全文',
      '相关推荐',
      '百度文库',
      '免费下载',
      '扫码下载APP，阅读全文',
      '版权声明：本文内容由互联网用户自发贡献，如有侵权请联系删除。',
    ])
  })

  it('removes spaces inside Chinese text but keeps them between Latin words and digits', () => {
    const bodies = result.plans[0].sections[1].items.map((item) => item.body)
    expect(bodies).toEqual([
      '常态化开展文明单位创建，使用Windows 10系统办公。',
      '组织志愿者参加“4·15”全民国家安全教育日活动，纪念雷锋同志逝世60周年。',
    ])
  })

  it('leaves no whitespace between Chinese characters or Chinese punctuation', () => {
    expect(collectTexts(result).filter((text) => CJK_GAP.test(text))).toEqual([])
  })
})

describe('a collection page holding several plans', () => {
  const result = parsePlanText(readFixture('collection-page.txt'))

  it('splits the page into its plans and drops the page furniture', () => {
    expect(result.plans.map((plan) => [plan.title, plan.sections.map((s) => s.title)])).toEqual([
      ['精神文明建设工作要点', ['总体要求', '基本目标', '加强组织领导']],
      ['精神文明建设工作要点', ['加强思想道德建设', '深化文明创建']],
    ])
  })

  it('cuts a source watermark glued to a sentence', () => {
    expect(result.plans[0].sections[0].intro).toBe(
      '以习近平新时代中国特色社会主义思想为指导，把精神文明创建活动不断引向深入。',
    )
  })

  it('records the site preface, page title, article numbers and footer as removed', () => {
    expect(result.removed).toEqual([
      '首页 优秀范文 精神文明建设工作要点',
      '精神文明建设工作要点赏析三篇',
      '时间:2023-03-14 15:10:40',
      '前言:本站为你精心整理了精神文明建设工作要点范文，希望能为你的创作提供参考价值，欢迎咨询。',
      '第1篇',
      '摘自wenmi.net',
      '第2篇',
      '相关阅读',
      '中国XX网©版权所有',
    ])
  })
})

describe('noise in texts with unusual line breaks', () => {
  it('cuts a promotion wrapped over two lines of a PDF-like text', () => {
    const text = BASE.join('\n').replace(
      '常态化开展文明单位创建。',
      '常态化开展文明单位创建。文库会员价格限时优惠中，每天\n更新材料，有意加入请联系',
    )
    const result = parsePlanText(text)
    expect([result.plans, result.removed]).toEqual([
      clean.plans,
      ['文库会员价格限时优惠中，每天更新材料，有意加入请联系'],
    ])
  })

  it('cuts only an upload note run together with the title in a text without line breaks', () => {
    const result = parsePlanText('本文由用户abc123上传' + BASE.join(''))
    expect([result.plans, result.removed]).toEqual([clean.plans, ['本文由用户abc123上传']])
  })
})
