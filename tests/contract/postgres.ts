/**
 * The PostgreSQL server the contract suite runs against: TEST_DATABASE_URL, which `bash .ci/run` sets after
 * installing and starting Debian's PostgreSQL. Each store under test gets a schema of its own, dropped after.
 */
import pg from 'pg'

export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? ''

/** Set by the global setup: 'on' when the server answered, else the reason the PostgreSQL runs were left out. */
export const PG_STATE_VAR = 'WM_CONTRACT_POSTGRES'
export const PG_REASON_VAR = 'WM_CONTRACT_POSTGRES_REASON'

/** The URL without its password, for messages. */
export function describeUrl(url: string): string {
  try {
    const parsed = new URL(url)
    if (parsed.password) parsed.password = '***'
    return parsed.toString()
  } catch {
    return '(not a URL)'
  }
}

/** Connects once and returns the server's version; throws what the driver said. */
export async function probePostgres(url: string): Promise<string> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 })
  await client.connect()
  try {
    const { rows } = await client.query<{ server_version: string }>('SHOW server_version')
    return rows[0].server_version
  } finally {
    await client.end()
  }
}

let counter = 0

/** A URL for a new, empty schema on the test server, and how to drop it. */
export function freshSchemaUrl(): {
  url: string
  rowCounts: () => Promise<Record<string, number>>
  drop: () => Promise<void>
} {
  const schema = `wm_test_${process.pid}_${++counter}_${Math.random().toString(36).slice(2, 8)}`
  const url = new URL(TEST_DATABASE_URL)
  url.searchParams.set('schema', schema)
  let counting: Promise<pg.Client> | null = null
  return {
    url: url.toString(),
    async rowCounts() {
      // One connection for all the counting of this store's life: a fuzz case counts twice.
      counting ??= (async () => {
        const client = new pg.Client({ connectionString: TEST_DATABASE_URL })
        await client.connect()
        return client
      })()
      const client = await counting
      const { rows } = await client.query<{ table_name: string }>(
        'SELECT table_name FROM information_schema.tables WHERE table_schema = $1 ORDER BY table_name',
        [schema],
      )
      const union = rows
        .map(({ table_name: name }) => `SELECT '${name}' AS t, count(*) AS n FROM ${schema}."${name}"`)
        .join(' UNION ALL ')
      const counts = await client.query<{ t: string; n: string }>(union)
      return Object.fromEntries(counts.rows.map((r) => [r.t, Number(r.n)]))
    },
    async drop() {
      if (counting) await (await counting).end()
      const client = new pg.Client({ connectionString: TEST_DATABASE_URL })
      await client.connect()
      try {
        await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`)
      } finally {
        await client.end()
      }
    },
  }
}
