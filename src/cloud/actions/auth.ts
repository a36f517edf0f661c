import { bindInput, devLoginInput, emptyInput } from '../../domain/schemas'
import type { Employee, LoginResult } from '../../domain/employee'
import { AppError } from '../errors'
import type { EmployeeRecord } from '../store/types'
import { issueToken } from '../token'
import { defineAction } from './define'

/** The public view of an employee record. */
export function toEmployeeView(record: EmployeeRecord): Employee {
  return {
    id: record.id,
    employeeNo: record.employeeNo,
    name: record.name,
    department: record.department,
    role: record.role,
  }
}

export const authActions = {
  // Demo mode only: log in as any roster entry by 工号, to try the app without WeChat.
  'auth.devLogin': defineAction({
    auth: 'none',
    write: false,
    input: devLoginInput,
    async handler({ input, store, config, now }): Promise<LoginResult> {
      if (!config.demoMode) throw new AppError('forbidden', '演示登录仅在演示模式下可用')
      const employee = await store.getEmployeeByNo(input.employeeNo)
      if (!employee) throw new AppError('not_found', `花名册中没有工号 ${input.employeeNo}`)
      if (!employee.active) throw new AppError('forbidden', '该账号已停用，请联系管理员')
      const { token, expiresAt } = issueToken(employee.id, config.tokenSecret, config.tokenTtlSeconds, now)
      return { token, expiresAt: expiresAt.toISOString(), employee: toEmployeeView(employee) }
    },
  }),

  // Demo mode only: a few roster entries of each role to pick from on the demo login page.
  'auth.demoAccounts': defineAction({
    auth: 'none',
    write: false,
    input: emptyInput,
    async handler({ store, config }): Promise<Employee[]> {
      if (!config.demoMode) throw new AppError('forbidden', '演示登录仅在演示模式下可用')
      return (await store.listDemoAccounts(6)).map(toEmployeeView)
    },
  }),

  // WeChat: bind the caller's OPENID to their roster entry, once, by 工号 + 姓名.
  'auth.bind': defineAction({
    auth: 'openid',
    write: true,
    input: bindInput,
    async handler({ input, store, principal, now }): Promise<{ employee: Employee }> {
      const openid = principal.openid as string
      const already = await store.getEmployeeByOpenid(openid)
      if (already) {
        if (already.employeeNo === input.employeeNo) return { employee: toEmployeeView(already) }
        throw new AppError('conflict', '此微信已绑定其他工号，如需更换请联系管理员')
      }
      const employee = await store.getEmployeeByNo(input.employeeNo)
      if (!employee || employee.name !== input.name) {
        throw new AppError('not_found', '工号与姓名不匹配，请核对后重试')
      }
      if (!employee.active) throw new AppError('forbidden', '该账号已停用，请联系管理员')
      // A roster entry belongs to one WeChat account; moving it takes an administrator's unbind.
      if (employee.bound) throw new AppError('conflict', '该工号已绑定其他微信账号，如需更换请联系管理员解绑')
      if (!(await store.bindOpenid(employee.id, openid, now.toISOString()))) {
        throw new AppError('conflict', '该工号已绑定其他微信账号，如需更换请联系管理员解绑')
      }
      return { employee: toEmployeeView(employee) }
    },
  }),
}
