import Taro from '@tarojs/taro'
import { ApiError } from '../../../api/client'
import { goToLogin } from '../../../hooks/use-remote'

/** The message to show for a failed call; an expired login goes to the login page instead. */
export function describeFailure(error: unknown, fallback = '操作没有成功，请重试'): string {
  if (error instanceof ApiError && error.code === 'unauthenticated') goToLogin()
  if (!(error instanceof Error) || !error.message) return fallback
  // The router names the field in code (“输入有误（title）：…”); the rest of the message already says it in Chinese.
  return error.message.replace(/^输入有误（[\w.]+）：/, '')
}

/** A short toast: a tick for success, plain text otherwise. */
export function showToast(title: string, success = false): void {
  Taro.showToast({ title, icon: success ? 'success' : 'none', duration: 2000 })
}

/** Back to the page before, or to `fallback` when this page was opened directly. */
export function goBackOr(fallback: string): void {
  if (Taro.getCurrentPages().length > 1) Taro.navigateBack()
  else Taro.redirectTo({ url: fallback })
}

export const CONSOLE_HOME = '/packages/admin/index/index'
