import type { ActivityCategory, RegistrationStatus } from './activity'
import type { Employee } from './employee'
import { ROLES, type Role } from './roles'

/** An employee as the console shows them. */
export interface EmployeeAdminView extends Employee {
  phone: string | null
  active: boolean
  bound: boolean
}

export interface EmployeePage {
  items: EmployeeAdminView[]
  total: number
  page: number
  pageSize: number
}

/** One row of a roster file, checked. */
export interface RosterRow {
  line: number
  employeeNo: string
  name: string
  department: string
  phone: string | null
  /** null when the file leaves it blank: a new employee becomes 职工, an existing one keeps their role. */
  role: Role | null
  errors: string[]
  /** What importing it would do. */
  action: 'create' | 'update' | null
}

export interface RosterPreview {
  rows: RosterRow[]
  valid: number
  invalid: number
  imported?: { created: number; updated: number }
}

/** A person registered for an activity, as the organizer sees them. */
export interface Registrant {
  registrationId: number
  status: RegistrationStatus
  position?: number
  options: string[]
  form: Record<string, string | number | string[]>
  createdAt: string
  cancelledAt: string | null
  checkedInAt: string | null
  employee: { id: number; employeeNo: string; name: string; department: string; phone: string | null }
}

export interface AuditEntry {
  id: number
  actor: { id: number; employeeNo: string; name: string } | null
  action: string
  target: string
  before: unknown
  after: unknown
  at: string
}

export type InboxKind = 'activity_cancelled' | 'promoted' | 'reminder' | 'notice'

export interface InboxMessage {
  id: number
  kind: InboxKind
  title: string
  body: string
  activityId: number | null
  createdAt: string
  readAt: string | null
}

export interface DepartmentParticipation {
  department: string
  headcount: number
  participants: number
  /** participants / headcount, 0..1 */
  rate: number
  byCategory: Partial<Record<ActivityCategory, number>>
  /** Participants per month, January first. */
  byMonth: number[]
}

export interface ParticipationReport {
  year: number
  departments: DepartmentParticipation[]
  total: { headcount: number; participants: number; rate: number }
  nonParticipants: { employeeNo: string; name: string; department: string }[]
}

/** A file produced by the cloud layer, for the app to save or open. */
export interface ExportFile {
  fileName: string
  mimeType: string
  base64: string
}

/** `139****5678`: enough to recognise a number, not to use it. */
export function maskPhone(phone: string | null): string | null {
  if (!phone) return phone
  return phone.length >= 7 ? `${phone.slice(0, 3)}****${phone.slice(-4)}` : '****'
}

const ROLE_WORDS: Record<string, Role> = {
  职工: 'employee',
  员工: 'employee',
  普通职工: 'employee',
  employee: 'employee',
  组织者: 'organizer',
  活动组织者: 'organizer',
  联络员: 'organizer',
  organizer: 'organizer',
  管理员: 'admin',
  admin: 'admin',
}

const HEADERS: Record<keyof Pick<RosterRow, 'employeeNo' | 'name' | 'department' | 'phone' | 'role'>, RegExp> = {
  employeeNo: /^(工号|职工号|员工号|编号)$/,
  name: /^(姓名|名字)$/,
  department: /^(部门|科室|处室|所在部门)$/,
  phone: /^(手机|手机号|手机号码|电话|联系电话)$/,
  role: /^(角色|权限)$/,
}

/**
 * Checks the rows of a roster table (first row: headers 工号, 姓名, 部门, 手机, 角色 in any order).
 * `existing` are the 工号 already on the roster, to tell creates from updates.
 */
export function checkRosterRows(table: string[][], existing: Set<string>): RosterRow[] {
  const [header = [], ...body] = table
  const column = Object.fromEntries(
    Object.entries(HEADERS).map(([key, pattern]) => [key, header.findIndex((h) => pattern.test(h.trim()))]),
  ) as Record<keyof typeof HEADERS, number>
  const missing = (['employeeNo', 'name', 'department'] as const).filter((k) => column[k] < 0)
  if (missing.length > 0) {
    const labels = { employeeNo: '工号', name: '姓名', department: '部门' }
    return [
      {
        line: 1,
        employeeNo: '',
        name: '',
        department: '',
        phone: null,
        role: 'employee',
        errors: [`表头缺少：${missing.map((k) => labels[k]).join('、')}（第一行应为 工号、姓名、部门、手机、角色）`],
        action: null,
      },
    ]
  }
  const seen = new Map<string, number>()
  const rows: RosterRow[] = []
  body.forEach((cells, index) => {
    const cell = (i: number) => (i >= 0 ? String(cells[i] ?? '').trim() : '')
    if (cells.every((c) => String(c ?? '').trim() === '')) return
    const line = index + 2
    const employeeNo = cell(column.employeeNo).toUpperCase()
    const name = cell(column.name)
    const department = cell(column.department)
    const rawPhone = cell(column.phone).replace(/[\s-]/g, '')
    const roleWord = cell(column.role)
    const errors: string[] = []
    if (!employeeNo) errors.push('缺少工号')
    else if (!/^[A-Z0-9]{2,20}$/.test(employeeNo)) errors.push('工号只能是 2–20 位字母或数字')
    else if (seen.has(employeeNo)) errors.push(`工号与第 ${seen.get(employeeNo)} 行重复`)
    if (!name) errors.push('缺少姓名')
    else if (name.length > 32) errors.push('姓名过长')
    if (!department) errors.push('缺少部门')
    else if (department.length > 40) errors.push('部门名称过长')
    if (rawPhone && !/^1\d{10}$/.test(rawPhone)) errors.push(`手机号“${rawPhone}”格式不正确`)
    const role = roleWord === '' ? null : (ROLE_WORDS[roleWord] ?? ROLE_WORDS[roleWord.toLowerCase()])
    if (role === undefined) errors.push(`未知角色“${roleWord}”（可填：职工、组织者、管理员）`)
    if (employeeNo && !seen.has(employeeNo)) seen.set(employeeNo, line)
    rows.push({
      line,
      employeeNo,
      name,
      department,
      phone: rawPhone || null,
      role: role ?? null,
      errors,
      action: errors.length ? null : existing.has(employeeNo) ? 'update' : 'create',
    })
  })
  return rows
}

export const ROLE_CHOICES = ROLES
