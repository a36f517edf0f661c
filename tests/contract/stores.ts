/** The stores the contract suite runs on: SQLite always, PostgreSQL when the global setup found a server. */
import path from 'node:path'
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
      async close() {
        await store.close()
        await target.drop()
      },
    }
  },
}

export const STORES: StoreUnderTest[] = process.env[PG_STATE_VAR] === 'on' ? [sqlite, postgres] : [sqlite]
