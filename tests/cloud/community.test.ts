import type { Principal } from '../../src/cloud/context'
import { createInProcess, FIXED_NOW, type InProcess } from './helpers'

let app: InProcess
let admin: Principal
const DAY = 24 * 3600 * 1000
const at = (days: number) => new Date(FIXED_NOW.getTime() + days * DAY).toISOString()

beforeEach(async () => {
  app = await createInProcess()
  admin = await app.as('E0001')
})

afterEach(() => app.close())

const data = (result: Awaited<ReturnType<InProcess['call']>>) => {
  if (!result.body.ok) throw new Error(`${result.status} ${result.body.error.message}`)
  return result.body.data as any
}

async function createRound(overrides: Record<string, unknown> = {}): Promise<number> {
  return data(
    await app.call(
      'admin.goodpeople.round.create',
      {
        title: '第一季度身边好人',
        nominateOpensAt: at(-1),
        nominateClosesAt: at(5),
        voteOpensAt: at(6),
        voteClosesAt: at(10),
        ...overrides,
      },
      admin,
    ),
  ).id
}

async function nominate(roundId: number, by: string, nomineeEmployeeNo: string): Promise<number> {
  return data(
    await app.call(
      'goodpeople.nominate',
      {
        roundId,
        nomineeEmployeeNo,
        category: '敬业奉献',
        deed: '连续三年春节坚守值班岗位，汛期带队转移群众，同事们都说哪里最危险哪里就有他。',
      },
      await app.as(by),
    ),
  ).id
}

