import { formatFullDateTime } from '../domain/time'
import { NOTICE_KINDS, type Notice, type NoticeKind, type Notifier } from './notify'

/** Which version of the mini-program a tap on the message opens. */
export type MiniprogramState = 'formal' | 'trial' | 'developer'

/** What wx-server-sdk's `cloud.openapi.subscribeMessage.send` takes (camelCase, as the SDK wants it). */
export interface SubscribeMessageArgs {
  touser: string
  templateId: string
  page: string
  data: Record<string, { value: string }>
  miniprogramState: MiniprogramState
  lang: 'zh_CN'
}

/** The part of `cloud.openapi` the notifier calls. */
export interface SubscribeMessageApi {
  send(args: SubscribeMessageArgs): Promise<unknown>
}

/** The WeChat accounts bound to employees, by employee id; employees without one are left out. */
export type OpenidLookup = (employeeIds: number[]) => Promise<Map<number, string>>

/** What a template keyword can show. */
export const NOTICE_VALUES = ['title', 'time', 'location', 'status', 'note', 'reason'] as const
export type NoticeValue = (typeof NOTICE_VALUES)[number]

/** One subscribe-message template: its id, and what each of its keywords (`thing1`, `time2`, …) shows. */
export interface SubscribeTemplate {
  templateId: string
  fields: [keyword: string, value: NoticeValue][]
}

export interface SubscribeConfig {
  templates: Partial<Record<NoticeKind, SubscribeTemplate>>
  state: MiniprogramState
  /** One message per variable that was wrong; the kinds they concern are not sent. */
  problems: string[]
}

/** The environment variables of one kind: `SUBSCRIBE_<KIND>_TEMPLATE` and `SUBSCRIBE_<KIND>_FIELDS`. */
export const SUBSCRIBE_ENV: Record<NoticeKind, { template: string; fields: string }> = {
  reminder: { template: 'SUBSCRIBE_REMINDER_TEMPLATE', fields: 'SUBSCRIBE_REMINDER_FIELDS' },
  promoted: { template: 'SUBSCRIBE_PROMOTED_TEMPLATE', fields: 'SUBSCRIBE_PROMOTED_FIELDS' },
  cancelled: { template: 'SUBSCRIBE_CANCELLED_TEMPLATE', fields: 'SUBSCRIBE_CANCELLED_FIELDS' },
}
export const SUBSCRIBE_STATE_ENV = 'SUBSCRIBE_MINIPROGRAM_STATE'

const STATES: readonly MiniprogramState[] = ['formal', 'trial', 'developer']
const KEYWORD = /^[a-z_]+\d+$/

/** `thing1=title,time2=time,thing3=location` → the pairs, or a message saying what is wrong. */
function parseFields(spec: string): SubscribeTemplate['fields'] | string {
  const fields: SubscribeTemplate['fields'] = []
  for (const part of spec
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const [keyword, value, extra] = part.split('=').map((p) => p.trim())
    if (extra !== undefined || !keyword || !value) return `“${part}” is not keyword=value`
    if (!KEYWORD.test(keyword)) return `“${keyword}” is not a template keyword such as thing1 or time2`
    if (!(NOTICE_VALUES as readonly string[]).includes(value)) {
      return `“${value}” is not one of ${NOTICE_VALUES.join(', ')}`
    }
    fields.push([keyword, value as NoticeValue])
  }
  return fields.length > 0 ? fields : 'no keyword=value pairs'
}

/** Reads the templates from the function's environment variables (README: 部署到微信云开发). */
export function readSubscribeConfig(env: Record<string, string | undefined>): SubscribeConfig {
  const problems: string[] = []
  const templates: SubscribeConfig['templates'] = {}
  for (const kind of NOTICE_KINDS) {
    const names = SUBSCRIBE_ENV[kind]
    const templateId = env[names.template]?.trim() ?? ''
    const spec = env[names.fields]?.trim() ?? ''
    if (!templateId && !spec) continue
    if (!templateId) {
      problems.push(`${names.template} is empty while ${names.fields} is set`)
      continue
    }
    const fields = parseFields(spec)
    if (typeof fields === 'string') {
      problems.push(`${names.fields}: ${spec ? fields : 'missing'} (e.g. thing1=title,time2=time,thing3=location)`)
      continue
    }
    templates[kind] = { templateId, fields }
  }
  const state = (env[SUBSCRIBE_STATE_ENV]?.trim() || 'formal') as MiniprogramState
  if (!STATES.includes(state)) {
    problems.push(`${SUBSCRIBE_STATE_ENV} must be one of ${STATES.join(', ')}`)
    return { templates, state: 'formal', problems }
  }
  return { templates, state, problems }
}

