import { createInProcess, DEMO_THEMES, type InProcess } from './helpers'

let app: InProcess
let employee: { employeeId: number }
let admin: { employeeId: number }

beforeAll(async () => {
  app = await createInProcess()
  employee = { employeeId: (await app.store.getEmployeeByNo('E0100'))!.id }
  admin = { employeeId: (await app.store.getEmployeeByNo('E0001'))!.id }
})

afterAll(() => app.close())

describe('plan actions on the demo data', () => {
  it('serves the seed plan of XX局 as the current plan with four themes', async () => {
    const result = await app.call('plan.current', {}, employee)
    expect(result.status).toBe(200)
    if (!result.body.ok) throw new Error(result.body.error.message)
    const plan = result.body.data as any
    expect(plan).toMatchObject({ title: 'XX局2023年度精神文明建设工作要点', year: 2023, org: 'XX局', isCurrent: true })
    expect(plan.sections.map((s: any) => s.title)).toEqual(DEMO_THEMES)
    expect(plan.sections.map((s: any) => s.items.length)).toEqual([3, 2, 2, 2])
  })

  it('lists both plans of the seed, the current one first', async () => {
    const result = await app.call('plan.list', {}, employee)
    if (!result.body.ok) throw new Error(result.body.error.message)
    const plans = result.body.data as any[]
    expect(plans).toHaveLength(2)
    expect(plans[0]).toMatchObject({ isCurrent: true, sectionCount: 4, itemCount: 9 })
    expect(plans[1]).toMatchObject({ isCurrent: false, sectionCount: 4, itemCount: 12, org: 'XXX局' })
  })

  it('serves any published plan by id', async () => {
    const list = await app.call('plan.list', {}, employee)
    const second = (list.body as any).data[1]
    const result = await app.call('plan.get', { id: second.id }, employee)
    expect(result.status).toBe(200)
    expect((result.body as any).data.sections[2].items.map((i: any) => i.sourceNumber)).toEqual(['一', '三', '三'])
  })

  it('answers 404 for a plan that does not exist', async () => {
    const result = await app.call('plan.get', { id: 9999 }, employee)
    expect(result.status).toBe(404)
  })

  it('keeps drafts from employees but shows them to administrators', async () => {
    const id = await app.store.insertPlan(
      { title: '草稿', year: 2024, org: null, preamble: '', sourceText: '', removed: [], sections: [] },
      { publish: false, makeCurrent: false, at: new Date().toISOString() },
    )
    expect((await app.call('plan.get', { id }, employee)).status).toBe(404)
    expect((await app.call('plan.get', { id }, admin)).status).toBe(200)
    const employeeList = (await app.call('plan.list', {}, employee)).body as any
    expect(employeeList.data.some((p: any) => p.id === id)).toBe(false)
  })

  it('contains none of the noise of the raw text', async () => {
    const result = await app.call('plan.list', {}, employee)
    for (const summary of (result.body as any).data) {
      const plan = (await app.call('plan.get', { id: summary.id }, admin)).body as any
      const text = JSON.stringify(plan.data)
      for (const noise of ['公文素材', 'dadawk', '##paid', '文库会员', '有意加入请联系'])
        expect(text).not.toContain(noise)
    }
  })
})
