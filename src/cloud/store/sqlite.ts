import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { migrationsFor } from './migrations'
import type { SqlBackend, SqlConn, SqlParams } from './sql'
import { SqlStore } from './sql-store'
import type { Store } from './types'

type Db = Database.Database

/** Serialises access to the one connection, so a transaction never interleaves with another request. */
class Mutex {
  private tail: Promise<void> = Promise.resolve()

  async run<T>(fn: () => Promise<T>): Promise<T> {
    const previous = this.tail
    let release!: () => void
    this.tail = new Promise<void>((resolve) => (release = resolve))
    await previous
    try {
      return await fn()
    } finally {
      release()
    }
  }
}

const args = (params: SqlParams | undefined): unknown[] =>
  params === undefined ? [] : Array.isArray(params) ? params : [params]

/**
 * One better-sqlite3 connection behind a mutex. Statements are compiled once and kept; a transaction is
 * BEGIN IMMEDIATE, so it holds the write lock from its first statement and no other writer interleaves.
 */
class SqliteBackend implements SqlBackend {
  readonly dialect = 'sqlite' as const
  private readonly mutex = new Mutex()
  private readonly statements = new Map<string, Database.Statement>()
  private readonly conn: SqlConn

  constructor(private readonly db: Db) {
    this.conn = {
      dialect: 'sqlite',
      lockRows: '',
      all: async <T>(text: string, params?: SqlParams) => this.statement(text).all(...args(params)) as T[],
      get: async <T>(text: string, params?: SqlParams) => this.statement(text).get(...args(params)) as T | undefined,
      run: async (text: string, params?: SqlParams) => this.statement(text).run(...args(params)).changes,
    }
  }

  private statement(text: string): Database.Statement {
    let statement = this.statements.get(text)
    if (!statement) {
      // Built SQL (IN lists, filters) has few shapes; the bound keeps an unexpected many from growing without end.
      if (this.statements.size > 1000) this.statements.clear()
      statement = this.db.prepare(text)
      this.statements.set(text, statement)
    }
    return statement
  }

  read<T>(fn: (conn: SqlConn) => Promise<T>): Promise<T> {
    return this.mutex.run(() => fn(this.conn))
  }

  transaction<T>(fn: (conn: SqlConn) => Promise<T>): Promise<T> {
    return this.mutex.run(async () => {
      this.statement('BEGIN IMMEDIATE').run()
      try {
        const result = await fn(this.conn)
        this.statement('COMMIT').run()
        return result
      } catch (error) {
        if (this.db.inTransaction) this.statement('ROLLBACK').run()
        throw error
      }
    })
  }

  async close(): Promise<void> {
    await this.mutex.run(async () => this.db.close())
  }
}

/** Applies the migrations that this database has not seen yet; returns their versions. */
export function migrateSqlite(db: Db): number[] {
  db.exec(
    'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)',
  )
  const applied = new Set(
    (db.prepare('SELECT version FROM schema_migrations').all() as { version: number }[]).map((r) => r.version),
  )
  const done: number[] = []
  for (const migration of migrationsFor('sqlite')) {
    if (applied.has(migration.version)) continue
    db.transaction(() => {
      db.exec(migration.sql)
      db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(
        migration.version,
        migration.name,
        new Date().toISOString(),
      )
    })()
    done.push(migration.version)
  }
  return done
}

/** Opens (creating if needed) the SQLite database file and brings its schema up to date. */
export function openSqliteStore(file: string): Store {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true })
  const db = new Database(file)
  db.pragma('journal_mode = WAL')
  db.pragma('synchronous = NORMAL')
  db.pragma('foreign_keys = ON')
  db.pragma('busy_timeout = 5000')
  migrateSqlite(db)
  return new SqlStore(new SqliteBackend(db))
}