const STATUS: Record<NoticeKind, string> = { reminder: '即将开始', promoted: '报名成功', cancelled: '已取消' }

function valueOf(notice: Notice, value: NoticeValue): string {
  const { activity } = notice
  const reason = notice.reason?.trim() || '组织方已取消本次活动'
  const note: Record<NoticeKind, string> = {
    reminder: '活动明天开始，请准时参加',
    promoted: '已由候补转为正式报名',
    cancelled: reason,
  }
  switch (value) {
    case 'title':
      return activity.title
    case 'time':
      return formatFullDateTime(activity.startsAt)
    case 'location':
      return activity.location || '待定'
    case 'status':
      return STATUS[notice.kind]
    case 'reason':
      return notice.kind === 'cancelled' ? reason : note[notice.kind]
    default:
      return note[notice.kind]
  }
}

/** The most characters WeChat accepts for a keyword of this type (thing1 → thing); time and date are left alone. */
const LIMITS: Record<string, number> = {
  thing: 20,
  phrase: 5,
  name: 10,
  symbol: 5,
  character_string: 32,
  number: 32,
  letter: 32,
}

/** Cuts `text` to what the keyword's type takes, marking the cut with an ellipsis. */
export function fitToKeyword(keyword: string, text: string): string {
  const limit = LIMITS[keyword.replace(/\d+$/, '')]
  const chars = Array.from(text)
  if (limit === undefined || chars.length <= limit) return text
  return limit > 5 ? chars.slice(0, limit - 1).join('') + '…' : chars.slice(0, limit).join('')
}

/** The message WeChat sends for `notice` with `template`, to `touser`. */
export function buildSubscribeMessage(
  notice: Notice,
  template: SubscribeTemplate,
  touser: string,
  state: MiniprogramState,
): SubscribeMessageArgs {
  const data: SubscribeMessageArgs['data'] = {}
  for (const [keyword, value] of template.fields)
    data[keyword] = { value: fitToKeyword(keyword, valueOf(notice, value)) }
  return {
    touser,
    templateId: template.templateId,
    page: `pages/activity/index?id=${notice.activity.id}`,
    data,
    miniprogramState: state,
    lang: 'zh_CN',
  }
}

/** The error code in what the SDK threw or answered (0 or none: sent). */
function errorCodeOf(value: unknown): number {
  if (value && typeof value === 'object' && 'errCode' in value)
    return Number((value as { errCode: unknown }).errCode) || 0
  return 0
}

/** Runs `task` over `items`, at most `limit` at a time. */
async function inPool<T>(items: T[], limit: number, task: (item: T) => Promise<void>): Promise<void> {
  let next = 0
  const worker = async () => {
    while (next < items.length) await task(items[next++])
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker))
}

export interface WxNotifierOptions {
  api: SubscribeMessageApi
  config: SubscribeConfig
  openids: OpenidLookup
  log?: (message: string) => void
  /** Messages in flight at once: a cancelled activity may have a hundred registrants, and the function a timeout. */
  concurrency?: number
}

/**
 * The WeChat runtime's notifier: one subscribe message per notice whose kind has a template, to the employee's bound
 * OPENID. Someone who did not subscribe (43101), is not bound, or whom WeChat refuses for any reason is logged and
 * skipped: the inbox already has the message.
 */
export function createWxNotifier({
  api,
  config,
  openids,
  log = (message) => console.warn(message),
  concurrency = 8,
}: WxNotifierOptions): Notifier {
  return {
    async send(notices) {
      const wanted = notices.filter((n) => config.templates[n.kind])
      if (wanted.length === 0) return
      let bound: Map<number, string>
      try {
        bound = await openids([...new Set(wanted.map((n) => n.employeeId))])
      } catch (error) {
        log(`subscribe messages not sent: the OPENIDs could not be read (${String(error)})`)
        return
      }
      await inPool(wanted, concurrency, async (notice) => {
        const touser = bound.get(notice.employeeId)
        if (!touser) return
        const what = `${notice.kind} of activity #${notice.activity.id} to employee #${notice.employeeId}`
        try {
          const answer = await api.send(
            buildSubscribeMessage(notice, config.templates[notice.kind]!, touser, config.state),
          )
          const code = errorCodeOf(answer)
          if (code !== 0) log(`subscribe message ${what} not sent: ${code}`)
        } catch (error) {
          const code = errorCodeOf(error)
          log(`subscribe message ${what} not sent: ${code || String(error)}`)
        }
      })
    },
  }
}
