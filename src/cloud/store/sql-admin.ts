import type { ActivityCategory, RegistrationStatus } from '../../domain/activity'
import type { AuditEntry, EmployeeAdminView, InboxMessage, Registrant } from '../../domain/admin'
import type { Role } from '../../domain/roles'
import type {
  EmployeeFilter,
  EmployeePatch,
  NewAuditEntry,
  NewEmployee,
  NewInboxMessage,
  ParticipationRow,
} from './types'
import { placeholders, type SqlConn } from './sql'

/** An employees row as the database returns it. */
export interface EmployeeRow {
  id: number
  employee_no: string
  name: string
  department: string
  role: Role
  phone: string | null
  active: number
  openid: string | null
}

const toAdminView = (r: EmployeeRow): EmployeeAdminView => ({
  id: r.id,
  employeeNo: r.employee_no,
  name: r.name,
  department: r.department,
  role: r.role,
  phone: r.phone,
  active: r.active === 1,
  bound: r.openid !== null,
})

/** A filtered page of the roster. */
export async function listEmployees(
  c: SqlConn,
  f: EmployeeFilter,
): Promise<{ rows: EmployeeAdminView[]; total: number }> {
  const where: string[] = []
  const params: Record<string, unknown> = { limit: f.limit, offset: f.offset }
  if (f.q) {
    // upper() on both sides: 工号 match whatever the case, the same way in SQLite and PostgreSQL.
    where.push("(upper(name) LIKE :q ESCAPE '!' OR upper(employee_no) LIKE :q ESCAPE '!')")
    params.q = `%${f.q.toUpperCase().replace(/[!%_]/g, (ch) => '!' + ch)}%`
    params.exact = f.q.toUpperCase()
  }
  if (f.department) {
    where.push('department = :department')
    params.department = f.department
  }
  if (f.role) {
    where.push('role = :role')
    params.role = f.role
  }
  if (f.active !== undefined) {
    where.push('active = :active')
    params.active = f.active ? 1 : 0
  }
  const clause = where.length ? `WHERE ${where.join(' AND ')}` : ''
  const total = (await c.get<{ n: number }>(`SELECT count(*) AS n FROM employees ${clause}`, params))!.n
  // The exact 工号 first: a search for E12 shows E12 before E120 and E121.
  const rows = await c.all<EmployeeRow>(
    `SELECT * FROM employees ${clause}
     ORDER BY ${f.q ? 'CASE WHEN employee_no = :exact THEN 0 ELSE 1 END, ' : ''}employee_no LIMIT :limit OFFSET :offset`,
    params,
  )
  return { rows: rows.map(toAdminView), total }
}

/** Active headcount per department. */
export function listDepartments(c: SqlConn): Promise<{ department: string; headcount: number }[]> {
  return c.all(
    'SELECT department, count(*) AS headcount FROM employees WHERE active = 1 GROUP BY department ORDER BY department',
  )
}

/** Changes some fields of an employee. */
export async function updateEmployee(c: SqlConn, id: number, patch: EmployeePatch, at: string): Promise<void> {
  const columns: Record<string, unknown> = {}
  if (patch.name !== undefined) columns.name = patch.name
  if (patch.department !== undefined) columns.department = patch.department
  if (patch.phone !== undefined) columns.phone = patch.phone
  if (patch.role !== undefined) columns.role = patch.role
  if (patch.active !== undefined) columns.active = patch.active ? 1 : 0
  if (patch.openid !== undefined) columns.openid = patch.openid
  const names = Object.keys(columns)
  if (names.length === 0) return
  await c.run(`UPDATE employees SET ${names.map((n) => `${n} = :${n}`).join(', ')}, updated_at = :at WHERE id = :id`, {
    ...columns,
    at,
    id,
  })
}

