import Taro from '@tarojs/taro'

/** Template ids from `a,b,c`: blanks dropped, at most three (WeChat's limit for one request). */
export function parseTemplateIds(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((id) => id.trim())
    .filter(Boolean)
    .slice(0, 3)
}

/** The templates this build asks for (TARO_APP_SUBSCRIBE_TEMPLATES at build time: reminder, promoted, cancelled). */
const TEMPLATES = parseTemplateIds(process.env.TARO_APP_SUBSCRIBE_TEMPLATES)

/** See subscribe.d.ts. `templates` is for tests. */
export function askForActivityNotices(templates: string[] = TEMPLATES): void {
  if (templates.length === 0) return
  try {
    // Not awaited: the registration goes on while the dialog is up, whatever the person answers.
    // (Taro's type also wants Alipay's entityIds; WeChat takes tmplIds only.)
    const option = { tmplIds: templates } as Taro.requestSubscribeMessage.Option
    Taro.requestSubscribeMessage(option).catch(() => undefined)
  } catch {
    // An old WeChat without the API: registering works the same, the inbox still has the messages.
  }
}
