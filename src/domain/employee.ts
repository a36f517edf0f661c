import type { Role } from './roles'

/** An employee as the app sees them (never their OPENID). */
export interface Employee {
  id: number
  employeeNo: string
  name: string
  department: string
  role: Role
}

export interface LoginResult {
  token: string
  expiresAt: string
  employee: Employee
}
