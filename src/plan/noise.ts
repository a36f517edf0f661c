// Noise that document sites and PDF converters add to plan texts. Everything
// here is deliberately narrow: a sentence that merely mentions 微信 is content.

import { countChars } from './chars'
import { startsWithMarker } from './markers'
import { isTitleLine } from './titles'

const CONTACT_RE = /微信|weixin|公众号|QQ|qq|Q群|加微|V信|vx|VX|wx|WX|联系方式|客服|微博|抖音|小红书/
const PROMO_HINT_RE = /更多|关注|添加|获取|下载|搜索|素材|资料|范文|文档|会员|免费|加入|咨询|购买|[A-Za-z0-9_-]{5,}/
const AD_BRACKET_RE = /[【\[]((?:[^【】\[\]\n]|\n){1,80})[】\]]/g
const AD_PAREN_RE = /[（(]([^（）()\n]{1,60})[）)]/g
const PAID_MARKER_RE =
  /#[ \t]*#[ \t]*(?:p[ \t]*a[ \t]*i[ \t]*d[ \t]*(?:b[ \t]*e[ \t]*g[ \t]*i[ \t]*n|e[ \t]*n[ \t]*d)|[A-Za-z_]{3,20})[ \t]*#[ \t]*#/gi
const PROMO_RE =
  /(?:欢迎)?(?:本?文库|本站|本店|网站)?(?:会员|VIP|vip)(?:价格|专享|特价|优惠|免费|折扣)|限时(?:优惠|特价|折扣|免费)|每天更新|有意加入|(?:开通|加入|充值)(?:会员|VIP)|下载券|付费下载|(?:获取|下载|查看)(?:完整版|全文)|完整版请|更多(?:精品|优质|同类)?(?:公文|范文|文档|资料|素材)(?:请|可|欢迎|尽在)|(?:扫码|扫描二维码)(?:下载|阅读|关注|获取)|本(?:文档|文|资料)(?:来自|来源于|由|系)[^。！？\n]{0,20}(?:文档|文库|网|上传|整理)|本站(?:为你|为您)?精心(?:整理|收集|编辑)/
const PROMO_LEAD_RE = /本文档|本文由|本资料|原创力|百度文库|文库|本站|会员|VIP|vip|如需|需要完整|更多|前言/
const PROMO_TAIL_RE =
  /^[，,]?(?:请|可|欢迎)?(?:联系|咨询|加入|购买|私信|添加)|^[^。！？\n]{0,8}(?:微信|QQ|qq|电话|客服)[:：]/
