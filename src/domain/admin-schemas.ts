import { z } from 'zod'
import { id } from './schemas'
import { CATEGORY_KEYS, REGISTRATION_STATUSES } from './activity'
import { safeText } from './activity-schemas'
import { ROLES } from './roles'

const page = z.number().int().positive().max(10000).default(1)
const pageSize = (max: number, fallback: number) => z.number().int().positive().max(max).default(fallback)

/** Roster file upload: .xlsx or .csv, base64; `commit` imports the valid rows, otherwise only a preview. */
export const rosterImportInput = z.strictObject({
  fileName: safeText('文件名', 120).pipe(z.string().regex(/\.(xlsx|csv)$/i, '请上传 .xlsx 或 .csv 文件')),
  contentBase64: z
    .string({ error: '缺少文件内容' })
    .max(400 * 1024, '文件过大（上限约 300 KB，约 5000 人）')
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, '文件内容不是有效的 base64'),
  commit: z.boolean().default(false),
})

export const employeeListInput = z.strictObject({
  q: safeText('搜索词', 40).optional(),
  department: safeText('部门', 40).optional(),
  role: z.enum(ROLES).optional(),
  active: z.boolean().optional(),
  page,
  pageSize: pageSize(100, 20),
})

export const employeeUpdateInput = z.strictObject({
  id: id('职工编号'),
  name: safeText('姓名', 32).pipe(z.string().min(1, '请填写姓名')).optional(),
  department: safeText('部门', 40).pipe(z.string().min(1, '请填写部门')).optional(),
  phone: z
    .string()
    .trim()
    .regex(/^(1\d{10})?$/, '手机号应为 11 位数字')
    .transform((s) => s || null)
    .nullable()
    .optional(),
  role: z.enum(ROLES, { error: '角色不正确' }).optional(),
  active: z.boolean().optional(),
})

export const registrantListInput = z.strictObject({
  activityId: id('活动编号'),
  status: z.enum(Object.keys(REGISTRATION_STATUSES) as [string, ...string[]]).optional(),
  department: safeText('部门', 40).optional(),
  q: safeText('搜索词', 40).optional(),
})

export const manualCheckinInput = z.strictObject({
  activityId: id('活动编号'),
  registrationId: id('报名编号'),
})

export const participationInput = z.strictObject({
  year: z.number().int().min(2000).max(2100),
  category: z.enum(CATEGORY_KEYS as [string, ...string[]]).optional(),
  month: z.number().int().min(1).max(12).optional(),
})

export const planTextInput = z.strictObject({
  text: z
    .string({ error: '请粘贴工作要点全文' })
    .max(300_000, '文本过长（上限 30 万字）')
    .refine((s) => s.trim().length > 0, '请粘贴工作要点全文'),
})

export const planImportInput = z.strictObject({
  text: planTextInput.shape.text,
  /** Which of the documents found in the text to import (0-based); all when absent. */
  indexes: z.array(z.number().int().min(0).max(50)).max(50).optional(),
})

export const auditListInput = z.strictObject({ page, pageSize: pageSize(100, 30) })

export const inboxListInput = z.strictObject({ page, pageSize: pageSize(50, 20) })

export const inboxReadInput = z.strictObject({
  ids: z.array(id('消息编号')).max(200).optional(),
})
