import fs from 'node:fs'
import path from 'node:path'
import { Worker } from 'node:worker_threads'
import Database from 'better-sqlite3'
import { migrationsFor } from './migrations'
import type { SqlBackend, SqlConn, SqlParams } from './sql'
import { SqlStore } from './sql-store'
import type { Store } from './types'

type Db = Database.Database

const args = (params: SqlParams | undefined): unknown[] =>
  params === undefined ? [] : Array.isArray(params) ? params : [params]

/** The most jobs one group commit takes: bounds how long the first of them waits for its answer. */
const BATCH_LIMIT = 64

interface Job {
  write: boolean
  fn: (conn: SqlConn) => Promise<unknown>
  resolve: (value: unknown) => void
  reject: (error: unknown) => void
}

/** How often the background checkpointer copies the WAL into the database file. */
const CHECKPOINT_EVERY_MS = 500

const CHECKPOINT_WORKER = `
const { parentPort, workerData } = require('node:worker_threads')
const Database = require(workerData.driver)
const db = new Database(workerData.file)
db.pragma('busy_timeout = 1000')
const timer = setInterval(() => {
  try {
    db.pragma('wal_checkpoint(PASSIVE)')
  } catch (error) {
    parentPort.postMessage(String(error && error.message || error))
  }
}, workerData.everyMs)
parentPort.on('message', () => {
  clearInterval(timer)
  db.close()
  parentPort.close()
})
`

/**
 * Checkpoints the WAL from a worker thread with a connection of its own, instead of SQLite doing it inside
 * whichever COMMIT crosses 1,000 pages (5–12 ms of fsync on the request path). A PASSIVE checkpoint never blocks
 * writers. Should the worker stop, the request thread goes back to checkpointing at commit.
 */
class BackgroundCheckpointer {
  private readonly worker: Worker
  private stopped = false

  constructor(db: Db, file: string) {
    db.pragma('wal_autocheckpoint = 0')
    this.worker = new Worker(CHECKPOINT_WORKER, {
      eval: true,
      workerData: { driver: require.resolve('better-sqlite3'), file, everyMs: CHECKPOINT_EVERY_MS },
    })
    this.worker.unref()
    this.worker.on('message', (message) => console.error('WAL checkpoint failed:', message))
    const fallBack = (reason: unknown) => {
      if (this.stopped) return
      this.stopped = true
      console.error('WAL checkpointer stopped; checkpointing at commit again:', reason)
      if (db.open) db.pragma('wal_autocheckpoint = 1000')
    }
    this.worker.on('error', fallBack)
    this.worker.on('exit', (code) => fallBack(`exit ${code}`))
  }

  /** Stops the worker after it has closed its connection. */
  async stop(): Promise<void> {
    if (this.stopped) return
    this.stopped = true
    const exited = new Promise((resolve) => this.worker.once('exit', resolve))
    this.worker.postMessage('stop')
    await exited
  }
}

/**
 * One better-sqlite3 connection; everything on it runs one job at a time, in arrival order, so a transaction
 * never interleaves with another request. Statements are compiled once and kept.
 *
 * Writes are group-committed: write transactions that queue up behind each other run in one SQLite
 * transaction (BEGIN IMMEDIATE … COMMIT), each inside its own SAVEPOINT, so that one failing undoes only its
 * own work. Nobody hears back before the COMMIT that makes their write durable; under a storm of
 * registrations the cost of a commit is shared by all the writes that waited for it.
 */
class SqliteBackend implements SqlBackend {
  readonly dialect = 'sqlite' as const
  private readonly statements = new Map<string, Database.Statement>()
  private readonly conn: SqlConn
  private readonly queue: Job[] = []
  private draining = false
  private closed = false

