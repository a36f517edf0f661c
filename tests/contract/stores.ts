/** The stores the contract suite runs on: SQLite always, PostgreSQL when the global setup found a server. */
import path from 'node:path'
import Database from 'better-sqlite3'
import { openPostgresStore } from '../../src/cloud/store/postgres'
import { openSqliteStore } from '../../src/cloud/store/sqlite'
import type { Store } from '../../src/cloud/store/types'
import { makeTempDir } from '../cloud/helpers'
import { freshSchemaUrl, PG_STATE_VAR } from './postgres'

export interface OpenedStore {
  store: Store
  /** How the gateway would be pointed at this same database. */
  env: Record<string, string>
  /** Opens a second, independent handle on the same database (as a second process would). */
  reopen: () => Promise<Store>
  /** Rows per table, read on a connection of its own: what any committed write changes. */
  rowCounts: () => Promise<Record<string, number>>
  close: () => Promise<void>
}

export interface StoreUnderTest {
  name: 'SQLite' | 'PostgreSQL'
  open: () => Promise<OpenedStore>
}

const sqlite: StoreUnderTest = {
  name: 'SQLite',
  async open() {
    const temp = makeTempDir()
    const file = path.join(temp.dir, 'wenming.db')
    const store = openSqliteStore(file)
    return {
      store,
      env: { DATA_DIR: temp.dir },
      reopen: async () => openSqliteStore(file),
      async rowCounts() {
        const db = new Database(file, { readonly: true })
        try {
          const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as {
            name: string
          }[]
          return Object.fromEntries(
            tables.map(({ name }) => [
              name,
              (db.prepare(`SELECT count(*) AS n FROM "${name}"`).get() as { n: number }).n,
            ]),
          )
        } finally {
          db.close()
        }
      },
      async close() {
        await store.close()
        temp.cleanup()
      },
    }
  },
}

const postgres: StoreUnderTest = {
  name: 'PostgreSQL',
  async open() {
    const target = freshSchemaUrl()
    const store = await openPostgresStore(target.url)
    return {
      store,
      env: { DATABASE_URL: target.url },
      reopen: () => openPostgresStore(target.url),
      rowCounts: () => target.rowCounts(),
      async close() {
        await store.close()
        await target.drop()
      },
    }
  },
}

export const STORES: StoreUnderTest[] = process.env[PG_STATE_VAR] === 'on' ? [sqlite, postgres] : [sqlite]