/** Creates new roster entries and updates existing ones by 工号. */
export async function upsertEmployees(
  c: SqlConn,
  rows: (Omit<NewEmployee, 'role'> & { role: Role | null })[],
  at: string,
): Promise<{ created: number; updated: number }> {
  let created = 0
  let updated = 0
  for (const row of rows) {
    const existing = await c.get<{ id: number }>(`SELECT id FROM employees WHERE employee_no = ?${c.lockRows}`, [
      row.employeeNo,
    ])
    if (existing) {
      await c.run(
        'UPDATE employees SET name = ?, department = ?, role = COALESCE(?, role), phone = ?, active = 1, updated_at = ? WHERE id = ?',
        [row.name, row.department, row.role, row.phone ?? null, at, existing.id],
      )
      updated++
    } else {
      await c.run(
        `INSERT INTO employees (employee_no, name, department, role, phone, active, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, 1, ?, ?)`,
        [row.employeeNo, row.name, row.department, row.role ?? 'employee', row.phone ?? null, at, at],
      )
      created++
    }
  }
  return { created, updated }
}

/** Every 工号 on the roster. */
export async function listEmployeeNos(c: SqlConn): Promise<string[]> {
  return (await c.all<{ employee_no: string }>('SELECT employee_no FROM employees')).map((r) => r.employee_no)
}

/** The registrations of an activity with who made them, in arrival order. */
export async function listRegistrants(c: SqlConn, activityId: number): Promise<Registrant[]> {
  const rows = await c.all<{
    id: number
    employee_id: number
    status: RegistrationStatus
    options_json: string
    form_json: string
    created_at: string
    cancelled_at: string | null
    checked_in_at: string | null
    employee_no: string
    name: string
    department: string
    phone: string | null
    position: number | null
  }>(
    `SELECT r.*, e.employee_no, e.name, e.department, e.phone,
       CASE WHEN r.status = 'waitlisted' THEN
         (SELECT count(*) FROM registrations w WHERE w.activity_id = r.activity_id AND w.status = 'waitlisted' AND w.id <= r.id)
       END AS position
     FROM registrations r JOIN employees e ON e.id = r.employee_id
     WHERE r.activity_id = ? ORDER BY r.id`,
    [activityId],
  )
  return rows.map((r) => ({
    registrationId: r.id,
    status: r.status,
    ...(r.position !== null ? { position: r.position } : {}),
    options: JSON.parse(r.options_json),
    form: JSON.parse(r.form_json),
    createdAt: r.created_at,
    cancelledAt: r.cancelled_at,
    checkedInAt: r.checked_in_at,
    employee: { id: r.employee_id, employeeNo: r.employee_no, name: r.name, department: r.department, phone: r.phone },
  }))
}

/** Confirmed registrations of the year's activities that were not cancelled, for the participation report. */
export async function listParticipation(c: SqlConn, from: string, to: string): Promise<ParticipationRow[]> {
  const rows = await c.all<{
    employee_id: number
    category: ActivityCategory
    starts_at: string
    checked_in_at: string | null
  }>(
    `SELECT r.employee_id, a.category, a.starts_at, r.checked_in_at
     FROM registrations r JOIN activities a ON a.id = r.activity_id
     WHERE r.status = 'confirmed' AND a.cancelled_at IS NULL AND a.starts_at >= ? AND a.starts_at < ?`,
    [from, to],
  )
  return rows.map((row) => ({
    employeeId: row.employee_id,
    category: row.category,
    startsAt: row.starts_at,
    checkedIn: row.checked_in_at !== null,
  }))
}

/** Every active employee, for reports. */
export async function listActiveEmployees(
  c: SqlConn,
): Promise<{ id: number; employeeNo: string; name: string; department: string }[]> {
  const rows = await c.all<{ id: number; employee_no: string; name: string; department: string }>(
    'SELECT id, employee_no, name, department FROM employees WHERE active = 1 ORDER BY employee_no',
  )
  return rows.map((r) => ({ id: r.id, employeeNo: r.employee_no, name: r.name, department: r.department }))
}

/** Records an administrative write. */
export async function insertAudit(c: SqlConn, entry: NewAuditEntry): Promise<void> {
  await c.run(
    'INSERT INTO audit_log (actor_id, action, target, before_json, after_json, at) VALUES (?, ?, ?, ?, ?, ?)',
    [
      entry.actorId,
      entry.action,
      entry.target,
      entry.before === undefined ? null : JSON.stringify(entry.before),
      entry.after === undefined ? null : JSON.stringify(entry.after),
      entry.at,
    ],
  )
}

