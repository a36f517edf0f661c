import type { Employee, LoginResult } from '../domain/employee'
import type { ErrorCode } from '../domain/errors'
import type {
  ActivityCategory,
  ActivityDetail,
  ActivityPage,
  ActivityStatus,
  CheckinCode,
  MyRegistration,
  Registration,
  RegistrationResult,
} from '../domain/activity'
import type { PlanSummary, PlanView } from '../domain/plan'
import { sendAction, usesTokenLogin } from './transport'
import { clearSession, getToken, saveSession } from './session'

const PUBLIC_ACTIONS = new Set(['auth.devLogin', 'auth.demoAccounts'])

/** A failed call, with a message fit to show the user. */
export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode | 'network',
    message: string,
  ) {
    super(message)
  }
}

/** A random key for one write (not a secret: the cloud scopes it to the caller). */
function newKey(): string {
  let key = Date.now().toString(36)
  while (key.length < 32) key += Math.random().toString(36).slice(2)
  return key.slice(0, 32)
}

// The key of a call that got no answer, by what it sent: pressing 重试 sends the same write with the same key,
// so the cloud answers it with the first answer if the first did arrive.
const unanswered = new Map<string, string>()
const RETRY_WITHIN_MS = 5000

/**
 * Calls one action and returns its data; throws ApiError with a Chinese message otherwise.
 * Every call carries an idempotency key; a call whose connection drops is sent once more with the same key,
 * and so is the next identical call after one that got no answer at all, so a write is never done twice.
 */
export async function callApi<T>(action: string, payload: unknown = {}): Promise<T> {
  const token = usesTokenLogin ? getToken() : null
  // Without a login there is no point asking the gateway: it would only answer 401.
  if (usesTokenLogin && !token && !PUBLIC_ACTIONS.has(action)) throw new ApiError('unauthenticated', '请先登录')
  const what = `${action} ${JSON.stringify(payload ?? {})}`
  const key = unanswered.get(what) ?? newKey()
  let envelope
  try {
    const started = Date.now()
    envelope = await sendAction<T>(action, payload, token, key).catch((error: unknown) => {
      // A dropped connection is tried again at once; after a timeout the person decides (重试), not us.
      if (Date.now() - started > RETRY_WITHIN_MS) throw error
      return sendAction<T>(action, payload, token, key)
    })
  } catch {
    if (unanswered.size > 50) unanswered.clear()
    unanswered.set(what, key)
    throw new ApiError('network', '网络连接失败，请检查网络后重试')
  }
  unanswered.delete(what)
  if (!envelope || typeof envelope !== 'object') throw new ApiError('internal', '服务返回异常，请稍后重试')
  if (envelope.ok) return envelope.data
  if (envelope.error.code === 'unauthenticated') clearSession()
  throw new ApiError(envelope.error.code, envelope.error.message)
}

/** Demo login by 工号 (H5 demo mode). */
export async function devLogin(employeeNo: string): Promise<LoginResult> {
  const result = await callApi<LoginResult>('auth.devLogin', { employeeNo })
  saveSession(result.token, result.employee)
  return result
}

/** Demo accounts to pick from on the H5 login page (demo mode only). */
export function fetchDemoAccounts(): Promise<Employee[]> {
  return callApi<Employee[]>('auth.demoAccounts')
}

/** Binds this WeChat user to a roster entry. */
export async function bindEmployee(employeeNo: string, name: string): Promise<Employee> {
  const { employee } = await callApi<{ employee: Employee }>('auth.bind', { employeeNo, name })
  saveSession(null, employee)
  return employee
}

/** The caller's own profile. */
export async function fetchMe(): Promise<Employee> {
  const { employee } = await callApi<{ employee: Employee }>('me.get')
  saveSession(null, employee)
  return employee
}

// Plans change once a year: keep what was read for a few minutes so that theme and work-point pages open at once.
const PLAN_CACHE_MS = 5 * 60 * 1000
const planCache = new Map<number, { at: number; plan: PlanView }>()

function remember(plan: PlanView): PlanView {
  planCache.set(plan.id, { at: Date.now(), plan })
  return plan
}

/** The current plan with its themes and work points. */
export async function fetchCurrentPlan(): Promise<PlanView> {
  return remember(await callApi<PlanView>('plan.current'))
}

/** All plans the caller may read. */
export function fetchPlans(): Promise<PlanSummary[]> {
  return callApi<PlanSummary[]>('plan.list')
}

/** One plan by id (from the recent cache when possible). */
export async function fetchPlan(id: number): Promise<PlanView> {
  const hit = planCache.get(id)
  if (hit && Date.now() - hit.at < PLAN_CACHE_MS) return hit.plan
  return remember(await callApi<PlanView>('plan.get', { id }))
}

export interface ActivityQuery {
  category?: ActivityCategory
  status?: ActivityStatus
  planItemId?: number
  page?: number
  pageSize?: number
}

/** A page of activities, filtered and sorted by the cloud layer. */
export function fetchActivities(query: ActivityQuery = {}): Promise<ActivityPage> {
  return callApi<ActivityPage>('activity.list', query)
}

/** One activity with seats, the caller's registration and the work points it serves. */
export function fetchActivity(id: number): Promise<ActivityDetail> {
  return callApi<ActivityDetail>('activity.get', { id })
}

/** Registers the caller; answers confirmed or waitlisted (with the place in line). */
export function register(
  activityId: number,
  choices: { options?: string[]; form?: Record<string, string | number | string[]> } = {},
): Promise<RegistrationResult> {
  return callApi<RegistrationResult>('registration.create', { activityId, ...choices })
}

/** Cancels the caller's registration. */
export function cancelRegistration(activityId: number): Promise<{ registration: Registration }> {
  return callApi<{ registration: Registration }>('registration.cancel', { activityId })
}

/** The caller's registrations, newest activity first. */
export function fetchMyRegistrations(): Promise<MyRegistration[]> {
  return callApi<MyRegistration[]>('registration.mine')
}

/** Checks the caller in with the code shown at the venue. */
export function checkIn(activityId: number, code: string): Promise<{ registration: Registration }> {
  return callApi<{ registration: Registration }>('checkin.create', { activityId, code })
}

/** Organizers: the current check-in code of an activity and its QR payload. */
export function fetchCheckinCode(id: number): Promise<CheckinCode> {
  return callApi<CheckinCode>('admin.activity.checkinCode', { id })
}
