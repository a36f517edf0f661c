import { z } from 'zod'
import { id } from './schemas'
import { ACTIVITY_STATUSES, CATEGORY_KEYS } from './activity'

/** User text: trimmed, bounded, free of control characters and markup that could become script. */
export function safeText(label: string, max: number) {
  return z
    .string({ error: `${label}应为文字` })
    .trim()
    .max(max, `${label}不能超过 ${max} 个字`)
    .refine((s) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(s), `${label}包含不可见的控制字符`)
    .refine((s) => !/<\s*\/?\s*(script|iframe|object|embed|style|img|svg|a)\b|javascript:|on\w+\s*=/i.test(s), {
      message: `${label}不能包含网页代码`,
    })
}

const requiredText = (label: string, max: number) => safeText(label, max).pipe(z.string().min(1, `请填写${label}`))

const isoTime = (label: string) =>
  z
    .string({ error: `请填写${label}` })
    .max(40)
    .refine(
      (s) =>
        /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:?\d{2})$/.test(s) &&
        !Number.isNaN(Date.parse(s)),
      {
        message: `${label}应为带时区的时间（ISO 8601）`,
      },
    )
    .transform((s) => new Date(s).toISOString())

const key = z
  .string()
  .trim()
  .min(1)
  .max(32, '代号不能超过 32 个字符')
  .regex(/^[\p{L}\p{N}_-]+$/u, '代号只能包含文字、数字、下划线和连字符')

export const activityOptionInput = z.strictObject({
  key,
  label: requiredText('项目名称', 30),
  capacity: z.number().int().positive().max(100000).nullable().default(null),
})

export const formFieldInput = z
  .strictObject({
    key,
    label: requiredText('字段名称', 30),
    type: z.enum(['text', 'number', 'single', 'multiple']),
    required: z.boolean().default(false),
    choices: z.array(requiredText('选项', 30)).max(20).optional(),
  })
  .refine((f) => (f.type === 'single' || f.type === 'multiple' ? (f.choices?.length ?? 0) >= 2 : true), {
    message: '单选和多选字段至少需要两个选项',
  })

const activityFields = {
  category: z.enum(CATEGORY_KEYS as [string, ...string[]], { error: '活动类别不正确' }),
  title: requiredText('活动名称', 60),
  description: safeText('活动介绍', 5000).optional(),
  planItemIds: z.array(id('工作要点编号')).max(20).optional(),
  organizerDepartment: requiredText('主办部门', 40).optional(),
  location: safeText('地点', 100).optional(),
  startsAt: isoTime('开始时间'),
  endsAt: isoTime('结束时间'),
  registrationOpensAt: isoTime('报名开始时间').optional(),
  registrationClosesAt: isoTime('报名截止时间').optional(),
  cancelCutoffAt: isoTime('取消截止时间').optional(),
  checkinOpensAt: isoTime('签到开始时间').optional(),
  checkinClosesAt: isoTime('签到结束时间').optional(),
  capacity: z.number().int('名额应为整数').positive('名额应大于 0').max(100000).nullable().optional(),
  waitlist: z.boolean().optional(),
  eligibleDepartments: z.array(requiredText('部门', 40)).max(50).optional(),
  options: z.array(activityOptionInput).max(30).optional(),
  maxOptions: z.number().int().positive().max(30).optional(),
  formFields: z.array(formFieldInput).max(20).optional(),
  volunteerHours: z.number().min(0).max(24).optional(),
}

export const activityCreateInput = z.strictObject(activityFields)
export type ActivityCreateInput = z.infer<typeof activityCreateInput>

const { category, title, startsAt, endsAt, ...rest } = activityFields
export const activityUpdateInput = z.strictObject({
  id: id('活动编号'),
  category: category.optional(),
  title: title.optional(),
  startsAt: startsAt.optional(),
  endsAt: endsAt.optional(),
  ...rest,
})
export type ActivityUpdateInput = z.infer<typeof activityUpdateInput>

export const activityCancelInput = z.strictObject({
  id: id('活动编号'),
  reason: requiredText('取消原因', 200),
})

export const activityListInput = z.strictObject({
  category: z.enum(CATEGORY_KEYS as [string, ...string[]], { error: '活动类别不正确' }).optional(),
  status: z.enum(Object.keys(ACTIVITY_STATUSES) as [string, ...string[]], { error: '活动状态不正确' }).optional(),
  planItemId: id('工作要点编号').optional(),
  page: z.number().int().positive().max(10000).default(1),
  pageSize: z.number().int().positive().max(50).default(10),
})

const formValue = z.union([safeText('填写内容', 500), z.number().finite(), z.array(safeText('选项', 30)).max(20)])

export const registrationCreateInput = z.strictObject({
  activityId: id('活动编号'),
  options: z.array(key).max(30).default([]),
  form: z
    .record(key, formValue)
    .refine((r) => Object.keys(r).length <= 20, '报名表字段过多')
    .default({}),
})
export type RegistrationCreateInput = z.infer<typeof registrationCreateInput>

export const activityIdInput = z.strictObject({ activityId: id('活动编号') })

export const checkinInput = z.strictObject({
  activityId: id('活动编号'),
  code: z
    .string({ error: '请输入签到码' })
    .trim()
    .regex(/^\d{6}$/, '签到码为 6 位数字'),
})
