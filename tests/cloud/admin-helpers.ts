import ExcelJS from 'exceljs'
import type { Principal } from '../../src/cloud/context'
import type { RouterResult } from '../../src/cloud/router'
import { FIXED_NOW, type InProcess } from './helpers'

const HOUR = 3600 * 1000

/** For a beforeAll that builds a whole scenario through the router: more than jest's 5 s on a busy machine. */
export const SETUP_TIMEOUT_MS = 30_000

/** The ISO time `hours` after `from`. */
export const hoursAfter = (from: Date, hours: number): string => new Date(from.getTime() + hours * HOUR).toISOString()

/** The data of an ok answer; throws with the status and message otherwise. */
export function dataOf<T = any>(result: RouterResult): T {
  if (!result.body.ok) throw new Error(`${result.status} ${result.body.error.code}: ${result.body.error.message}`)
  return result.body.data as T
}

/** The error of a refused answer; throws when the call succeeded. */
export function errorOf(result: RouterResult): { code: string; message: string } {
  if (result.body.ok) throw new Error(`expected an error, got ${result.status}`)
  return result.body.error
}

/** Creates an activity as `by` (a minimal payload plus overrides) and returns its id. */
export async function createActivity(
  app: InProcess,
  by: Principal,
  overrides: Record<string, unknown> = {},
  now: Date = FIXED_NOW,
): Promise<number> {
  const activity = dataOf(
    await app.call(
      'admin.activity.create',
      {
        category: 'sports',
        title: '测试活动',
        startsAt: hoursAfter(now, 48),
        endsAt: hoursAfter(now, 50),
        capacity: 2,
        ...overrides,
      },
      by,
    ),
  )
  return activity.id as number
}

/** A lecture (讲座<hours>) by the administrator, starting `startsInHours` after FIXED_NOW for two hours. */
export async function lectureIn(app: InProcess, startsInHours: number, capacity = 1): Promise<number> {
  return createActivity(app, await app.as('E0001'), {
    category: 'lecture',
    title: `讲座${startsInHours}`,
    startsAt: hoursAfter(FIXED_NOW, startsInHours),
    endsAt: hoursAfter(FIXED_NOW, startsInHours + 2),
    capacity,
  })
}

/** Registers each 工号 in turn for the activity; returns their registration results. */
export async function registerAll(
  app: InProcess,
  activityId: number,
  employeeNos: string[],
  payload: Record<string, unknown> = {},
): Promise<any[]> {
  const results = []
  for (const no of employeeNos) {
    results.push(dataOf(await app.call('registration.create', { activityId, ...payload }, await app.as(no))))
  }
  return results
}

/** Checks each 工号 in with the code shown at the venue now. */
export async function checkInAll(app: InProcess, activityId: number, employeeNos: string[]): Promise<void> {
  const { code } = dataOf(await app.call('admin.activity.checkinCode', { id: activityId }, await app.as('E0001')))
  for (const no of employeeNos) dataOf(await app.call('checkin.create', { activityId, code }, await app.as(no)))
}

/** An .xlsx file of the given rows (first row: headers), as base64. */
export async function xlsxBase64(rows: (string | number | null)[][]): Promise<string> {
  const workbook = new ExcelJS.Workbook()
  const sheet = workbook.addWorksheet('花名册')
  rows.forEach((row, r) =>
    row.forEach((value, c) => {
      if (value !== null) sheet.getCell(r + 1, c + 1).value = value
    }),
  )
  return Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64')
}

/** CSV text of the given rows, quoting only where needed. */
export function csvText(rows: string[][]): string {
  const quote = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s)
  return rows.map((row) => row.map(quote).join(',')).join('\r\n') + '\r\n'
}

let gbTable: Map<string, number[]> | null = null

/**
 * GB18030 bytes of `text`, as Excel saves a CSV on Chinese Windows. Built from Node's own decoder (every
 * two-byte code decoded once) rather than an encoder library: iconv-lite is only a transitive dependency.
 */
export function encodeGb18030(text: string): Buffer {
  if (!gbTable) {
    gbTable = new Map()
    const decoder = new TextDecoder('gb18030')
    for (let lead = 0x81; lead <= 0xfe; lead++) {
      for (let trail = 0x40; trail <= 0xfe; trail++) {
        if (trail === 0x7f) continue
        const char = decoder.decode(Uint8Array.of(lead, trail))
        if (char.length === 1 && char !== '\ufffd' && !gbTable.has(char)) gbTable.set(char, [lead, trail])
      }
    }
  }
  const bytes: number[] = []
  for (const char of text) {
    const code = char.codePointAt(0)!
    if (code < 0x80) bytes.push(code)
    else {
      const pair = gbTable.get(char)
      if (!pair) throw new Error(`no two-byte GB18030 code for ${char}`)
      bytes.push(...pair)
    }
  }
  return Buffer.from(bytes)
}

/** Loads an exported file's base64 into a workbook. */
export async function loadWorkbook(base64: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(Buffer.from(base64, 'base64') as never)
  return workbook
}

/** The values of a sheet row by row, every row as wide as the sheet; an empty cell reads ''. */
export function sheetRows(sheet: ExcelJS.Worksheet): unknown[][] {
  const rows: unknown[][] = []
  for (let r = 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r)
    rows.push(Array.from({ length: sheet.columnCount }, (_, c) => row.getCell(c + 1).value ?? ''))
  }
  return rows
}
