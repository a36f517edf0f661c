import type { Store } from './types'

/**
 * PostgreSQL when a DATABASE_URL is given, else the embedded SQLite file. Each driver is loaded only when
 * used, so a deployment on PostgreSQL never loads SQLite's native module, and the reverse.
 */
export async function openStore(
  where: { databaseUrl: string | null; databaseFile: string },
  options: { backgroundCheckpoints?: boolean } = {},
): Promise<Store> {
  if (where.databaseUrl) return (await import('./postgres')).openPostgresStore(where.databaseUrl)
  return (await import('./sqlite')).openSqliteStore(where.databaseFile, options)
}