describe('身边好人: nominate, comment, review, vote, publish', () => {
  it('takes a nomination through approval and voting to published results', async () => {
    const roundId = await createRound()
    const a = await nominate(roundId, 'E0101', 'E0031')
    const b = await nominate(roundId, 'E0102', 'E0058')
    data(
      await app.call(
        'goodpeople.comment',
        { candidateId: a, text: '他的事迹我亲眼见过，实至名归。' },
        await app.as('E0103'),
      ),
    )
    data(await app.call('goodpeople.second', { candidateId: a }, await app.as('E0103')))
    data(await app.call('admin.goodpeople.review', { id: a, decision: 'approved' }, admin))
    data(await app.call('admin.goodpeople.review', { id: b, decision: 'approved' }, admin))
    app.setNow(new Date(at(7)))
    for (const no of ['E0110', 'E0111', 'E0112'])
      data(await app.call('goodpeople.vote', { candidateId: a }, await app.as(no)))
    data(await app.call('goodpeople.vote', { candidateId: b }, await app.as('E0110')))
    const during = data(await app.call('goodpeople.round', { id: roundId }, await app.as('E0120')))
    expect(during.candidates.every((c: any) => c.votes === null)).toBe(true)
    expect((await app.call('goodpeople.results', { id: roundId }, await app.as('E0120'))).status).toBe(409)
    app.setNow(new Date(at(11)))
    data(await app.call('admin.goodpeople.publish', { id: roundId }, admin))
    const results = data(await app.call('goodpeople.results', { id: roundId }, await app.as('E0120')))
    expect(results.winners.map((c: any) => [c.nomineeName, c.votes])).toEqual([
      [(await app.store.getEmployeeByNo('E0031'))!.name, 3],
      [(await app.store.getEmployeeByNo('E0058'))!.name, 1],
    ])
  })

  it('counts 50 parallel votes by one employee exactly up to the daily limit', async () => {
    const roundId = await createRound({ votesPerDay: 3, votesPerCandidatePerDay: 1 })
    const ids: number[] = []
    for (const [i, no] of ['E0031', 'E0058', 'E0077', 'E0104', 'E0140'].entries()) {
      ids.push(await nominate(roundId, `E01${String(10 + i)}`, no))
    }
    for (const id of ids) await app.call('admin.goodpeople.review', { id, decision: 'approved' }, admin)
    app.setNow(new Date(at(7)))
    const voter = await app.as('E0150')
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) => app.call('goodpeople.vote', { candidateId: ids[i % ids.length] }, voter)),
    )
    expect(results.filter((r) => r.status === 200)).toHaveLength(3)
    expect(results.filter((r) => r.status === 409)).toHaveLength(47)
    app.setNow(new Date(at(11)))
    const round = data(await app.call('goodpeople.round', { id: roundId }, voter))
    expect(round.candidates.reduce((n: number, c: any) => n + c.votes, 0)).toBe(3)
    expect(round.candidates.every((c: any) => c.votes <= 1)).toBe(true)
  })

  it('gives a new day a new allowance of votes, counted in Beijing time', async () => {
    const roundId = await createRound({ votesPerDay: 1 })
    const id = await nominate(roundId, 'E0101', 'E0031')
    await app.call('admin.goodpeople.review', { id, decision: 'approved' }, admin)
    const voter = await app.as('E0150')
    app.setNow(new Date('2026-03-07T15:30:00.000Z')) // 23:30 in Beijing
    expect((await app.call('goodpeople.vote', { candidateId: id }, voter)).status).toBe(200)
    app.setNow(new Date('2026-03-07T16:30:00.000Z')) // 00:30 the next day in Beijing
    expect((await app.call('goodpeople.vote', { candidateId: id }, voter)).status).toBe(200)
  })

  it('answers 409 to a vote outside the voting window and writes nothing', async () => {
    const roundId = await createRound()
    const id = await nominate(roundId, 'E0101', 'E0031')
    await app.call('admin.goodpeople.review', { id, decision: 'approved' }, admin)
    const early = await app.call('goodpeople.vote', { candidateId: id }, await app.as('E0150'))
    expect(early.status).toBe(409)
    app.setNow(new Date(at(10)))
    const late = await app.call('goodpeople.vote', { candidateId: id }, await app.as('E0150'))
    expect(late.status).toBe(409)
    app.setNow(new Date(at(11)))
    const round = data(await app.call('goodpeople.round', { id: roundId }, await app.as('E0150')))
    expect(round.candidates[0].votes).toBe(0)
  })

  it('does not let anyone vote for a candidate still under review', async () => {
    const roundId = await createRound()
    const id = await nominate(roundId, 'E0101', 'E0031')
    app.setNow(new Date(at(7)))
    expect((await app.call('goodpeople.vote', { candidateId: id }, await app.as('E0150'))).status).toBe(409)
  })

  it('hides a rejected nomination from everyone but its nominator and administrators', async () => {
    const roundId = await createRound()
    const id = await nominate(roundId, 'E0101', 'E0031')
    data(await app.call('admin.goodpeople.review', { id, decision: 'rejected', reason: '事迹材料不够具体' }, admin))
    expect(data(await app.call('goodpeople.round', { id: roundId }, await app.as('E0150'))).candidates).toEqual([])
    const own = data(await app.call('goodpeople.round', { id: roundId }, await app.as('E0101'))).candidates
    expect(own[0]).toMatchObject({ status: 'rejected', reviewReason: '事迹材料不够具体' })
  })

  it('refuses to nominate the same colleague twice in a round', async () => {
    const roundId = await createRound()
    await nominate(roundId, 'E0101', 'E0031')
    const again = await app.call(
      'goodpeople.nominate',
      {
        roundId,
        nomineeEmployeeNo: 'E0031',
        category: '助人为乐',
        deed: '热心帮助同事解决生活困难，多年如一日，从不计较个人得失，大家有口皆碑。',
      },
      await app.as('E0102'),
    )
    expect(again.status).toBe(409)
  })

  it('accepts someone outside the bureau by name and unit, and rejects a deed that is too short', async () => {
    const roundId = await createRound()
    const outside = await app.call(
      'goodpeople.nominate',
      {
        roundId,
        nomineeName: '李大姐',
        nomineeUnit: '幸福里社区',
        category: '助人为乐',
        deed: '二十年来义务为社区孤寡老人理发、送饭，风雨无阻，社区居民都亲切地叫她李大姐。',
      },
      await app.as('E0101'),
    )
    expect(data(outside)).toMatchObject({ nomineeName: '李大姐', nomineeEmployeeId: null, status: 'pending' })
    const short = await app.call(
      'goodpeople.nominate',
      { roundId, nomineeName: '张三', nomineeUnit: '某单位', category: '助人为乐', deed: '好人' },
      await app.as('E0102'),
    )
    expect(short.status).toBe(400)
  })
})

