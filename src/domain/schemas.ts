import { z } from 'zod'

/** Input schemas of the cloud actions: the single source of their payload types. */
export const employeeNoSchema = z
  .string({ error: '请输入工号' })
  .trim()
  .regex(/^[A-Za-z0-9]{2,20}$/, '工号应为 2–20 位字母或数字，例如 E0001')
  .transform((s) => s.toUpperCase())

export const devLoginInput = z.strictObject({ employeeNo: employeeNoSchema })
export type DevLoginInput = z.infer<typeof devLoginInput>

export const bindInput = z.strictObject({
  employeeNo: employeeNoSchema,
  name: z.string({ error: '请输入姓名' }).trim().min(1, '请输入姓名').max(32, '姓名过长'),
})
export type BindInput = z.infer<typeof bindInput>

export const emptyInput = z.strictObject({})

/** The largest id any table holds: PostgreSQL's INTEGER (2³¹ − 1); larger is refused as input, not by the database. */
export const MAX_ID = 2 ** 31 - 1

/** A row id in a payload, with `label` naming it in the message. */
export const id = (label: string) =>
  z
    .number({ error: (issue) => (issue.input === undefined ? `缺少${label}` : `${label}应为数字`) })
    .int(`${label}应为整数`)
    .positive(`${label}应为正整数`)
    .max(MAX_ID, `${label}不存在`)

export const idInput = z.strictObject({ id: id('编号') })
export type IdInput = z.infer<typeof idInput>
