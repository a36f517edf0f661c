import fs from 'node:fs'
import type { Principal } from '../../src/cloud/context'
import { SEED_PLAN_FILE } from '../../src/cloud/demo/seed'
import { dataOf, errorOf } from './admin-helpers'
import { createInProcess, type InProcess } from './helpers'

const SEED_TEXT = fs.readFileSync(SEED_PLAN_FILE, 'utf8')

// Next year's plan as an office would paste it: a title, a preamble, three themes, numbered points.
const PLAN_2024 = `XX局2024年度精神文明建设工作要点
2024年，局精神文明建设工作以习近平新时代中国特色社会主义思想为指导，全面贯彻落实党的二十大精神，围绕应急管理中心工作，深化文明单位创建，为新时代幸福XX建设凝聚精神力量。
一、坚持理论武装，筑牢思想根基
1.深化理论学习。依托党委理论学习中心组、“三会一课”等形式，推动党的创新理论入脑入心。
2.加强道德建设。持续开展道德讲堂活动，常态化开展“我推荐、我评议、我投票身边好人”活动。
二、深化创建活动，提升文明素养
3.推进文明单位创建。对照文明单位测评体系，补齐短板，巩固创建成果。
4.开展志愿服务。围绕“学雷锋纪念日”“防灾减灾日”等节点，组织干部职工参与应急科普志愿服务。
三、丰富文化生活，凝聚干事合力
5.开展书香机关建设。举办读书分享会，征集“我心中的好书”书目，营造多读书、读好书的氛围。
6.办好我们的节日。围绕春节、元宵、清明、端午、中秋、重阳等传统节日，开展主题活动。
`

let app: InProcess
let admin: Principal
let employee: Principal

beforeEach(async () => {
  app = await createInProcess()
  admin = await app.as('E0001')
  employee = await app.as('E0150')
})

afterEach(() => app.close())

async function importDraft(): Promise<number> {
  const { ids } = dataOf(await app.call('admin.plan.import', { text: PLAN_2024 }, admin))
  expect(ids).toHaveLength(1)
  return ids[0]
}

describe('plan preview', () => {
  it('shows the two plans of the seed text and the noise it cut, without saving anything', async () => {
    const plans = await app.store.countPlans()
    const preview = dataOf(await app.call('admin.plan.preview', { text: SEED_TEXT }, admin))
    expect(preview.plans.map((p: any) => [p.title, p.year, p.org, p.sections.length])).toEqual([
      ['XX局2023年度精神文明建设工作要点', 2023, 'XX局', 4],
      ['2023年度精神文明建设工作要点', 2023, 'XXX局', 4],
    ])
    expect(preview.removed).toEqual(
      expect.arrayContaining(['##paidbegin##', '【更多公文素材，微信：dadawk01】', '##paidend##']),
    )
    expect(JSON.stringify(preview.plans)).not.toContain('dadawk')
    expect(await app.store.countPlans()).toBe(plans)
  })

  it('answers 400 with a Chinese message to an empty text', async () => {
    const result = await app.call('admin.plan.preview', { text: '  \n\t ' }, admin)
    expect(result.status).toBe(400)
    expect(errorOf(result).message).toContain('请粘贴工作要点全文')
  })

  it('answers 400 with a Chinese message to a text that is no plan', async () => {
    const text = '关于做好2024年春节期间值班工作的通知\n各科室：春节将至，请各科室安排好值班人员，确保通讯畅通。'
    const result = await app.call('admin.plan.preview', { text }, admin)
    expect(result.status).toBe(400)
    expect(errorOf(result).message).toContain('未识别到工作要点')
  })

  it('answers 400 to a text that is only advertising noise', async () => {
    const result = await app.call(
      'admin.plan.preview',
      { text: '【更多公文素材，微信：dadawk01】\n##paidend##' },
      admin,
    )
    expect(result.status).toBe(400)
    expect(errorOf(result).message).toMatch(/[\u4e00-\u9fa5]/)
  })
})

