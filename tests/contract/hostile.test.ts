/**
 * Hostile input on every store: arbitrary payloads to every action (numbers past PostgreSQL's INTEGER, 1 MB
 * strings, deep nesting, markup, SQL metacharacters) answer below 500 and a refusal writes nothing. The full
 * 10,000-case run is tests/cloud/hostile-input.test.ts on SQLite; this one proves the server database refuses
 * the same way (a value the database itself rejects would surface here as a 500).
 */
import * as fc from 'fast-check'
import type { Principal } from '../../src/cloud/context'
import { ACTIONS } from '../../src/cloud/router'
import { payloadFor } from '../cloud/hostile-values'
import { openApp, type App } from './harness'
import { STORES } from './stores'

jest.setTimeout(180_000)

const RUNS_PER_ACTION = 20

describe.each(STORES)('hostile input on $name', (kind) => {
  let app: App
  let principals: Principal[]

  beforeAll(async () => {
    app = await openApp(kind)
    principals = [
      {},
      { openid: 'o-fuzz-unbound' },
      await app.as('E0150'),
      await app.as('E0002'),
      await app.as('E0001'),
      { employeeId: 987654 },
    ]
  })

  afterAll(() => app.close())

  it('answers every action below 500 and writes nothing when it refuses', async () => {
    let cases = 0
    for (const action of Object.keys(ACTIONS)) {
      await fc.assert(
        fc.asyncProperty(
          fc.integer({ min: 0, max: principals.length - 1 }),
          payloadFor(action),
          async (who, payload) => {
            cases++
            const before = await app.opened.rowCounts()
            const result = await app.call(action, payload, principals[who])
            if (result.status >= 500)
              throw new Error(`${action} answered ${result.status} to ${JSON.stringify(payload)?.slice(0, 200)}`)
            if (!result.body.ok) expect(await app.opened.rowCounts()).toEqual(before)
          },
        ),
        { numRuns: RUNS_PER_ACTION },
      )
    }
    expect(cases).toBe(RUNS_PER_ACTION * Object.keys(ACTIONS).length)
  })

  it('refuses ids past the largest the database holds as input, not as a database error', async () => {
    const result = await app.call('activity.get', { id: 2 ** 31 }, principals[2])
    expect(result.status).toBe(400)
  })
})
