/**
 * What a registration storm over HTTP needs, shared by the crash-safety test and `npm run bench`: a keep-alive JSON
 * POST, an activity to storm, and the seats its registrations hold afterwards, read from the database.
 */
import http from 'node:http'
import type Database from 'better-sqlite3'

const HOUR = 3600 * 1000

/**
 * POSTs `body` as JSON to `pathname` of `url` over `agent`, with a bearer `token` when given; rejects when the
 * connection dies before a whole JSON answer has arrived (the request was then not acknowledged).
 */
export function postJson(
  agent: http.Agent,
  url: string,
  pathname: string,
  body: unknown,
  token?: string,
): Promise<{ status: number; json: any }> {
  const { hostname, port } = new URL(url)
  const text = JSON.stringify(body)
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        agent,
        host: hostname,
        port,
        method: 'POST',
        path: pathname,
        headers: {
          'Content-Type': 'application/json',
          'Content-Length': Buffer.byteLength(text),
          ...(token ? { Authorization: `Bearer ${token}` } : {}),
        },
      },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () => {
          try {
            resolve({ status: res.statusCode ?? 0, json: JSON.parse(Buffer.concat(chunks).toString('utf8')) })
          } catch (error) {
            reject(error)
          }
        })
        res.on('error', reject)
      },
    )
    req.on('error', reject)
    req.end(text)
  })
}

/** What admin.activity.create takes for a two-hour activity that starts `hoursAhead` hours from now. */
export function activityStartingIn(
  hoursAhead: number,
  fields: { category: string; title: string; capacity?: number },
): Record<string, unknown> {
  const startsAt = Date.now() + hoursAhead * HOUR
  return { ...fields, startsAt: new Date(startsAt).toISOString(), endsAt: new Date(startsAt + 2 * HOUR).toISOString() }
}

export interface RegistrationRow {
  id: number
  status: string
  /** The registrant's 工号. */
  employeeNo: string
}

/** Every registration row of the activity in the gateway's database. */
export function registrationRows(db: Database.Database, activityId: number): RegistrationRow[] {
  return db
    .prepare(
      `SELECT r.id, r.status, e.employee_no AS employeeNo FROM registrations r
       JOIN employees e ON e.id = r.employee_id WHERE r.activity_id = ?`,
    )
    .all(activityId) as RegistrationRow[]
}

/** The registrations that hold or wait for a seat (all but the cancelled), and how many are confirmed or waitlisted. */
export function seatCounts<T extends { status: string }>(
  rows: T[],
): { live: T[]; confirmed: number; waitlisted: number } {
  const live = rows.filter((row) => row.status !== 'cancelled')
  return {
    live,
    confirmed: live.filter((row) => row.status === 'confirmed').length,
    waitlisted: live.filter((row) => row.status === 'waitlisted').length,
  }
}
