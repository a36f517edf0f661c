import { toLocalDate } from '../../domain/time'
import { normalizeBookKey } from '../../domain/reading'
import type { Store } from '../store/types'

const DAY = 24 * 3600 * 1000

const CANDIDATES = [
  {
    no: 'E0031',
    category: '敬业奉献',
    deed: '连续三年春节在应急指挥中心值守，去年汛期带队转移群众四百余人，自己却累倒在岗位上。同事们都说，哪里最危险，哪里就有他。',
  },
  {
    no: 'E0058',
    category: '助人为乐',
    deed: '十年如一日资助两名山区学生完成学业，每月从工资中拿出五百元，从不对人提起，直到学生来信感谢大家才知道。',
  },
  {
    no: 'E0077',
    category: '孝老爱亲',
    deed: '照顾瘫痪在床的婆婆八年，每天早起做饭、擦洗、按摩，婆婆身上从没长过褥疮，邻里都称赞她是好儿媳。',
  },
  {
    no: 'E0104',
    category: '诚实守信',
    deed: '在安全生产检查中坚持原则，拒绝企业的“好处费”，如实上报隐患，推动企业整改到位，避免了一起可能的事故。',
  },
]

const BOOKS = [
  {
    title: '平凡的世界',
    author: '路遥',
    by: ['E0021', 'E0035', 'E0049', 'E0063', 'E0091'],
    reason: '孙少平在苦难中不屈的奋斗，让人读了有力量。',
  },
  {
    title: '红星照耀中国',
    author: '埃德加·斯诺',
    by: ['E0028', 'E0042', 'E0056'],
    reason: '从一个外国记者的视角看红色中国，真实可信。',
  },
  {
    title: '习近平的七年知青岁月',
    author: '中央党校采访实录编辑室',
    by: ['E0033', 'E0047', 'E0061', 'E0075'],
    reason: '看到一位领导人扎根基层、与群众打成一片的成长经历。',
  },
  { title: '苏东坡传', author: '林语堂', by: ['E0024', 'E0038'], reason: '豁达乐观的人生态度，值得在忙碌中细细品味。' },
  { title: '人类简史', author: '尤瓦尔·赫拉利', by: ['E0052'], reason: '开阔视野，帮助理解人类社会的演进。' },
]

const NOTES = [
  {
    no: 'E0035',
    book: '平凡的世界',
    title: '在平凡中坚守',
    body: '读完《平凡的世界》，最打动我的是孙少平身上那股不向命运低头的劲头。他在煤矿井下吃苦受累，却始终没有放下书本，没有放下对更好生活的向往。联系到我们应急管理工作，很多时候也是平凡而琐碎的：值班、巡查、填表、演练。但正是这些平凡的坚守，守住了千家万户的平安。',
  },
  {
    no: 'E0042',
    book: '红星照耀中国',
    title: '信仰的力量',
    body: '斯诺笔下的延安，物质条件极其艰苦，但人们精神饱满、信念坚定。书中那些年轻的红军战士，很多还不到二十岁，却能为了理想翻山越岭、出生入死。重读这本书，让我更加理解了“不忘初心”四个字的分量，也提醒自己在工作中保持那份朴素的热情。',
  },
]

/** Demo 身边好人 round in its voting week, books recommended, reading notes published. */
export async function seedDemoCommunity(tx: Store, now: Date): Promise<void> {
  const at = now.toISOString()
  const planId = await tx.getCurrentPlanId()
  const plan = planId === null ? null : await tx.getPlan(planId)
  const goodPeopleItem = plan?.sections.flatMap((s) => s.items).find((i) => i.body.includes('身边好人'))
  const roundId = await tx.insertRound(
    {
      title: `${toLocalDate(at).slice(0, 4)}年“身边好人”推荐评选`,
      planItemId: goodPeopleItem?.id ?? null,
      nominateOpensAt: new Date(now.getTime() - 20 * DAY).toISOString(),
      nominateClosesAt: new Date(now.getTime() - 6 * DAY).toISOString(),
      voteOpensAt: new Date(now.getTime() - 3 * DAY).toISOString(),
      voteClosesAt: new Date(now.getTime() + 11 * DAY).toISOString(),
      votesPerDay: 3,
      votesPerCandidatePerDay: 1,
      showTallies: false,
    },
    at,
  )
  const admin = await tx.getEmployeeByNo('E0001')
  for (const [i, c] of CANDIDATES.entries()) {
    const nominee = await tx.getEmployeeByNo(c.no)
    const nominator = await tx.getEmployeeByNo(`E00${12 + i}`)
    if (!nominee || !nominator || !admin) continue
    const id = await tx.insertCandidate({
      roundId,
      nomineeEmployeeId: nominee.id,
      nomineeName: nominee.name,
      nomineeUnit: nominee.department,
      category: c.category as never,
      deed: c.deed,
      nominatorId: nominator.id,
      at: new Date(now.getTime() - (18 - i) * DAY).toISOString(),
    })
    await tx.reviewCandidate(id, 'approved', null, admin.id)
    for (let k = 0; k < 3 + i; k++) {
      const second = await tx.getEmployeeByNo(`E0${String(120 + k * 5 + i).padStart(3, '0')}`)
      if (second) await tx.addSecond(id, second.id, new Date(now.getTime() - 10 * DAY).toISOString())
    }
  }
  for (const book of BOOKS) {
    const id = await tx.insertBook(book.title, book.author, normalizeBookKey(book.title, book.author), at)
    for (const [k, no] of book.by.entries()) {
      const who = await tx.getEmployeeByNo(no)
      if (who) await tx.addBookRecommendation(id, who.id, k === 0 ? book.reason : '', at)
    }
  }
  for (const note of NOTES) {
    const author = await tx.getEmployeeByNo(note.no)
    if (!author) continue
    const id = await tx.insertNote(author.id, note.book, note.title, note.body, at)
    await tx.reviewNote(id, 'approved', null, at)
  }
}
