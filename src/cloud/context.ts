import type { Notify } from './notify'
import type { EmployeeRecord, Store } from './store/types'

/** Who is calling, as resolved by the entry point (gateway token or WeChat OPENID); never from the payload. */
export interface Principal {
  employeeId?: number
  openid?: string
}

/** What the router hands to a handler. */
export interface ActionContext<I> {
  input: I
  store: Store
  principal: Principal
  /** The active employee behind the call; set for every action that requires an employee. */
  employee: EmployeeRecord | null
  now: Date
  config: RouterConfig
  /** Queues notices (reminder, promotion, cancellation) to send after the action's transaction commits. */
  notify: Notify
}

export interface RouterConfig {
  demoMode: boolean
  tokenSecret: string
  tokenTtlSeconds: number
}
