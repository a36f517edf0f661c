import { checkRosterRows, type EmployeeAdminView, type EmployeePage, type RosterPreview } from '../../domain/admin'
import { employeeListInput, employeeUpdateInput, rosterImportInput } from '../../domain/admin-schemas'
import { idInput } from '../../domain/schemas'
import { readTable } from '../excel'
import { AppError, notFound } from '../errors'
import { recordAudit } from './audit'
import { defineAction } from './define'

export const adminRosterActions = {
  // Preview a roster file row by row; with `commit`, import its valid rows (create or update by 工号).
  'admin.roster.import': defineAction({
    auth: 'employee',
    role: 'admin',
    write: true,
    input: rosterImportInput,
    async handler({ input, store, employee, now }): Promise<RosterPreview> {
      let table: string[][]
      try {
        table = await readTable(input.fileName, Buffer.from(input.contentBase64, 'base64'))
      } catch {
        throw new AppError('invalid_input', '无法读取这个文件，请确认是 Excel（.xlsx）或 CSV 文件')
      }
      if (table.length < 2)
        throw new AppError('invalid_input', '文件中没有职工数据（第一行为表头，从第二行起每行一人）')
      if (table.length > 5001) throw new AppError('invalid_input', '一次最多导入 5000 人，请分批导入')
      const rows = checkRosterRows(table, new Set(await store.listEmployeeNos()))
      // As in admin.employee.update: an administrator cannot take away their own role (and lock themself out).
      for (const row of rows) {
        if (
          row.employeeNo === employee!.employeeNo &&
          row.errors.length === 0 &&
          row.role !== null &&
          row.role !== 'admin'
        ) {
          row.errors.push('不能通过导入取消自己的管理员权限')
          row.action = null
        }
      }
      const valid = rows.filter((r) => r.errors.length === 0)
      const preview: RosterPreview = { rows, valid: valid.length, invalid: rows.length - valid.length }
      if (!input.commit) return preview
      if (valid.length === 0) throw new AppError('invalid_input', '没有可以导入的有效行')
      const imported = await store.upsertEmployees(
        valid.map(({ employeeNo, name, department, role, phone }) => ({ employeeNo, name, department, role, phone })),
        now.toISOString(),
      )
      await recordAudit(
        store,
        employee!.id,
        'roster.import',
        input.fileName,
        null,
        { ...imported, rows: valid.length },
        now,
      )
      return { ...preview, imported }
    },
  }),

  'admin.employee.list': defineAction({
    auth: 'employee',
    role: 'admin',
    write: false,
    input: employeeListInput,
    async handler({ input, store }): Promise<EmployeePage> {
      const { rows, total } = await store.listEmployees({
        q: input.q,
        department: input.department,
        role: input.role,
        active: input.active,
        limit: input.pageSize,
        offset: (input.page - 1) * input.pageSize,
      })
      return { items: rows, total, page: input.page, pageSize: input.pageSize }
    },
  }),

  'admin.employee.update': defineAction({
    auth: 'employee',
    role: 'admin',
    write: true,
    input: employeeUpdateInput,
    async handler({ input, store, employee, now }): Promise<EmployeeAdminView> {
      const before = await store.getEmployeeById(input.id)
      if (!before) throw notFound('职工')
      if (input.id === employee!.id && (input.active === false || (input.role && input.role !== 'admin'))) {
        throw new AppError('conflict', '不能停用自己的账号或取消自己的管理员权限')
      }
      const { id, ...patch } = input
      await store.updateEmployee(id, patch, now.toISOString())
      const after = (await store.listEmployees({ q: before.employeeNo, limit: 1, offset: 0 })).rows[0]
      await recordAudit(store, employee!.id, 'employee.update', `职工 ${before.employeeNo}`, before, after, now)
      return after
    },
  }),

  // Frees a roster entry from the WeChat account bound to it (a new phone, a mistaken binding).
  'admin.employee.unbind': defineAction({
    auth: 'employee',
    role: 'admin',
    write: true,
    input: idInput,
    async handler({ input, store, employee, now }): Promise<{ ok: true }> {
      const target = await store.getEmployeeById(input.id)
      if (!target) throw notFound('职工')
      await store.updateEmployee(input.id, { openid: null }, now.toISOString())
      await recordAudit(store, employee!.id, 'employee.unbind', `职工 ${target.employeeNo}`, null, null, now)
      return { ok: true }
    },
  }),
}