describe('plan import and publishing', () => {
  it('parses next year’s text into a draft with its themes and points', async () => {
    const id = await importDraft()
    const draft = dataOf(await app.call('plan.get', { id }, admin))
    expect(draft).toMatchObject({ title: 'XX局2024年度精神文明建设工作要点', year: 2024, publishedAt: null })
    expect(draft.isCurrent).toBe(false)
    expect(draft.sections.map((s: any) => [s.title, s.items.map((i: any) => i.heading)])).toEqual([
      ['坚持理论武装，筑牢思想根基', ['深化理论学习', '加强道德建设']],
      ['深化创建活动，提升文明素养', ['推进文明单位创建', '开展志愿服务']],
      ['丰富文化生活，凝聚干事合力', ['开展书香机关建设', '办好我们的节日']],
    ])
  })

  it('keeps a draft from employees: plan.get answers 404 and plan.list leaves it out', async () => {
    const id = await importDraft()
    const result = await app.call('plan.get', { id }, employee)
    expect(result.status).toBe(404)
    const listed = dataOf(await app.call('plan.list', {}, employee))
    expect(listed.map((p: any) => p.id)).not.toContain(id)
  })

  it('shows a draft to the administrator in plan.list', async () => {
    const id = await importDraft()
    const listed = dataOf(await app.call('plan.list', {}, admin))
    expect(listed.find((p: any) => p.id === id)).toMatchObject({ year: 2024, publishedAt: null, sectionCount: 3 })
  })

  it('leaves the current plan current until the draft is published', async () => {
    const before = dataOf(await app.call('plan.current', {}, employee))
    await importDraft()
    expect(dataOf(await app.call('plan.current', {}, employee)).id).toBe(before.id)
  })

  it('makes a published plan the current one for everyone', async () => {
    const id = await importDraft()
    const published = dataOf(await app.call('admin.plan.publish', { id }, admin))
    expect(published).toMatchObject({ id, isCurrent: true, publishedAt: expect.any(String) })
    expect(dataOf(await app.call('plan.current', {}, employee)).id).toBe(id)
    expect(dataOf(await app.call('plan.list', {}, employee))[0]).toMatchObject({ id, isCurrent: true })
  })

  it('keeps the previous plan readable after a new one is published', async () => {
    const old = dataOf(await app.call('plan.current', {}, employee))
    dataOf(await app.call('admin.plan.publish', { id: await importDraft() }, admin))
    const again = dataOf(await app.call('plan.get', { id: old.id }, employee))
    expect(again).toMatchObject({ id: old.id, title: old.title, isCurrent: false })
    expect(again.sections).toEqual(old.sections)
  })

  it('answers 404 when publishing a plan that does not exist', async () => {
    const current = await app.store.getCurrentPlanId()
    const result = await app.call('admin.plan.publish', { id: 9999 }, admin)
    expect(result.status).toBe(404)
    expect(await app.store.getCurrentPlanId()).toBe(current)
  })

  it('keeps the noise cut from a plan for the administrator to check', async () => {
    const removed = dataOf(await app.call('admin.plan.removed', { id: (await app.store.getCurrentPlanId())! }, admin))
    expect(removed).toEqual(
      expect.arrayContaining(['##paidbegin##', '文库会员价格限时优惠中，每天更新材料，有意加入请联系']),
    )
  })

  it('imports only the chosen documents of a text that holds several', async () => {
    const plans = await app.store.countPlans()
    const { ids } = dataOf(await app.call('admin.plan.import', { text: SEED_TEXT, indexes: [1] }, admin))
    expect(ids).toHaveLength(1)
    expect(await app.store.countPlans()).toBe(plans + 1)
    expect(dataOf(await app.call('plan.get', { id: ids[0] }, admin)).org).toBe('XXX局')
  })
})
