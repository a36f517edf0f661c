import fs from 'node:fs'
import path from 'node:path'
import { seedDemoData } from '../../src/cloud/demo/seed'
import { openSqliteStore } from '../../src/cloud/store/sqlite'
import type { Store } from '../../src/cloud/store/types'
import { FIXED_NOW, makeTempDir } from './helpers'

/** Waits for `condition` to hold, checking every 20 ms, for at most `ms`. */
async function until(condition: () => boolean, ms: number): Promise<boolean> {
  const end = Date.now() + ms
  while (!condition()) {
    if (Date.now() > end) return false
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
  return true
}

let written = 0

async function writeMany(store: Store, count: number): Promise<void> {
  const rows = Array.from({ length: count }, () => ({
    employeeNo: `W${String(++written).padStart(6, '0')}`,
    name: `职工${written}`,
    department: '办公室',
    role: 'employee' as const,
  }))
  await store.insertEmployees(rows, FIXED_NOW.toISOString())
}

describe('SQLite WAL checkpoints', () => {
  it('are made by the background worker when the store asks for it, and stop with the store', async () => {
    const { dir, cleanup } = makeTempDir()
    const file = path.join(dir, 'wenming.db')
    const store = openSqliteStore(file, { backgroundCheckpoints: true })
    try {
      await seedDemoData(store, FIXED_NOW)
      await writeMany(store, 3000)
      const sizeBefore = fs.statSync(file).size
      // The database file grows only when a checkpoint copies pages into it from the WAL; nothing on the request
      // thread does (wal_autocheckpoint is 0), and these writes stay under SQLite's own threshold anyway.
      expect(await until(() => fs.statSync(file).size > sizeBefore, 4_000)).toBe(true)
    } finally {
      await store.close()
      cleanup()
    }
  })

  it('are left to SQLite at commit otherwise', async () => {
    const { dir, cleanup } = makeTempDir()
    const file = path.join(dir, 'wenming.db')
    const store = openSqliteStore(file)
    try {
      const sizeBefore = fs.statSync(file).size
      await writeMany(store, 3000)
      expect(fs.statSync(file).size).toBe(sizeBefore)
      // More than 1,000 pages in the WAL: the COMMIT that crosses the threshold checkpoints them itself.
      await writeMany(store, 60_000)
      expect(fs.statSync(file).size).toBeGreaterThan(sizeBefore)
    } finally {
      await store.close()
      cleanup()
    }
  })
})