// A source watermark glued into the text: `摘自wenmi.net`.
const SOURCE_MARK_RE =
  /(?:摘自|转自|来源于|来自)[:：]?[ \t]*(?:www\.)?[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.(?:net|com|cn|org|cc)(?![A-Za-z0-9])/g
const ARTICLE_NUMBER_RE =
  /(要点|计划|方案|安排|意见|规划)[ \t]*(第[ \t]*[0-9一二三四五六七八九十]{1,3}[ \t]*篇)[ \t]*$/gm
const INLINE_PAGE_RE = /第[ \t]*[0-9０-９]+[ \t]*页[ \t]*[,，/／]?[ \t]*共[ \t]*[0-9０-９]+[ \t]*页/g
// A promotion sentence longer than this after its keyword is real text run together with it.
const PROMO_TAIL_MAX = 50

const CHROME_TOKENS = new Set([
  '下载文档',
  '文档下载',
  '立即下载',
  '免费下载',
  '下载本文',
  '下载',
  '收藏',
  '收藏本文',
  '加入收藏',
  '举报',
  '分享',
  '点赞',
  '打印',
  '复制',
  '纠错',
  '阅读全文',
  '展开全文',
  '全文阅读',
  '查看全文',
  '继续阅读',
  '相关推荐',
  '相关文档',
  '相关阅读',
  '猜你喜欢',
  '热门推荐',
  '返回顶部',
  '原创力文档',
  '百度文库',
  '豆丁网',
  '道客巴巴',
  '文档投诉',
  '在线预览',
  '全屏',
  'VIP专享',
  '会员专享',
  '手机阅读',
  '手机版',
  '电脑版',
])

const CHROME_LINE_RES: RegExp[] = [
  // Breadcrumbs: 首页 > 范文大全 > 工作计划
  /^(?:首页|主页|当前位置[:：]?|您的位置[:：]?|所在位置[:：]?)\s*[>＞›»→/／]/,
  /^(?:当前位置|您的位置|所在位置)[:：]/,
  /^首页(?:\s+[^\s，。；！？]{1,12}){1,6}$/,
  /^(?:上一篇|下一篇)[:：]/,
  // Page numbers: 第 1 页 共 5 页, - 2 -, 页码：3/10, 2/10, Page 2 of 5, a bare number.
  /^第\s*[0-9０-９]+\s*页(?:\s*[,，/／]?\s*共\s*[0-9０-９]+\s*页)?$/,
  /^共\s*[0-9０-９]+\s*页(?:\s*[,，/／]?\s*第\s*[0-9０-９]+\s*页)?$/,
  /^[-—–－_~]{1,3}\s*[0-9０-９]{1,3}\s*[-—–－_~]{1,3}$/,
  /^页码\s*[:：]\s*[0-9]+(?:\s*[/／]\s*[0-9]+)?$/,
  /^[0-9]{1,3}\s*[/／]\s*[0-9]{1,3}$/,
  /^page\s*[0-9]+(?:\s*(?:of|\/)\s*[0-9]+)?$/i,
  /^[0-9０-９]{1,3}$/,
  // File metadata.
  /^(?:文件名|文件名称|文档名称|文档名|上传时间|上传日期|上传者|上传人|上传用户|发布者|发布时间|发布日期|更新时间|下载次数|下载量|浏览次数|浏览量|阅读次数|阅读量|文件大小|文档大小|文件格式|文档格式|文档页数|页数|字数|贡献者|分类|标签|关键词|来源网站|责任编辑)\s*[:：]/,
  // Site dates are written `2023-03-14`; a plan's own `时间：2024年3月` line is content.
  /^(?:时间|日期|发表时间|发布时间|更新时间)\s*[:：]\s*[0-9]{4}\s*[-/.]/,
  /^本(?:文|文档|资料|篇)(?:由|来自|系).{0,40}(?:上传|提供|分享|发布|整理)/,
  /^(?:问题描述|最佳答案|推荐答案|精选范文|优秀范文|范文大全)[:：]?$/,
  // Titles of collection pages: `精神文明建设工作要点赏析八篇`, `…范文5篇`.
  /(?:赏析|范文|精选|汇总|合集|大全|通用|模板)[0-9一二三四五六七八九十]{0,3}篇$/,
  /^附件\s*[0-9０-９一二三四五六七八九十]*\s*[:：]?$/,
]

const DISCLAIMER_RE = /^(?:版权声明|免责声明|版权所有|如有侵权|若有侵权)|^.{0,40}(?:版权所有|©|Copyright)/

// Short lines that merely name a document site or ask to scan/download.
const CHROME_SHORT_LINE_RE =
  /原创力文档|百度文库|豆丁|道客巴巴|文档投诉|免费下载|立即下载|扫码|扫一扫|二维码|阅读全文|展开全文|相关推荐|查看更多|点击查看|点击下载/
// An advertisement standing alone on its line, without brackets.
const AD_LINE_START_RE = /^(?:更多|关注|添加|加微|加V|微信|公众号|QQ|qq|扫码|获取|免费|需要|如需|欢迎)/
const SOURCE_LINE_RE = /^(?:来源|作者|编辑)\s*[:：]/

// A whole line of site chrome, page furniture or file metadata.
function isChromeLine(line: string): boolean {
  const trimmed = line.trim()
  if (!trimmed) return false
  const tokens = trimmed.split(/[\s|｜·•]+/).filter(Boolean)
  if (tokens.length > 0 && tokens.every((token) => CHROME_TOKENS.has(token))) return true
  const compact = trimmed.replace(/\s+/g, '')
  // Chrome lines are short; a long line that starts like one is real text run together.
  if (compact.length <= 80 && CHROME_LINE_RES.some((re) => re.test(trimmed))) return true
  if (compact.length <= 200 && DISCLAIMER_RE.test(compact)) return true
  if (compact.length <= 30 && CHROME_SHORT_LINE_RE.test(compact)) return true
  if (compact.length <= 40 && SOURCE_LINE_RE.test(compact)) return true
  if (
    compact.length <= 50 &&
    AD_LINE_START_RE.test(compact) &&
    isAdText(compact) &&
    !/[【】\[\]]/.test(compact) &&
    !/[。！？]/.test(compact.slice(0, -1))
  ) {
    return true
  }
  return false
}

/** Tells whether a short text is a contact advertisement (`更多公文素材，微信：dadawk01`). */
function isAdText(text: string): boolean {
  const compact = text.replace(/\s+/g, '')
  return CONTACT_RE.test(compact) && /[:：]/.test(compact) && PROMO_HINT_RE.test(compact)
}

/** Removes chrome lines, recording each one in `removed`. */
export function removeNoiseLines(lines: string[], removed: string[]): string[] {
  return lines.filter((line) => {
    if (!isChromeLine(line)) return true
    removed.push(line.trim())
    return false
  })
}

// Replaces a match by the line breaks it spanned, so that line numbering survives.
function keepBreaks(match: string): string {
  return match.replace(/[^\n]/g, '')
}

function recordMatch(removed: string[], match: string): void {
  const text = match.replace(/\n/g, '').trim()
  if (text) removed.push(text)
}

/** Removes advertising brackets, paywall markers, page markers and promotion sentences inside lines. */
export function removeInlineNoise(text: string, removed: string[]): string {
  let out = text.replace(PAID_MARKER_RE, (match: string) => {
    recordMatch(removed, match)
    return keepBreaks(match)
  })
  out = out.replace(AD_BRACKET_RE, (match: string, content: string) => {
    const compact = content.replace(/\s+/g, '')
    const breaks = content.split('\n').length - 1
    const isAd = CONTACT_RE.test(compact) && (/[:：]/.test(compact) || PROMO_HINT_RE.test(compact))
    if (!isAd || compact.length > 60 || breaks > 3) return match
    recordMatch(removed, match)
    return keepBreaks(match)
  })
  out = out.replace(AD_PAREN_RE, (match: string, content: string) => {
    // Parentheses often hold real contact details, so they must also advertise material.
    const compact = content.replace(/\s+/g, '')
    if (!(CONTACT_RE.test(compact) && /更多|素材|范文|资料/.test(compact) && /[:：]/.test(compact))) return match
    recordMatch(removed, match)
    return ''
  })
  out = out.replace(SOURCE_MARK_RE, (match: string) => {
    recordMatch(removed, match)
    return ''
  })
  // `…工作要点第2篇`: the number of a document on a collection page.
  out = out.replace(ARTICLE_NUMBER_RE, (_match: string, keyword: string, number: string) => {
    recordMatch(removed, number)
    return keyword
  })
  out = out.replace(INLINE_PAGE_RE, (match: string) => {
    recordMatch(removed, match)
    return ''
  })
  return removePromotions(out, removed)
}

// A promotion runs from its first keyword to the end of its sentence, so the
// real sentence it is glued to survives. It is matched on the text without line
// breaks because a wrap may split it (`文库会员价` + `格限时优惠中…`).
function removePromotions(text: string, removed: string[]): string {
  let result = text
  // Each round cuts at least the keyword, so the loop ends.
  for (;;) {
    const positions: number[] = []
    const lineStarts = new Set<number>()
    let flat = ''
    for (let i = 0; i < result.length; i++) {
      if (result[i] === '\n') {
        lineStarts.add(flat.length)
        continue
      }
      positions.push(i)
      flat += result[i]
    }
    const match = PROMO_RE.exec(flat)
    if (!match) break
    const sentenceStart = findSentenceStart(flat, match.index, lineStarts)
    // A short lead-in (`欢迎…`, `如需…`) belongs to the promotion too.
    const lead = flat.slice(sentenceStart, match.index)
    const whole = lead.length <= 2 || (lead.length <= 30 && PROMO_LEAD_RE.test(lead))
    const start = positions[whole ? sentenceStart : match.index]
    const matchEnd = positions[match.index + match[0].length - 1] + 1
    let end = findPromotionEnd(result, matchEnd)
    if (end - matchEnd > PROMO_TAIL_MAX) end = matchEnd
    recordMatch(removed, result.slice(start, end))
    result = result.slice(0, start) + keepBreaks(result.slice(start, end)) + result.slice(end)
  }
  return result
}

// The lead-in of a promotion never reaches back into the previous line.
function findSentenceStart(text: string, from: number, lineStarts: Set<number>): number {
  for (let i = from - 1; i >= 0; i--) {
    if ('。！？!?】'.includes(text[i])) return i + 1
    if (lineStarts.has(i)) return i
  }
  return 0
}

// The end of the promotion's sentence. It runs on into the next line when its own line was
// wrapped mid-sentence or the next line still promotes, but never into a marker or a title.
function findPromotionEnd(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    const ch = text[i]
    if ('。！？!?'.includes(ch)) return i + 1
    if (ch === '【' || ch === '#') return i
    if (ch === '\n') {
      const line = text.slice(text.lastIndexOf('\n', i - 1) + 1, i)
      const next = text
        .slice(i + 1)
        .split('\n')[0]
        .trim()
      if (!next || /^[#【]/.test(next) || startsWithMarker(next) || isTitleLine(next)) return i
      const clause = next.split(/[。！？!?]/)[0]
      const fragment = clause.length <= 4
      // A long line that stops mid-sentence was wrapped: the promotion goes on below.
      const wrapped = countChars(line.trim()) >= 15
      if (!fragment && !wrapped && !PROMO_RE.test(clause) && !PROMO_TAIL_RE.test(clause)) return i
    }
  }
  return text.length
}
