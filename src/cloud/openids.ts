import Database from 'better-sqlite3'
import type { OpenidLookup } from './wx-notify'

/**
 * The OPENIDs bound to employees, read from the SQLite file of the WeChat function on a read-only connection of its
 * own. A stop-gap: the Store interface has no way to read an employee's OPENID (its records only say `bound`);
 * once it has `getOpenids(employeeIds)`, wx.ts passes that instead and this file goes.
 */
export function sqliteOpenidLookup(dbFile: string): OpenidLookup & { close: () => void } {
  let db: Database.Database | null = null
  const lookup = async (employeeIds: number[]): Promise<Map<number, string>> => {
    const found = new Map<number, string>()
    if (employeeIds.length === 0) return found
    db ??= new Database(dbFile, { readonly: true, fileMustExist: true })
    for (let i = 0; i < employeeIds.length; i += 500) {
      const chunk = employeeIds.slice(i, i + 500)
      const rows = db
        .prepare(
          `SELECT id, openid FROM employees WHERE openid IS NOT NULL AND id IN (${chunk.map(() => '?').join(',')})`,
        )
        .all(...chunk) as { id: number; openid: string }[]
      for (const row of rows) found.set(row.id, row.openid)
    }
    return found
  }
  return Object.assign(lookup, {
    close() {
      db?.close()
      db = null
    },
  })
}
