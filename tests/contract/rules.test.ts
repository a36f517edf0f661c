/**
 * The rules that protect data, on every store: the same calls through the router must give the same answers
 * on SQLite and on PostgreSQL, including when many transactions run at once (on PostgreSQL truly at once,
 * on a pool of connections).
 */
import type { Principal } from '../../src/cloud/context'
import { employeeNo, inHours, openApp, type App } from './harness'
import { STORES } from './stores'

describe.each(STORES)('rules on $name', (kind) => {
  let app: App
  let admin: Principal

  beforeAll(async () => {
    app = await openApp(kind)
    admin = await app.as('E0001')
  })

  afterAll(() => app.close())

  async function createActivity(fields: Record<string, unknown> = {}): Promise<number> {
    const created = await app.data(
      'admin.activity.create',
      { category: 'sports', title: '契约测试活动', startsAt: inHours(48), endsAt: inHours(50), ...fields },
      admin,
    )
    return created.id
  }

  it('gives 200 simultaneous registrations for 20 seats exactly 20 seats and 180 places in line, in order', async () => {
    const activityId = await createActivity({ capacity: 20 })
    const people = await Promise.all(Array.from({ length: 200 }, (_, i) => app.as(employeeNo(i + 1))))
    const results = await Promise.all(
      people.map((p) => app.call('registration.create', { activityId }, p).then((r) => r.body)),
    )
    expect(results.every((r) => r.ok)).toBe(true)
    const answers = results.map((r) => (r as { ok: true; data: any }).data)
    expect(answers.filter((a) => a.status === 'confirmed')).toHaveLength(20)
    const waitlisted = answers.filter((a) => a.status === 'waitlisted')
    expect(waitlisted).toHaveLength(180)
    // The order the database took them in: the 20 lowest ids have the seats, the rest queue behind them.
    const byId = [...answers].sort((a, b) => a.registration.id - b.registration.id)
    expect(byId.slice(0, 20).every((a) => a.status === 'confirmed')).toBe(true)
    expect(byId.slice(20).map((a) => a.position)).toEqual(Array.from({ length: 180 }, (_, i) => i + 1))
    // Counters equal rows.
    const rows = await app.store.listRegistrationsFor(activityId)
    expect(rows).toHaveLength(200)
    const detail = await app.data('activity.get', { id: activityId }, people[0])
    expect(detail).toMatchObject({ confirmedCount: 20, waitlistCount: 180 })
  })

  it('turns ten simultaneous submissions by one person into one registration', async () => {
    const activityId = await createActivity({ capacity: 5 })
    const me = await app.as('E0042')
    const answers = await Promise.all(
      Array.from({ length: 10 }, () => app.data('registration.create', { activityId }, me)),
    )
    expect(new Set(answers.map((a) => a.registration.id)).size).toBe(1)
    expect(answers.filter((a) => a.existing === false)).toHaveLength(1)
    expect(await app.store.listRegistrationsFor(activityId)).toHaveLength(1)
  })

  it('promotes the first in line when a seat is given up, and tells them in their inbox', async () => {
    const activityId = await createActivity({ capacity: 1 })
    const [a, b, c] = await Promise.all(['E0050', 'E0051', 'E0052'].map((no) => app.as(no)))
    for (const p of [a, b, c]) await app.data('registration.create', { activityId }, p)
    await app.data('registration.cancel', { activityId }, a)
    expect((await app.data('activity.get', { id: activityId }, b)).myRegistration.status).toBe('confirmed')
    expect((await app.data('activity.get', { id: activityId }, c)).myRegistration).toMatchObject({
      status: 'waitlisted',
      position: 1,
    })
    const inbox = await app.data('inbox.list', {}, b)
    expect(inbox.items.some((m: any) => m.kind === 'promoted' && m.activityId === activityId)).toBe(true)
  })

  it('keeps every option within its own seats when many choose at once', async () => {
    const activityId = await createActivity({
      capacity: 30,
      options: [
        { key: 'tug', label: '拔河', capacity: 4 },
        { key: 'rope', label: '跳绳', capacity: 30 },
      ],
      maxOptions: 1,
      waitlist: false,
    })
    const people = await Promise.all(Array.from({ length: 12 }, (_, i) => app.as(employeeNo(120 + i))))
    const results = await Promise.all(
      people.map((p) => app.call('registration.create', { activityId, options: ['tug'] }, p)),
    )
    expect(results.filter((r) => r.status === 200)).toHaveLength(4)
    expect(results.filter((r) => r.status === 409)).toHaveLength(8)
    const counts = await app.store.getSeatCounts(activityId)
    expect(counts).toEqual({ confirmed: 4, waitlisted: 0, byOption: { tug: 4 } })
  })

  it('counts 50 simultaneous votes by one person exactly up to the daily limit', async () => {
    const round = await app.data(
      'admin.goodpeople.round.create',
      {
        title: '契约测试身边好人',
        nominateOpensAt: inHours(-48),
        nominateClosesAt: inHours(-24),
        voteOpensAt: inHours(-1),
        voteClosesAt: inHours(72),
      },
      admin,
    )
    app.setNow(new Date(inHours(-30)))
    const ids: number[] = []
    for (const [by, nominee] of [
      ['E0101', 'E0031'],
      ['E0102', 'E0058'],
      ['E0103', 'E0077'],
      ['E0104', 'E0090'],
    ]) {
      const candidate = await app.data(
        'goodpeople.nominate',
        {
          roundId: round.id,
          nomineeEmployeeNo: nominee,
          category: '敬业奉献',
          deed: '连续三年春节坚守值班岗位，汛期带队转移群众，同事们都说哪里最危险哪里就有他。',
        },
        await app.as(by),
      )
      await app.data('admin.goodpeople.review', { id: candidate.id, decision: 'approved' }, admin)
      ids.push(candidate.id)
    }
    app.setNow(new Date(inHours(0)))
    const voter = await app.as('E0150')
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) => app.call('goodpeople.vote', { candidateId: ids[i % ids.length] }, voter)),
    )
    expect(results.filter((r) => r.status === 200)).toHaveLength(3)
    expect(results.filter((r) => r.status === 409)).toHaveLength(47)
    const tallies = (await app.data('goodpeople.round', { id: round.id }, admin)).candidates
    expect(tallies.reduce((n: number, c: any) => n + (c.votes ?? 0), 0)).toBeLessThanOrEqual(3)
  })

  it('binds one 工号 to one WeChat account even when two try at the same moment', async () => {
    const employee = (await app.store.getEmployeeByNo('E0188'))!
    const results = await Promise.all(
      ['o-first', 'o-second'].map((openid) =>
        app.call('auth.bind', { employeeNo: 'E0188', name: employee.name }, { openid }),
      ),
    )
    expect(results.map((r) => r.status).sort()).toEqual([200, 409])
    const bound = await app.store.getEmployeeByNo('E0188')
    expect(bound!.bound).toBe(true)
  })

  it('keeps one entry for a book that two colleagues recommend at the same moment', async () => {
    const [a, b] = await Promise.all(['E0060', 'E0061'].map((no) => app.as(no)))
    const results = await Promise.all(
      [a, b].map((p) => app.call('book.recommend', { title: '契约测试之书', author: '佚名' }, p)),
    )
    expect(results.map((r) => r.status)).toEqual([200, 200])
    const books = (await app.data('book.list', {}, a)).filter((x: any) => x.title === '契约测试之书')
    expect(books).toHaveLength(1)
    expect(books[0].recommendations).toBe(2)
  })

  it('writes nothing for a refused write', async () => {
    const before = await app.store.countActivities()
    const refused = await app.call('admin.activity.create', { category: 'sports', title: '<script>x</script>' }, admin)
    expect(refused.status).toBe(400)
    const forbidden = await app.call(
      'admin.activity.create',
      { category: 'sports', title: '越权', startsAt: inHours(48), endsAt: inHours(50) },
      await app.as('E0100'),
    )
    expect(forbidden.status).toBe(403)
    expect(await app.store.countActivities()).toBe(before)
  })

  it('shows in the activity list, at once, what a write changed and when a status changed', async () => {
    const activityId = await createActivity({
      capacity: 5,
      registrationOpensAt: inHours(2),
      title: '列表即时性测试',
    })
    const viewer = await app.as('E0160')
    const row = async () =>
      (await app.data('activity.list', { pageSize: 50 }, viewer)).items.find((a: any) => a.id === activityId)
    expect(await row()).toMatchObject({ status: 'upcoming', confirmedCount: 0, myStatus: null })
    // The moment registration opens, the same list says so.
    app.setNow(new Date(inHours(2)))
    expect(await row()).toMatchObject({ status: 'open', confirmedCount: 0 })
    await app.data('registration.create', { activityId }, await app.as('E0161'))
    expect(await row()).toMatchObject({ confirmedCount: 1, myStatus: null })
    await app.data('registration.create', { activityId }, viewer)
    expect(await row()).toMatchObject({ confirmedCount: 2, myStatus: 'confirmed' })
    app.setNow(new Date(inHours(0)))
  })
})