  constructor(
    private readonly db: Db,
    private readonly checkpointer: BackgroundCheckpointer | null = null,
  ) {
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

  private enqueue<T>(write: boolean, fn: (conn: SqlConn) => Promise<T>): Promise<T> {
    if (this.closed) return Promise.reject(new Error('The database is closed'))
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ write, fn, resolve: resolve as (value: unknown) => void, reject })
      void this.drain()
    })
  }

  read<T>(fn: (conn: SqlConn) => Promise<T>): Promise<T> {
    return this.enqueue(false, fn)
  }

  transaction<T>(fn: (conn: SqlConn) => Promise<T>): Promise<T> {
    return this.enqueue(true, fn)
  }

  private async drain(): Promise<void> {
    if (this.draining) return
    this.draining = true
    try {
      let sinceYield = 0
      while (this.queue.length > 0) {
        const job = this.queue.shift()!
        if (!job.write) {
          await job.fn(this.conn).then(job.resolve, job.reject)
          sinceYield++
        } else {
          await this.writeBatch(job)
          sinceYield = BATCH_LIMIT
        }
        // Fairness: every so often let the requests that arrived meanwhile be read and queued, so that under a
        // steady load the queue is served in arrival order instead of in waves.
        if (sinceYield >= BATCH_LIMIT / 4) {
          sinceYield = 0
          await new Promise<void>((resolve) => setImmediate(resolve))
        }
      }
    } finally {
      this.draining = false
    }
  }

  /**
   * Runs `first` and whatever queues up behind it in one transaction; answers the writes after COMMIT.
   * When the queue runs dry the batch yields once to the event loop, so requests that have arrived in the
   * meantime join it; it commits when nothing more came, or at BATCH_LIMIT jobs.
   */
  private async writeBatch(first: Job): Promise<void> {
    const done: { job: Job; ok: boolean; value: unknown }[] = []
    this.statement('BEGIN IMMEDIATE').run()
    let job: Job | undefined = first
    let jobs = 0
    while (job) {
      jobs++
      if (!job.write) {
        // A read queued during the batch sees the batch's writes, as it would a moment later.
        await job.fn(this.conn).then(job.resolve, job.reject)
      } else {
        this.statement('SAVEPOINT job').run()
        try {
          const value = await job.fn(this.conn)
          this.statement('RELEASE job').run()
          done.push({ job, ok: true, value })
        } catch (error) {
          if (!this.db.inTransaction) {
            // SQLite gave up the whole transaction (disk full, I/O error): every write of the batch is lost.
            for (const d of done) d.job.reject(error)
            job.reject(error)
            return
          }
          this.statement('ROLLBACK TO job').run()
          this.statement('RELEASE job').run()
          done.push({ job, ok: false, value: error })
        }
      }
      if (jobs >= BATCH_LIMIT) break
      if (this.queue.length === 0) await new Promise<void>((resolve) => setImmediate(resolve))
      job = this.queue.shift()
    }
    try {
      this.statement('COMMIT').run()
    } catch (error) {
      if (this.db.inTransaction) this.statement('ROLLBACK').run()
      for (const d of done) d.job.reject(error)
      return
    }
    for (const d of done) (d.ok ? d.job.resolve : d.job.reject)(d.value)
  }

  async close(): Promise<void> {
    await this.enqueue(false, async () => {
      this.closed = true
      await this.checkpointer?.stop()
      this.db.close()
    })
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

export interface SqliteOptions {
  /**
   * Checkpoint the WAL in a worker thread rather than inside a COMMIT on this one: for a long-running server
   * (the gateway). Ignored for an in-memory database.
   */
  backgroundCheckpoints?: boolean
}

/** Opens (creating if needed) the SQLite database file and brings its schema up to date. */
export function openSqliteStore(file: string, options: SqliteOptions = {}): Store {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true })
  const db = new Database(file)
  db.pragma('journal_mode = WAL')
  db.pragma('synchronous = NORMAL')
  db.pragma('foreign_keys = ON')
  db.pragma('busy_timeout = 5000')
  migrateSqlite(db)
  const checkpointer =
    options.backgroundCheckpoints && file !== ':memory:' ? new BackgroundCheckpointer(db, file) : null
  return new SqlStore(new SqliteBackend(db, checkpointer))
}
