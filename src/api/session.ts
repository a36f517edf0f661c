import Taro from '@tarojs/taro'
import type { Employee } from '../domain/employee'

const TOKEN_KEY = 'wm.token'
const EMPLOYEE_KEY = 'wm.employee'

/** The stored login token (H5 demo login), or null. */
export function getToken(): string | null {
  return (Taro.getStorageSync(TOKEN_KEY) as string) || null
}

/** The employee remembered from the last login, or null. */
export function getSavedEmployee(): Employee | null {
  return (Taro.getStorageSync(EMPLOYEE_KEY) as Employee) || null
}

/** Remembers a login. */
export function saveSession(token: string | null, employee: Employee): void {
  if (token) Taro.setStorageSync(TOKEN_KEY, token)
  Taro.setStorageSync(EMPLOYEE_KEY, employee)
}

/** Forgets the login. */
export function clearSession(): void {
  Taro.removeStorageSync(TOKEN_KEY)
  Taro.removeStorageSync(EMPLOYEE_KEY)
}