describe('书香阅读', () => {
  it('makes 《平凡的世界》 路遥 and 平凡的世界（路遥） one entry, seconded', async () => {
    const first = data(
      await app.call('book.recommend', { title: '《平凡的世界》 路遥', reason: '催人奋进' }, await app.as('E0170')),
    )
    const second = data(await app.call('book.recommend', { title: '平凡的世界（路遥）' }, await app.as('E0171')))
    expect(second.book.id).toBe(first.book.id)
    expect(second.merged).toBe(true)
    const books = data(await app.call('book.list', {}, await app.as('E0170')))
    expect(books.filter((b: any) => b.title === '平凡的世界')).toHaveLength(1)
  })

  it('ranks books by how many colleagues recommend them', async () => {
    const books = data(await app.call('book.list', {}, await app.as('E0170')))
    const counts = books.map((b: any) => b.recommendations)
    expect(counts).toEqual([...counts].sort((x: number, y: number) => y - x))
  })

  it('publishes a reading note only after review, and counts likes once per person', async () => {
    const me = await app.as('E0170')
    const note = data(
      await app.call(
        'note.submit',
        {
          bookTitle: '苏东坡传',
          title: '豁达的力量',
          body: '读林语堂先生的《苏东坡传》，最难忘的是东坡先生一生屡遭贬谪，却总能在困境中找到生活的乐趣。黄州的东坡肉、惠州的荔枝，都是他乐观精神的写照。',
        },
        me,
      ),
    )
    expect(note.status).toBe('pending')
    const before = data(await app.call('note.list', {}, await app.as('E0171')))
    expect(before.some((n: any) => n.id === note.id)).toBe(false)
    expect((await app.call('note.like', { id: note.id, liked: true }, await app.as('E0171'))).status).toBe(404)
    data(await app.call('admin.note.review', { id: note.id, decision: 'approved' }, admin))
    const reader = await app.as('E0171')
    data(await app.call('note.like', { id: note.id, liked: true }, reader))
    const liked = data(await app.call('note.like', { id: note.id, liked: true }, reader))
    expect(liked).toMatchObject({ likes: 1, liked: true })
  })
})

describe('volunteer hours', () => {
  it('credits the hours of a volunteer activity on check-in, in the ledger and the department totals', async () => {
    const created = data(
      await app.call(
        'admin.activity.create',
        {
          category: 'volunteer',
          title: '社区应急知识宣传',
          startsAt: at(1),
          endsAt: new Date(Date.parse(at(1)) + 3 * 3600 * 1000).toISOString(),
          checkinOpensAt: at(-1),
          volunteerHours: 2.5,
        },
        admin,
      ),
    )
    const me = await app.as('E0180')
    await app.call('registration.create', { activityId: created.id }, me)
    const { code } = data(await app.call('admin.activity.checkinCode', { id: created.id }, admin))
    data(await app.call('checkin.create', { activityId: created.id, code }, me))
    const ledger = data(await app.call('volunteer.mine', { year: 2026 }, me))
    expect(ledger).toMatchObject({ totalHours: 2.5, entries: [{ title: '社区应急知识宣传', hours: 2.5 }] })
    const summary = data(await app.call('volunteer.summary', { year: 2026 }, me))
    const department = (await app.store.getEmployeeByNo('E0180'))!.department
    expect(summary.departments.find((d: any) => d.department === department)).toMatchObject({ hours: 2.5, people: 1 })
    expect(summary.top[0]).toMatchObject({ employeeNo: 'E0180', hours: 2.5 })
    const candidates = data(await app.call('admin.volunteer.candidates', { year: 2026, minHours: 2 }, admin))
    expect(candidates.map((p: any) => p.employeeNo)).toEqual(['E0180'])
  })
})

