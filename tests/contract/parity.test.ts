/**
 * The same calls give the same answers on every store: a day of the bureau's use (registrations, cancels,
 * check-ins, votes, books, notes, an import) and then every read the app and the console make, compared
 * answer by answer between SQLite and PostgreSQL. Differences in ordering, NULL handling, number types or
 * text matching between the two databases show up here.
 */
import { employeeNo, inHours, openApp, type App } from './harness'
import { STORES, type StoreUnderTest } from './stores'

jest.setTimeout(120_000)

interface Answer {
  call: string
  status: number
  body: unknown
}

async function aDayOfUse(kind: StoreUnderTest): Promise<Answer[]> {
  const app: App = await openApp(kind)
  const answers: Answer[] = []
  const record = async (label: string, action: string, payload: unknown, who: string) => {
    const result = await app.call(action, payload, await app.as(who))
    answers.push({
      call: `${label} ${action} ${JSON.stringify(payload)} as ${who}`,
      status: result.status,
      body: result.body,
    })
    return result.body.ok ? (result.body.data as any) : null
  }
  try {
    // Writes, one after another so that both databases see the same sequence.
    const sports = await record(
      'write',
      'admin.activity.create',
      {
        category: 'sports',
        title: '对照测试运动会',
        startsAt: inHours(30),
        endsAt: inHours(33),
        capacity: 3,
        options: [
          { key: 'tug', label: '拔河', capacity: 2 },
          { key: 'rope', label: '跳绳', capacity: null },
        ],
        maxOptions: 2,
      },
      'E0002',
    )
    for (let i = 10; i < 16; i++) {
      await record(
        'write',
        'registration.create',
        { activityId: sports.id, options: i % 2 ? ['tug'] : ['rope'] },
        employeeNo(i),
      )
    }
    await record('write', 'registration.cancel', { activityId: sports.id }, 'E0010')
    await record('write', 'registration.cancel', { activityId: sports.id }, 'E0011')
    const registrants = await record('read', 'admin.registration.list', { activityId: sports.id }, 'E0001')
    const e0012 = registrants.find((r: any) => r.employee.employeeNo === 'E0012')
    await record(
      'write',
      'admin.checkin.manual',
      { activityId: sports.id, registrationId: e0012.registrationId },
      'E0001',
    )
    await record(
      'write',
      'book.recommend',
      { title: '平凡的世界', author: '路遥', reason: '写尽普通人的坚韧' },
      'E0020',
    )
    await record('write', 'book.recommend', { title: '《平凡的世界》', author: '路遥' }, 'E0021')
    const csv = '\uFEFF工号,姓名,部门,手机\nE0201,新同事,办公室,13800000201\ne0012,改名同事,人事科,\n'
    const contentBase64 = Buffer.from(csv).toString('base64')
    await record('write', 'admin.roster.import', { fileName: 'roster.csv', contentBase64, commit: true }, 'E0001')
    await record('write', 'inbox.read', {}, 'E0013')

    // Reads, as an employee and as the administrator.
    const employee = 'E0014'
    const plan = await record('read', 'plan.current', {}, employee)
    await record('read', 'plan.list', {}, employee)
    if (plan) {
      await record('read', 'plan.get', { id: plan.id }, employee)
      await record('read', 'plan.itemOutputs', { itemId: plan.sections[0].items[0].id }, employee)
    }
    for (const filter of [{}, { category: 'reading' }, { status: 'open' }, { page: 2 }, { pageSize: 50 }]) {
      await record('read', 'activity.list', filter, employee)
    }
    await record('read', 'activity.get', { id: sports.id }, 'E0015')
    for (const who of ['E0010', 'E0012', 'E0013', 'E0015']) await record('read', 'registration.mine', {}, who)
    for (const who of ['E0011', 'E0013', 'E0015']) await record('read', 'inbox.list', {}, who)
    await record('read', 'calendar.year', { year: 2026 }, employee)
    const rounds = await record('read', 'goodpeople.rounds', {}, employee)
    for (const round of rounds ?? []) await record('read', 'goodpeople.round', { id: round.id }, employee)
    await record('read', 'book.list', {}, 'E0020')
    await record('read', 'note.list', {}, employee)
    await record('read', 'volunteer.mine', { year: 2026 }, employee)
    await record('read', 'volunteer.summary', { year: 2026 }, employee)
    await record('read', 'me.get', {}, 'E0012')
    await record('read', 'admin.activity.list', {}, 'E0001')
    await record('read', 'admin.registration.list', { activityId: sports.id }, 'E0001')
    await record('read', 'admin.departments', {}, 'E0001')
    for (const year of [2025, 2026]) await record('read', 'admin.participation', { year }, 'E0001')
    for (const q of ['e001', 'E0012', '同事', '%', '_']) await record('read', 'admin.employee.list', { q }, 'E0001')
    await record('read', 'admin.employee.list', { department: '办公室', active: true }, 'E0001')
    await record('read', 'admin.audit.list', {}, 'E0001')
    await record('read', 'admin.note.list', {}, 'E0001')
    return answers
  } finally {
    await app.close()
  }
}

// Without a PostgreSQL server, two SQLite databases: the day must at least be reproducible (no wall clock,
// no randomness in any answer).
const COMPARED = STORES.length > 1 ? STORES : [STORES[0], STORES[0]]

describe('the same answers on every store', () => {
  it(`answers every call of a day's use on ${COMPARED.map((s) => s.name).join(' and ')} identically`, async () => {
    // Both days run to the end (and close their stores) before any failure is reported.
    const days = await Promise.allSettled(COMPARED.map((kind) => aDayOfUse(kind)))
    const [reference, ...others] = days.map((day) => {
      if (day.status === 'rejected') throw day.reason
      return day.value
    })
    // The script itself must work: every call succeeds.
    const failed = reference.filter((a) => a.status !== 200).map((a) => `${a.status} ${a.call}`)
    expect(failed).toEqual([])
    for (const other of others) {
      expect(other.map((a) => a.call)).toEqual(reference.map((a) => a.call))
      for (let i = 0; i < reference.length; i++) expect({ ...other[i] }).toEqual({ ...reference[i] })
    }
  })
})
