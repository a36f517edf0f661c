import { createHash } from 'node:crypto'
import { z } from 'zod'
import type { Envelope } from '../domain/errors'
import { hasRole } from '../domain/roles'
import { activityActions } from './actions/activity'
import { adminActivityActions } from './actions/admin-activity'
import { adminConsoleActions } from './actions/admin-console'
import { adminPlanActions } from './actions/admin-plan'
import { adminReportActions } from './actions/admin-reports'
import { adminRosterActions } from './actions/admin-roster'
import { authActions } from './actions/auth'
import { calendarActions } from './actions/calendar'
import { checkinActions } from './actions/checkin'
import { goodPeopleActions } from './actions/goodpeople'
import { inboxActions } from './actions/inbox'
import type { ActionDef } from './actions/define'
import { meActions } from './actions/me'
import { planActions } from './actions/plan'
import { readingActions } from './actions/reading'
import { registrationActions } from './actions/registration'
import { volunteerActions } from './actions/volunteer'
import type { Principal, RouterConfig } from './context'
import { AppError } from './errors'
import { inboxOnlyNotifier, sendSafely, type Notice, type Notifier } from './notify'
import type { RateLimiter } from './rate-limit'
import type { EmployeeRecord, Store } from './store/types'

z.config(z.locales.zhCN())

/** Every action of the contract, by name. */
export const ACTIONS: Record<string, ActionDef> = {
  ...authActions,
  ...meActions,
  ...planActions,
  ...activityActions,
  ...registrationActions,
  ...checkinActions,
  ...adminActivityActions,
  ...adminConsoleActions,
  ...adminRosterActions,
  ...adminReportActions,
  ...adminPlanActions,
  ...inboxActions,
  ...goodPeopleActions,
  ...readingActions,
  ...volunteerActions,
  ...calendarActions,
}

export interface RouterResult<T = unknown> {
  status: number
  body: Envelope<T>
}

export interface RouterOptions {
  store: Store
  config: RouterConfig
  clock?: () => Date
  logError?: (error: unknown, action: string) => void
  /** Limits write actions per identity; none means unlimited (in-process tests). */
  writeLimiter?: RateLimiter
  /** Sends the notices an action queued, after its transaction committed; the inbox alone by default. */
  notifier?: Notifier
}

/** Where a call came from, beyond its identity: the gateway's client address, to rate-limit anonymous callers. */
export interface CallOrigin {
  address?: string
  /**
   * The client's key for this write (`Idempotency-Key` header, or `idempotencyKey` beside the payload in
   * WeChat): a retry with the same key gets the first answer again instead of writing twice.
   */
  idempotencyKey?: string
}

export type Router = (
  action: string,
  payload: unknown,
  principal: Principal,
  origin?: CallOrigin,
) => Promise<RouterResult>

function describeIssues(error: z.ZodError): string {
  const issue = error.issues[0]
  const where = issue.path.length ? `（${issue.path.join('.')}）` : ''
  return `输入有误${where}：${issue.message}`
}

async function resolveEmployee(store: Store, principal: Principal): Promise<EmployeeRecord> {
  let employee: EmployeeRecord | null = null
  if (principal.employeeId !== undefined) employee = await store.getEmployeeById(principal.employeeId)
  else if (principal.openid) {
    employee = await store.getEmployeeByOpenid(principal.openid)
    if (!employee) throw new AppError('unauthenticated', '请先绑定工号和姓名')
  }
  if (!employee) throw new AppError('unauthenticated', '请先登录')
  if (!employee.active) throw new AppError('forbidden', '该账号已停用，请联系管理员')
  return employee
}

/** How long a write's answer is kept for retries under its idempotency key. */
const IDEMPOTENCY_TTL_MS = 24 * 3600 * 1000
const IDEMPOTENCY_KEY = /^[A-Za-z0-9_-]{8,64}$/