/** The audit log, newest first. */
export async function listAudit(
  c: SqlConn,
  limit: number,
  offset: number,
): Promise<{ rows: AuditEntry[]; total: number }> {
  const total = (await c.get<{ n: number }>('SELECT count(*) AS n FROM audit_log'))!.n
  const rows = await c.all<{
    id: number
    actor_id: number | null
    action: string
    target: string
    before_json: string | null
    after_json: string | null
    at: string
    employee_no: string | null
    name: string | null
  }>(
    `SELECT l.*, e.employee_no, e.name FROM audit_log l LEFT JOIN employees e ON e.id = l.actor_id
     ORDER BY l.id DESC LIMIT ? OFFSET ?`,
    [limit, offset],
  )
  return {
    total,
    rows: rows.map((r) => ({
      id: r.id,
      actor: r.actor_id === null ? null : { id: r.actor_id, employeeNo: r.employee_no ?? '', name: r.name ?? '' },
      action: r.action,
      target: r.target,
      before: r.before_json === null ? null : JSON.parse(r.before_json),
      after: r.after_json === null ? null : JSON.parse(r.after_json),
      at: r.at,
    })),
  }
}

/** Puts messages in inboxes; a message with a dedupe key already delivered to that person is skipped. */
export async function insertInbox(c: SqlConn, messages: NewInboxMessage[]): Promise<number> {
  let n = 0
  for (const m of messages) {
    n += await c.run(
      `INSERT INTO inbox_messages (employee_id, kind, title, body, activity_id, dedupe_key, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
      [m.employeeId, m.kind, m.title, m.body, m.activityId ?? null, m.dedupeKey ?? null, m.at],
    )
  }
  return n
}

/** A person's inbox, newest first, with the unread count. */
export async function listInbox(
  c: SqlConn,
  employeeId: number,
  limit: number,
  offset: number,
): Promise<{ rows: InboxMessage[]; total: number; unread: number }> {
  const counts = (await c.get<{ total: number; unread: number | null }>(
    'SELECT count(*) AS total, sum(CASE WHEN read_at IS NULL THEN 1 ELSE 0 END) AS unread FROM inbox_messages WHERE employee_id = ?',
    [employeeId],
  ))!
  const rows = await c.all<{
    id: number
    kind: InboxMessage['kind']
    title: string
    body: string
    activity_id: number | null
    created_at: string
    read_at: string | null
  }>('SELECT * FROM inbox_messages WHERE employee_id = ? ORDER BY id DESC LIMIT ? OFFSET ?', [
    employeeId,
    limit,
    offset,
  ])
  return {
    total: counts.total,
    unread: counts.unread ?? 0,
    rows: rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      title: r.title,
      body: r.body,
      activityId: r.activity_id,
      createdAt: r.created_at,
      readAt: r.read_at,
    })),
  }
}

/** Marks some (or all) of a person's messages read; only their own. */
export function markInboxRead(c: SqlConn, employeeId: number, ids: number[] | null, at: string): Promise<number> {
  if (ids === null) {
    return c.run('UPDATE inbox_messages SET read_at = ? WHERE employee_id = ? AND read_at IS NULL', [at, employeeId])
  }
  if (ids.length === 0) return Promise.resolve(0)
  return c.run(
    `UPDATE inbox_messages SET read_at = ? WHERE employee_id = ? AND read_at IS NULL AND id IN (${placeholders(ids.length)})`,
    [at, employeeId, ...ids],
  )
}

/** Publishes a plan and makes it the current one. */
export async function publishPlan(c: SqlConn, id: number, at: string): Promise<void> {
  await c.run('UPDATE plans SET is_current = 0 WHERE is_current = 1')
  await c.run(
    "UPDATE plans SET status = 'published', is_current = 1, published_at = COALESCE(published_at, ?) WHERE id = ?",
    [at, id],
  )
}

/** The removed noise recorded for a plan at import. */
export async function getPlanRemoved(c: SqlConn, id: number): Promise<string[]> {
  const row = await c.get<{ removed_json: string }>('SELECT removed_json FROM plans WHERE id = ?', [id])
  return row ? JSON.parse(row.removed_json) : []
}
