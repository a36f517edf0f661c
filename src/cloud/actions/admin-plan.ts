import { planImportInput, planTextInput } from '../../domain/admin-schemas'
import type { PlanView } from '../../domain/plan'
import { idInput } from '../../domain/schemas'
import { PlanParseError, parsePlanText, type ParseResult } from '../../plan'
import { AppError, notFound } from '../errors'
import { recordAudit } from './audit'
import { defineAction } from './define'

function parseOr400(text: string): ParseResult {
  try {
    return parsePlanText(text)
  } catch (error) {
    if (error instanceof PlanParseError) throw new AppError('invalid_input', error.message)
    throw error
  }
}

export const adminPlanActions = {
  // Shows what a pasted text would become, and the noise that was cut, without saving anything.
  'admin.plan.preview': defineAction({
    auth: 'employee',
    role: 'admin',
    write: false,
    input: planTextInput,
    async handler({ input }): Promise<ParseResult> {
      return parseOr400(input.text)
    },
  }),

  // Saves the plans found in the text as drafts; publishing is a separate step.
  'admin.plan.import': defineAction({
    auth: 'employee',
    role: 'admin',
    write: true,
    input: planImportInput,
    async handler({ input, store, employee, now }): Promise<{ ids: number[] }> {
      const { plans, removed } = parseOr400(input.text)
      const chosen = input.indexes ?? plans.map((_, i) => i)
      if (chosen.some((i) => i >= plans.length))
        throw new AppError('invalid_input', `文本中只识别到 ${plans.length} 份要点`)
      const ids: number[] = []
      for (const i of chosen) {
        ids.push(
          await store.insertPlan(
            { ...plans[i], sourceText: input.text, removed },
            { publish: false, makeCurrent: false, at: now.toISOString() },
          ),
        )
      }
      await recordAudit(
        store,
        employee!.id,
        'plan.import',
        `要点草稿 #${ids.join('、#')}`,
        null,
        { titles: chosen.map((i) => plans[i].title) },
        now,
      )
      return { ids }
    },
  }),

  'admin.plan.publish': defineAction({
    auth: 'employee',
    role: 'admin',
    write: true,
    input: idInput,
    async handler({ input, store, employee, now }): Promise<PlanView> {
      const before = await store.getPlan(input.id)
      if (!before) throw notFound('工作要点')
      const previous = await store.getCurrentPlanId()
      await store.publishPlan(input.id, now.toISOString())
      await recordAudit(
        store,
        employee!.id,
        'plan.publish',
        `要点 #${input.id}「${before.title}」`,
        { currentPlanId: previous },
        { currentPlanId: input.id },
        now,
      )
      return (await store.getPlan(input.id))!
    },
  }),

  'admin.plan.removed': defineAction({
    auth: 'employee',
    role: 'admin',
    write: false,
    input: idInput,
    async handler({ input, store }): Promise<string[]> {
      if (!(await store.getPlan(input.id))) throw notFound('工作要点')
      return store.getPlanRemoved(input.id)
    },
  }),
}
