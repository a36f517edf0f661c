import type Database from 'better-sqlite3'
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

type Db = Database.Database

/** An employees row as SQLite returns it. */
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
export function listEmployees(db: Db, f: EmployeeFilter): { rows: EmployeeAdminView[]; total: number } {
  const where: string[] = []
  const params: Record<string, unknown> = { limit: f.limit, offset: f.offset }
  if (f.q) {
    where.push("(name LIKE :q ESCAPE '\\' OR employee_no LIKE :q ESCAPE '\\')")
    params.q = `%${f.q.replace(/[\\%_]/g, (c) => '\\' + c)}%`
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
  const total = (db.prepare(`SELECT count(*) AS n FROM employees ${clause}`).get(params) as { n: number }).n
  const rows = db
    // The exact 工号 first: a search for E12 shows E12 before E120 and E121.
    .prepare(
      `SELECT * FROM employees ${clause} ORDER BY ${f.q ? 'employee_no = :exact DESC, ' : ''}employee_no LIMIT :limit OFFSET :offset`,
    )
    .all(params) as EmployeeRow[]
  return { rows: rows.map(toAdminView), total }
}

/** Active headcount per department. */
export function listDepartments(db: Db): { department: string; headcount: number }[] {
  return db
    .prepare(
      'SELECT department, count(*) AS headcount FROM employees WHERE active = 1 GROUP BY department ORDER BY department',
    )
    .all() as { department: string; headcount: number }[]
}

/** Changes some fields of an employee. */
export function updateEmployee(db: Db, id: number, patch: EmployeePatch, at: string): void {
  const columns: Record<string, unknown> = {}
  if (patch.name !== undefined) columns.name = patch.name
  if (patch.department !== undefined) columns.department = patch.department
  if (patch.phone !== undefined) columns.phone = patch.phone
  if (patch.role !== undefined) columns.role = patch.role
  if (patch.active !== undefined) columns.active = patch.active ? 1 : 0
  if (patch.openid !== undefined) columns.openid = patch.openid
  const names = Object.keys(columns)
  if (names.length === 0) return
  db.prepare(
    `UPDATE employees SET ${names.map((n) => `${n} = @${n}`).join(', ')}, updated_at = @at WHERE id = @id`,
  ).run({
    ...columns,
    at,
    id,
  })
}

/** Creates new roster entries and updates existing ones by 工号. */
export function upsertEmployees(
  db: Db,
  rows: (Omit<NewEmployee, 'role'> & { role: Role | null })[],
  at: string,
): { created: number; updated: number } {
  const find = db.prepare('SELECT id FROM employees WHERE employee_no = ?')
  const insert = db.prepare(
    `INSERT INTO employees (employee_no, name, department, role, phone, active, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, 1, ?, ?)`,
  )
  const update = db.prepare(
    'UPDATE employees SET name = ?, department = ?, role = COALESCE(?, role), phone = ?, active = 1, updated_at = ? WHERE id = ?',
  )
  let created = 0
  let updated = 0
  for (const row of rows) {
    const existing = find.get(row.employeeNo) as { id: number } | undefined
    if (existing) {
      update.run(row.name, row.department, row.role, row.phone ?? null, at, existing.id)
      updated++
    } else {
      insert.run(row.employeeNo, row.name, row.department, row.role ?? 'employee', row.phone ?? null, at, at)
      created++
    }
  }
  return { created, updated }
}

/** Every 工号 on the roster. */
export function listEmployeeNos(db: Db): string[] {
  return (db.prepare('SELECT employee_no FROM employees').all() as { employee_no: string }[]).map((r) => r.employee_no)
}

/** The registrations of an activity with who made them, in arrival order. */
export function listRegistrants(db: Db, activityId: number): Registrant[] {
  const rows = db
    .prepare(
      `SELECT r.*, e.employee_no, e.name, e.department, e.phone,
         CASE WHEN r.status = 'waitlisted' THEN
           (SELECT count(*) FROM registrations w WHERE w.activity_id = r.activity_id AND w.status = 'waitlisted' AND w.id <= r.id)
         END AS position
       FROM registrations r JOIN employees e ON e.id = r.employee_id
       WHERE r.activity_id = ? ORDER BY r.id`,
    )
    .all(activityId) as {
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
  }[]
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
export function listParticipation(db: Db, from: string, to: string): ParticipationRow[] {
  return db
    .prepare(
      `SELECT r.employee_id, a.category, a.starts_at, r.checked_in_at
       FROM registrations r JOIN activities a ON a.id = r.activity_id
       WHERE r.status = 'confirmed' AND a.cancelled_at IS NULL AND a.starts_at >= ? AND a.starts_at < ?`,
    )
    .all(from, to)
    .map((r) => {
      const row = r as {
        employee_id: number
        category: ActivityCategory
        starts_at: string
        checked_in_at: string | null
      }
      return {
        employeeId: row.employee_id,
        category: row.category,
        startsAt: row.starts_at,
        checkedIn: row.checked_in_at !== null,
      }
    })
}

/** Every active employee, for reports. */
export function listActiveEmployees(db: Db): { id: number; employeeNo: string; name: string; department: string }[] {
  return (
    db
      .prepare('SELECT id, employee_no, name, department FROM employees WHERE active = 1 ORDER BY employee_no')
      .all() as {
      id: number
      employee_no: string
      name: string
      department: string
    }[]
  ).map((r) => ({ id: r.id, employeeNo: r.employee_no, name: r.name, department: r.department }))
}

/** Records an administrative write. */
export function insertAudit(db: Db, entry: NewAuditEntry): void {
  db.prepare(
    'INSERT INTO audit_log (actor_id, action, target, before_json, after_json, at) VALUES (?, ?, ?, ?, ?, ?)',
  ).run(
    entry.actorId,
    entry.action,
    entry.target,
    entry.before === undefined ? null : JSON.stringify(entry.before),
    entry.after === undefined ? null : JSON.stringify(entry.after),
    entry.at,
  )
}

/** The audit log, newest first. */
export function listAudit(db: Db, limit: number, offset: number): { rows: AuditEntry[]; total: number } {
  const total = (db.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n
  const rows = db
    .prepare(
      `SELECT l.*, e.employee_no, e.name FROM audit_log l LEFT JOIN employees e ON e.id = l.actor_id
       ORDER BY l.id DESC LIMIT ? OFFSET ?`,
    )
    .all(limit, offset) as {
    id: number
    actor_id: number | null
    action: string
    target: string
    before_json: string | null
    after_json: string | null
    at: string
    employee_no: string | null
    name: string | null
  }[]
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
export function insertInbox(db: Db, messages: NewInboxMessage[]): number {
  const insert = db.prepare(
    `INSERT OR IGNORE INTO inbox_messages (employee_id, kind, title, body, activity_id, dedupe_key, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  )
  let n = 0
  for (const m of messages) {
    n += insert.run(m.employeeId, m.kind, m.title, m.body, m.activityId ?? null, m.dedupeKey ?? null, m.at).changes
  }
  return n
}

/** A person's inbox, newest first, with the unread count. */
export function listInbox(
  db: Db,
  employeeId: number,
  limit: number,
  offset: number,
): { rows: InboxMessage[]; total: number; unread: number } {
  const counts = db
    .prepare(
      'SELECT count(*) AS total, sum(CASE WHEN read_at IS NULL THEN 1 ELSE 0 END) AS unread FROM inbox_messages WHERE employee_id = ?',
    )
    .get(employeeId) as { total: number; unread: number | null }
  const rows = db
    .prepare('SELECT * FROM inbox_messages WHERE employee_id = ? ORDER BY id DESC LIMIT ? OFFSET ?')
    .all(employeeId, limit, offset) as {
    id: number
    kind: InboxMessage['kind']
    title: string
    body: string
    activity_id: number | null
    created_at: string
    read_at: string | null
  }[]
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
export function markInboxRead(db: Db, employeeId: number, ids: number[] | null, at: string): number {
  if (ids === null) {
    return db
      .prepare('UPDATE inbox_messages SET read_at = ? WHERE employee_id = ? AND read_at IS NULL')
      .run(at, employeeId).changes
  }
  const update = db.prepare(
    'UPDATE inbox_messages SET read_at = ? WHERE id = ? AND employee_id = ? AND read_at IS NULL',
  )
  return ids.reduce((n, id) => n + update.run(at, id, employeeId).changes, 0)
}

/** Publishes a plan and makes it the current one. */
export function publishPlan(db: Db, id: number, at: string): void {
  db.prepare('UPDATE plans SET is_current = 0 WHERE is_current = 1').run()
  db.prepare(
    "UPDATE plans SET status = 'published', is_current = 1, published_at = COALESCE(published_at, ?) WHERE id = ?",
  ).run(at, id)
}

/** The removed noise recorded for a plan at import. */
export function getPlanRemoved(db: Db, id: number): string[] {
  const row = db.prepare('SELECT removed_json FROM plans WHERE id = ?').get(id) as { removed_json: string } | undefined
  return row ? JSON.parse(row.removed_json) : []
}
