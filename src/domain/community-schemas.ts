import { z } from 'zod'
import { id } from './schemas'
import { safeText } from './activity-schemas'
import { TEXT_LIMITS } from './community'
import { GOOD_PERSON_CATEGORIES } from './goodpeople'

/** A required text within its limits (TEXT_LIMITS, which the forms count along with). */
const text = (label: string, { min, max }: { min: number; max: number }) =>
  safeText(label, max).pipe(z.string().min(min, min > 1 ? `${label}至少 ${min} 个字` : `请填写${label}`))
const isoTime = (label: string) =>
  z
    .string({ error: `请填写${label}` })
    .max(40)
    .refine(
      (s) => /^\d{4}-\d{2}-\d{2}T/.test(s) && !Number.isNaN(Date.parse(s)),
      `${label}应为带时区的时间（ISO 8601）`,
    )
    .transform((s) => new Date(s).toISOString())

export const roundIdInput = z.strictObject({ id: id('评选轮次编号') })
export const candidateIdInput = z.strictObject({ candidateId: id('候选人编号') })

export const nominateInput = z
  .strictObject({
    roundId: id('评选轮次编号'),
    nomineeEmployeeNo: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9]{2,20}$/, '工号格式不正确')
      .transform((s) => s.toUpperCase())
      .optional(),
    nomineeName: text('被推荐人姓名', TEXT_LIMITS.nomineeName).optional(),
    nomineeUnit: text('被推荐人单位', TEXT_LIMITS.nomineeUnit).optional(),
    category: z.enum(GOOD_PERSON_CATEGORIES, {
      error: '请选择推荐类别：助人为乐、见义勇为、诚实守信、敬业奉献、孝老爱亲',
    }),
    deed: text('事迹', TEXT_LIMITS.deed),
  })
  .refine((v) => v.nomineeEmployeeNo || (v.nomineeName && v.nomineeUnit), {
    message: '请从花名册选择同事，或填写局外被推荐人的姓名和单位',
  })

export const commentInput = z.strictObject({
  candidateId: id('候选人编号'),
  text: text('评议内容', TEXT_LIMITS.comment),
})

export const reviewInput = z.strictObject({
  id: id('编号'),
  decision: z.enum(['approved', 'rejected'], { error: '请选择通过或不通过' }),
  reason: safeText('审核意见', TEXT_LIMITS.reviewReason.max).default(''),
})

export const roundCreateInput = z.strictObject({
  title: text('评选名称', TEXT_LIMITS.roundTitle),
  planItemId: id('工作要点编号').nullable().default(null),
  nominateOpensAt: isoTime('推荐开始时间'),
  nominateClosesAt: isoTime('推荐截止时间'),
  voteOpensAt: isoTime('投票开始时间'),
  voteClosesAt: isoTime('投票截止时间'),
  votesPerDay: z.number().int().min(1).max(50).default(3),
  votesPerCandidatePerDay: z.number().int().min(1).max(10).default(1),
  showTallies: z.boolean().default(false),
})

export const bookRecommendInput = z.strictObject({
  title: text('书名', TEXT_LIMITS.bookTitle),
  author: safeText('作者', TEXT_LIMITS.bookAuthor.max).optional(),
  reason: safeText('推荐理由', TEXT_LIMITS.bookReason.max).default(''),
})

export const bookIdInput = z.strictObject({
  bookId: id('图书编号'),
  reason: safeText('推荐理由', TEXT_LIMITS.bookReason.max).default(''),
})

export const noteSubmitInput = z.strictObject({
  bookTitle: text('书名', TEXT_LIMITS.bookTitle),
  title: text('心得标题', TEXT_LIMITS.noteTitle),
  body: text('心得正文', TEXT_LIMITS.noteBody),
})

export const noteListInput = z.strictObject({ mine: z.boolean().default(false) })
export const noteLikeInput = z.strictObject({ id: id('心得编号'), liked: z.boolean() })
export const noteReviewListInput = z.strictObject({
  status: z.enum(['pending', 'approved', 'rejected']).default('pending'),
})

export const yearInput = z.strictObject({ year: z.number().int().min(2000).max(2100) })
export const volunteerCandidatesInput = z.strictObject({
  year: z.number().int().min(2000).max(2100),
  minHours: z.number().min(0).max(1000).default(8),
})

export const planItemInput = z.strictObject({ itemId: id('工作要点编号') })
