/**
 * The small SQL surface that the store is written against, so that one implementation of every query runs on
 * SQLite (embedded, one file) and on PostgreSQL (a server, many connections).
 *
 * Queries use `?` for positional and `:name` for named parameters; the PostgreSQL backend rewrites both to
 * `$n`. Everything else in the SQL is the common subset of the two dialects (see README, "PostgreSQL").
 */
export type Dialect = 'sqlite' | 'postgres'

export type SqlParams = readonly unknown[] | Readonly<Record<string, unknown>>

/** One connection's view: inside a transaction, or a plain read. */
export interface SqlConn {
  readonly dialect: Dialect
  /**
   * The row-lock clause to append to a SELECT that a write depends on. Inside a PostgreSQL transaction it is
   * ` FOR NO KEY UPDATE`, so that two transactions deciding on the same row (the last seat of an activity) take
   * turns; SQLite's transactions already exclude every other writer, so there it is empty.
   */
  readonly lockRows: string
  all<T>(text: string, params?: SqlParams): Promise<T[]>
  get<T>(text: string, params?: SqlParams): Promise<T | undefined>
  /** Runs a statement; resolves with the number of rows it changed. */
  run(text: string, params?: SqlParams): Promise<number>
}

/** A database: reads on any connection, writes in transactions. */
export interface SqlBackend {
  readonly dialect: Dialect
  /** Runs a read of one or more statements on one connection, outside any transaction. */
  read<T>(fn: (conn: SqlConn) => Promise<T>): Promise<T>
  /** Runs `fn` in one transaction: all of it commits, or none of it. */
  transaction<T>(fn: (conn: SqlConn) => Promise<T>): Promise<T>
  close(): Promise<void>
}

const compiled = new Map<string, { text: string; names: (string | number)[] }>()

/**
 * Rewrites `?` and `:name` placeholders to PostgreSQL's `$n`, skipping quoted text and `::` casts.
 * The same name used twice gets the same `$n`.
 */
export function toPostgresPlaceholders(sql: string): { text: string; names: (string | number)[] } {
  const cached = compiled.get(sql)
  if (cached) return cached
  const names: (string | number)[] = []
  let out = ''
  let positional = 0
  for (let i = 0; i < sql.length; i++) {
    const c = sql[i]
    if (c === "'" || c === '"') {
      const end = sql.indexOf(c, i + 1)
      const stop = end === -1 ? sql.length : end + 1
      out += sql.slice(i, stop)
      i = stop - 1
    } else if (c === '?') {
      names.push(positional++)
      out += '$' + names.length
    } else if (c === ':' && sql[i + 1] === ':') {
      out += '::'
      i++
    } else if (c === ':' && /[A-Za-z_]/.test(sql[i + 1] ?? '')) {
      let j = i + 1
      while (j < sql.length && /\w/.test(sql[j])) j++
      const name = sql.slice(i + 1, j)
      let index = names.indexOf(name)
      if (index === -1) index = names.push(name) - 1
      out += '$' + (index + 1)
      i = j - 1
    } else out += c
  }
  const result = { text: out, names }
  if (compiled.size > 2000) compiled.clear()
  compiled.set(sql, result)
  return result
}

/** The values for a statement compiled by `toPostgresPlaceholders`, in `$n` order. */
export function orderParams(names: (string | number)[], params: SqlParams | undefined): unknown[] {
  if (!params) return []
  return names.map((name) => {
    const value =
      typeof name === 'number' ? (params as readonly unknown[])[name] : (params as Record<string, unknown>)[name]
    if (value === undefined) {
      if (typeof name === 'string' && !Object.prototype.hasOwnProperty.call(params, name)) {
        throw new Error(`SQL parameter :${name} is missing`)
      }
      return null
    }
    return value
  })
}

/** `?, ?, ?` for an IN list of n values. */
export const placeholders = (n: number): string => Array.from({ length: n }, () => '?').join(', ')
