import type { PlanSummary, PlanView } from '../../domain/plan'
import { hasRole } from '../../domain/roles'
import { emptyInput, idInput } from '../../domain/schemas'
import { AppError, notFound } from '../errors'
import { defineAction } from './define'

export const planActions = {
  'plan.current': defineAction({
    auth: 'employee',
    write: false,
    input: emptyInput,
    async handler({ store }): Promise<PlanView> {
      const id = await store.getCurrentPlanId()
      const plan = id === null ? null : await store.getPlan(id)
      if (!plan) throw new AppError('not_found', '尚未发布本年度工作要点')
      return plan
    },
  }),

  'plan.list': defineAction({
    auth: 'employee',
    write: false,
    input: emptyInput,
    async handler({ store, employee }): Promise<PlanSummary[]> {
      return store.listPlans({ publishedOnly: !hasRole(employee!.role, 'admin') })
    },
  }),

  'plan.get': defineAction({
    auth: 'employee',
    write: false,
    input: idInput,
    async handler({ store, input, employee }): Promise<PlanView> {
      const plan = await store.getPlan(input.id)
      // Drafts are visible to administrators only; to others they do not exist.
      if (!plan || (plan.publishedAt === null && !hasRole(employee!.role, 'admin'))) throw notFound('工作要点')
      return plan
    },
  }),
}