describe('festival calendar and work-point outputs', () => {
  it('lists the festivals with lunar dates and the plan observances, with their activities', async () => {
    const calendar = data(await app.call('calendar.year', { year: 2026 }, await app.as('E0101')))
    const byName = Object.fromEntries(calendar.map((e: any) => [e.name, e]))
    expect(byName['春节'].date).toBe('2026-02-17')
    expect(byName['中秋节'].date).toBe('2026-09-25')
    expect(byName['学雷锋纪念日'].date).toBe('2026-03-05')
    expect(byName['安全生产月']).toMatchObject({ date: '2026-06-01', endDate: '2026-06-30' })
    expect(byName['元宵节'].activities.map((a: any) => a.title)).toContain('元宵节·猜灯谜')
    expect(byName['学雷锋纪念日'].activities.map((a: any) => a.title)).toContain('学雷锋志愿服务：走进社区宣传应急知识')
  })

  it('shows what the reading work point has produced', async () => {
    const plan = data(await app.call('plan.current', {}, await app.as('E0101')))
    const reading = plan.sections[3].items[0]
    const outputs = data(await app.call('plan.itemOutputs', { itemId: reading.id }, await app.as('E0101')))
    expect(outputs.activities.length).toBeGreaterThanOrEqual(2)
    expect(outputs.books.total).toBeGreaterThan(0)
    expect(outputs.notes.published).toBeGreaterThan(0)
  })

  it("counts a work point's confirmed registrations, check-ins and the hours they earned", async () => {
    const plan = data(await app.call('plan.current', {}, await app.as('E0101')))
    const point = plan.sections[2].items[0]
    const outputs = async () => data(await app.call('plan.itemOutputs', { itemId: point.id }, await app.as('E0101')))
    const before = await outputs()
    const volunteer = async (title: string, hours: number, capacity: number) =>
      data(
        await app.call(
          'admin.activity.create',
          {
            category: 'volunteer',
            title,
            startsAt: at(1),
            endsAt: new Date(Date.parse(at(1)) + 3 * 3600 * 1000).toISOString(),
            checkinOpensAt: at(-1),
            volunteerHours: hours,
            capacity,
            planItemIds: [point.id],
          },
          admin,
        ),
      ).id as number
    const first = await volunteer('社区义诊志愿服务', 2.5, 2)
    const second = await volunteer('文明交通劝导', 1.5, 5)
    const people = await Promise.all(['E0150', 'E0151', 'E0152'].map((no) => app.as(no)))
    // Two seats on the first: the third waits and does not count.
    for (const person of people) data(await app.call('registration.create', { activityId: first }, person))
    data(await app.call('registration.create', { activityId: second }, people[0]))
    const checkIn = async (activityId: number, person: Principal) => {
      const { code } = data(await app.call('admin.activity.checkinCode', { id: activityId }, admin))
      data(await app.call('checkin.create', { activityId, code }, person))
    }
    await checkIn(first, people[0])
    await checkIn(first, people[1])
    await checkIn(second, people[0])
    const after = await outputs()
    expect(after.attendance.registered - before.attendance.registered).toBe(3)
    expect(after.attendance.checkedIn - before.attendance.checkedIn).toBe(3)
    expect(after.volunteerHours - before.volunteerHours).toBeCloseTo(2.5 * 2 + 1.5, 5)
    expect(after.activities.length - before.activities.length).toBe(2)
  })

  it('shows the 身边好人 round on the work point that calls for it', async () => {
    const plan = data(await app.call('plan.current', {}, await app.as('E0101')))
    const goodPeople = plan.sections[0].items[1]
    const outputs = data(await app.call('plan.itemOutputs', { itemId: goodPeople.id }, await app.as('E0101')))
    expect(outputs.rounds).toHaveLength(1)
    expect(outputs.rounds[0].approved).toBe(4)
  })
})
