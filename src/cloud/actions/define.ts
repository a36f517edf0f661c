import type { z } from 'zod'
import type { Role } from '../../domain/roles'
import type { ActionContext } from '../context'

/**
 * An action of the cloud contract.
 * `auth`: 'none' (anyone), 'openid' (a WeChat caller not yet bound), 'employee' (an active employee).
 */
export interface ActionDef<S extends z.ZodType = z.ZodType, O = unknown> {
  auth: 'none' | 'openid' | 'employee'
  role?: Role
  write: boolean
  input: S
  handler: (ctx: ActionContext<z.output<S>>) => Promise<O>
}

/** Declares an action, inferring its input type from its schema. */
export function defineAction<S extends z.ZodType, O>(def: ActionDef<S, O>): ActionDef<S, O> {
  return def
}
