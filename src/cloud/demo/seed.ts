import fs from 'node:fs'
import path from 'node:path'
import { parsePlanText } from '../../plan'
import type { NewPlan, Store } from '../store/types'
import { seedDemoActivities } from './activities'
import { seedDemoCommunity } from './community'
import { buildDemoRoster } from './roster'

/** The raw seed plan text shipped with the project (kept exactly as scraped, noise and all). */
export const SEED_PLAN_FILE = path.join(__dirname, 'plan-2023.txt')

/** Turns a raw plan text into plans ready to store; the first is the one to make current. */
export function preparePlans(text: string): NewPlan[] {
  const { plans, removed } = parsePlanText(text)
  return plans.map((plan) => ({ ...plan, sourceText: text, removed }))
}

/** Fills an empty database with the demo roster, the seed plans and a year of activities; leaves a filled one alone. */
export async function seedDemoData(
  store: Store,
  now = new Date(),
): Promise<{ employees: number; plans: number; activities: number }> {
  return store.transaction(async (tx) => {
    let employees = 0
    let plans = 0
    let activities = 0
    if ((await tx.countEmployees()) === 0) {
      const roster = buildDemoRoster()
      await tx.insertEmployees(roster, now.toISOString())
      employees = roster.length
    }
    if ((await tx.countPlans()) === 0) {
      const prepared = preparePlans(fs.readFileSync(SEED_PLAN_FILE, 'utf8'))
      for (const [index, plan] of prepared.entries()) {
        await tx.insertPlan(plan, { publish: true, makeCurrent: index === 0, at: now.toISOString() })
        plans++
      }
    }
    if ((await tx.countActivities()) === 0) {
      activities = await seedDemoActivities(tx, now)
      await seedDemoCommunity(tx, now)
    }
    return { employees, plans, activities }
  })
}
