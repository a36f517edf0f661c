import pg from 'pg'
import { AppError } from '../errors'
import { migrationsFor } from './migrations'
import { orderParams, toPostgresPlaceholders, type SqlBackend, type SqlConn, type SqlParams } from './sql'
import { SqlStore } from './sql-store'
import type { Store } from './types'

/** Where a store lives: a `postgres://` URL; `?schema=name` keeps one bureau's tables in their own schema. */
export interface PostgresTarget {
  connectionString: string
  schema: string
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/

/** Splits our own `schema` parameter off a DATABASE_URL (pg itself does not know it). */
export function parseDatabaseUrl(url: string): PostgresTarget {
  const parsed = new URL(url)
  if (parsed.protocol !== 'postgres:' && parsed.protocol !== 'postgresql:') {
    throw new Error('DATABASE_URL must start with postgres://')
  }
  const schema = parsed.searchParams.get('schema') ?? 'public'
  if (!SCHEMA_NAME.test(schema)) throw new Error(`DATABASE_URL: schema "${schema}" is not a plain lower-case name`)
  parsed.searchParams.delete('schema')
  return { connectionString: parsed.toString(), schema }
}

// count(*) and sum() are bigint and numeric in PostgreSQL; as JavaScript numbers they match what SQLite returns.
const NUMBER_OIDS = new Set([20, 1700])
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    NUMBER_OIDS.has(oid)
      ? (value: string) => Number(value)
      : pg.types.getTypeParser(oid, format as 'text')) as typeof pg.types.getTypeParser,
}

/** Deadlocks and serialization failures: the transaction did nothing and may simply run again. */
const RETRYABLE = new Set(['40P01', '40001'])
const ATTEMPTS = 3

function pgCode(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : undefined
}

/**
 * A unique index refused a row that a concurrent write added first (two people binding one 工号, two
 * administrators importing the same roster). Nothing was written; the caller is told to look again.
 */
function translate(error: unknown): unknown {
  if (pgCode(error) === '23505') return new AppError('conflict', '数据刚被其他操作更新，请刷新后重试')
  return error
}

class PostgresBackend implements SqlBackend {
  readonly dialect = 'postgres' as const

  constructor(private readonly pool: pg.Pool) {}

  private connOf(client: pg.PoolClient, inTransaction: boolean): SqlConn {
    const query = async (text: string, params?: SqlParams) => {
      const compiled = toPostgresPlaceholders(text)
      try {
        return await client.query({ text: compiled.text, values: orderParams(compiled.names, params) })
      } catch (error) {
        throw translate(error)
      }
    }
    return {
      dialect: 'postgres',
      lockRows: inTransaction ? ' FOR NO KEY UPDATE' : '',
      all: async <T>(text: string, params?: SqlParams) => (await query(text, params)).rows as T[],
      get: async <T>(text: string, params?: SqlParams) => (await query(text, params)).rows[0] as T | undefined,
      run: async (text: string, params?: SqlParams) => (await query(text, params)).rowCount ?? 0,
    }
  }

  async read<T>(fn: (conn: SqlConn) => Promise<T>): Promise<T> {
    const client = await this.pool.connect()
    let broken: Error | undefined
    try {
      return await fn(this.connOf(client, false))
    } catch (error) {
      // An error without a server code is the connection itself: drop it rather than reuse it.
      if (!pgCode(error) && !(error instanceof AppError)) broken = error as Error
      throw error
    } finally {
      client.release(broken)
    }
  }

  async transaction<T>(fn: (conn: SqlConn) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      const client = await this.pool.connect()
      let broken: Error | undefined
      try {
        await client.query('BEGIN')
        const result = await fn(this.connOf(client, true))
        await client.query('COMMIT')
        return result
      } catch (error) {
        try {
          await client.query('ROLLBACK')
        } catch (rollbackError) {
          broken = rollbackError as Error
        }
        if (RETRYABLE.has(pgCode(error) ?? '')) {
          if (attempt < ATTEMPTS) continue
          throw new AppError('conflict', '同时操作的人较多，请稍后重试')
        }
        throw error
      } finally {
        client.release(broken)
      }
    }
  }

  async close(): Promise<void> {
    await this.pool.end()
  }
}

/** Applies the migrations this schema has not seen yet, one process at a time; returns their versions. */
export async function migratePostgres(pool: pg.Pool, schema: string): Promise<number[]> {
  const client = await pool.connect()
  try {
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`)
    await client.query('BEGIN')
    // Two gateways starting at once: the second waits here, then finds the migrations applied.
    await client.query('SELECT pg_advisory_xact_lock(hashtext(current_schema()))')
    await client.query(
      'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)',
    )
    const applied = new Set(
      (await client.query<{ version: number }>('SELECT version FROM schema_migrations')).rows.map((r) => r.version),
    )
    const done: number[] = []
    for (const migration of migrationsFor('postgres')) {
      if (applied.has(migration.version)) continue
      await client.query(migration.sql)
      await client.query('INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)', [
        migration.version,
        migration.name,
        new Date().toISOString(),
      ])
      done.push(migration.version)
    }
    await client.query('COMMIT')
    return done
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined)
    throw error
  } finally {
    client.release()
  }
}

/** Connects to PostgreSQL (`DATABASE_URL`) and brings the schema up to date. */
export async function openPostgresStore(url: string, options: { maxConnections?: number } = {}): Promise<Store> {
  const target = parseDatabaseUrl(url)
  const pool = new pg.Pool({
    connectionString: target.connectionString,
    max: options.maxConnections ?? 10,
    types,
    options: `-c search_path=${target.schema}`,
    application_name: 'wenming',
  })
  // An idle connection dropped by the server must not take the process down.
  pool.on('error', () => undefined)
  try {
    await migratePostgres(pool, target.schema)
  } catch (error) {
    await pool.end()
    throw error
  }
  return new SqlStore(new PostgresBackend(pool))
}