/** The key, its caller's scope and the payload's fingerprint, when the client sent a key with a write. */
function idempotencyOf(
  origin: CallOrigin | undefined,
  action: string,
  payload: unknown,
  scope: string,
): { scope: string; key: string; payloadHash: string } | null {
  const key = origin?.idempotencyKey
  if (key === undefined || key === '') return null
  if (typeof key !== 'string' || !IDEMPOTENCY_KEY.test(key)) {
    throw new AppError('invalid_input', '请求编号格式不正确')
  }
  const payloadHash = createHash('sha256')
    .update(action + '\n' + JSON.stringify(payload ?? {}))
    .digest('base64url')
  return { scope, key, payloadHash }
}

/** The identity a write is counted against: the employee, else the WeChat caller, else the client address. */
function limitKey(employee: EmployeeRecord | null, principal: Principal, origin: CallOrigin | undefined): string {
  if (employee) return `employee:${employee.id}`
  if (principal.employeeId !== undefined) return `employee:${principal.employeeId}`
  if (principal.openid) return `openid:${principal.openid}`
  return `address:${origin?.address ?? 'unknown'}`
}

/**
 * Builds the router: action name -> handler, checking identity (401), role (403), input (400) in that
 * order, running write actions in one transaction, and wrapping every answer in the envelope.
 */
export function createRouter({
  store,
  config,
  clock = () => new Date(),
  logError,
  writeLimiter,
  notifier = inboxOnlyNotifier,
}: RouterOptions): Router {
  return async (action, payload, principal, origin) => {
    try {
      const def = Object.prototype.hasOwnProperty.call(ACTIONS, action) ? ACTIONS[action] : undefined
      if (!def) throw new AppError('unknown_action', `不支持的操作：${String(action).slice(0, 64)}`)

      let employee: EmployeeRecord | null = null
      if (def.auth === 'employee') employee = await resolveEmployee(store, principal)
      if (def.auth === 'openid' && !principal.openid) throw new AppError('unauthenticated', '请在微信中打开')
      // Checked before role and input, so a flood of refused or malformed writes is throttled too.
      if (def.write && writeLimiter && !writeLimiter.take(limitKey(employee, principal, origin))) {
        throw new AppError('rate_limited', '操作太频繁，请稍后再试')
      }
      if (def.role && !(employee && hasRole(employee.role, def.role))) {
        throw new AppError('forbidden', '没有权限执行此操作')
      }

      const parsed = def.input.safeParse(payload === undefined || payload === null ? {} : payload)
      if (!parsed.success) throw new AppError('invalid_input', describeIssues(parsed.error))

      const now = clock()
      const idempotency = def.write
        ? idempotencyOf(origin, action, payload, limitKey(employee, principal, origin))
        : null
      // Notices wait here until the transaction has committed: a rolled-back write tells nobody anything.
      let outbox: Notice[] = []
      const notify = (notices: Notice[]) => void outbox.push(...notices)
      const run = (s: Store) => {
        outbox = []
        return def.handler({ input: parsed.data, store: s, principal, employee, now, config, notify })
      }
      // One person's writes take turns: limits counted per person (votes a day) hold on a server database too.
      const data = def.write
        ? await store.transaction(async (tx) => {
            if (employee) await tx.lockEmployee(employee.id)
            if (!idempotency) return run(tx)
            const earlier = await tx.getIdempotentWrite(idempotency.scope, idempotency.key)
            if (earlier) {
              if (earlier.action !== action || earlier.payloadHash !== idempotency.payloadHash) {
                throw new AppError('conflict', '请求编号已用于另一项操作，请刷新后重试')
              }
              return JSON.parse(earlier.responseJson) as unknown
            }
            const answer = await run(tx)
            await tx.saveIdempotentWrite(
              { ...idempotency, action, responseJson: JSON.stringify(answer ?? null), at: now.toISOString() },
              new Date(now.getTime() - IDEMPOTENCY_TTL_MS).toISOString(),
            )
            return answer
          })
        : await run(store)
      await sendSafely(notifier, outbox, (error) => logError?.(error, action))
      return { status: 200, body: { ok: true, data } }
    } catch (error) {
      if (error instanceof AppError) {
        return { status: error.status, body: { ok: false, error: { code: error.code, message: error.message } } }
      }
      logError?.(error, action)
      return { status: 500, body: { ok: false, error: { code: 'internal', message: '服务暂时出现问题，请稍后重试' } } }
    }
  }
}
