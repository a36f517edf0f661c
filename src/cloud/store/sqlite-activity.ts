import type Database from 'better-sqlite3'
import type {
  Activity,
  ActivityPlanItem,
  ActivityStatus,
  ActivitySummary,
  Registration,
  RegistrationStatus,
  SeatCounts,
} from '../../domain/activity'
import type { ActivityListFilter, NewActivity, NewRegistration, RegistrationEvent } from './types'

type Db = Database.Database

interface ActivityRow {
  id: number
  category: Activity['category']
  title: string
  description: string
  organizer_department: string
  location: string
  starts_at: string
  ends_at: string
  registration_opens_at: string
  registration_closes_at: string
  cancel_cutoff_at: string
  checkin_opens_at: string
  checkin_closes_at: string
  capacity: number | null
  waitlist_enabled: number
  eligible_departments_json: string
  options_json: string
  max_options: number
  form_fields_json: string
  volunteer_hours: number
  cancelled_at: string | null
  cancel_reason: string | null
}

interface RegistrationRow {
  id: number
  activity_id: number
  employee_id: number
  status: RegistrationStatus
  options_json: string
  form_json: string
  created_at: string
  updated_at: string
  cancelled_at: string | null
  checked_in_at: string | null
}

// The status of an activity at :now, as SQL over the row aliased `a` (ISO UTC strings compare in time order).
const STATUS_SQL = `CASE
  WHEN a.cancelled_at IS NOT NULL THEN 'cancelled'
  WHEN a.ends_at <= :now THEN 'ended'
  WHEN a.starts_at <= :now THEN 'ongoing'
  WHEN a.registration_opens_at <= :now AND :now < a.registration_closes_at THEN 'open'
  ELSE 'upcoming' END`

function toActivity(row: ActivityRow, planItemIds: number[]): Activity {
  return {
    id: row.id,
    category: row.category,
    title: row.title,
    description: row.description,
    planItemIds,
    organizerDepartment: row.organizer_department,
    location: row.location,
    startsAt: row.starts_at,
    endsAt: row.ends_at,
    registrationOpensAt: row.registration_opens_at,
    registrationClosesAt: row.registration_closes_at,
    cancelCutoffAt: row.cancel_cutoff_at,
    checkinOpensAt: row.checkin_opens_at,
    checkinClosesAt: row.checkin_closes_at,
    capacity: row.capacity,
    waitlistEnabled: row.waitlist_enabled === 1,
    eligibleDepartments: JSON.parse(row.eligible_departments_json),
    options: JSON.parse(row.options_json),
    maxOptions: row.max_options,
    formFields: JSON.parse(row.form_fields_json),
    volunteerHours: row.volunteer_hours,
    cancelledAt: row.cancelled_at,
    cancelReason: row.cancel_reason,
  }
}

function toRegistration(row: RegistrationRow): Registration {
  return {
    id: row.id,
    activityId: row.activity_id,
    employeeId: row.employee_id,
    status: row.status,
    options: JSON.parse(row.options_json),
    form: JSON.parse(row.form_json),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    cancelledAt: row.cancelled_at,
    checkedInAt: row.checked_in_at,
  }
}

function activityColumns(a: NewActivity): Record<string, unknown> {
  return {
    category: a.category,
    title: a.title,
    description: a.description,
    organizer_department: a.organizerDepartment,
    location: a.location,
    starts_at: a.startsAt,
    ends_at: a.endsAt,
    registration_opens_at: a.registrationOpensAt,
    registration_closes_at: a.registrationClosesAt,
    cancel_cutoff_at: a.cancelCutoffAt,
    checkin_opens_at: a.checkinOpensAt,
    checkin_closes_at: a.checkinClosesAt,
    capacity: a.capacity,
    waitlist_enabled: a.waitlistEnabled ? 1 : 0,
    eligible_departments_json: JSON.stringify(a.eligibleDepartments),
    options_json: JSON.stringify(a.options),
    max_options: a.maxOptions,
    form_fields_json: JSON.stringify(a.formFields),
    volunteer_hours: a.volunteerHours,
  }
}

function setPlanItems(db: Db, activityId: number, planItemIds: number[]): void {
  db.prepare('DELETE FROM activity_plan_items WHERE activity_id = ?').run(activityId)
  const insert = db.prepare('INSERT OR IGNORE INTO activity_plan_items (activity_id, plan_item_id) VALUES (?, ?)')
  for (const itemId of planItemIds) insert.run(activityId, itemId)
}

/** Inserts an activity with its work-point links; returns its id. */
export function insertActivity(db: Db, activity: NewActivity, createdBy: number | null, at: string): number {
  const columns = { ...activityColumns(activity), created_by: createdBy, created_at: at, updated_at: at }
  const names = Object.keys(columns)
  const id = Number(
    db
      .prepare(`INSERT INTO activities (${names.join(', ')}) VALUES (${names.map((n) => '@' + n).join(', ')})`)
      .run(columns).lastInsertRowid,
  )
  setPlanItems(db, id, activity.planItemIds)
  return id
}

/** Replaces an activity's editable fields. */
export function updateActivity(db: Db, id: number, activity: NewActivity, at: string): void {
  const columns = activityColumns(activity)
  const sets = Object.keys(columns).map((n) => `${n} = @${n}`)
  db.prepare(`UPDATE activities SET ${sets.join(', ')}, updated_at = @at WHERE id = @id`).run({ ...columns, at, id })
  setPlanItems(db, id, activity.planItemIds)
}

/** Marks an activity cancelled, with the reason everyone will see. */
export function cancelActivity(db: Db, id: number, reason: string, at: string): void {
  db.prepare('UPDATE activities SET cancelled_at = ?, cancel_reason = ?, updated_at = ? WHERE id = ?').run(
    at,
    reason,
    at,
    id,
  )
}

/** One activity, or null. */
export function getActivity(db: Db, id: number): Activity | null {
  const row = db.prepare('SELECT * FROM activities WHERE id = ?').get(id) as ActivityRow | undefined
  if (!row) return null
  const itemIds = (
    db.prepare('SELECT plan_item_id FROM activity_plan_items WHERE activity_id = ? ORDER BY plan_item_id').all(id) as {
      plan_item_id: number
    }[]
  ).map((r) => r.plan_item_id)
  return toActivity(row, itemIds)
}

/** How many activities there are. */
export function countActivities(db: Db): number {
  return (db.prepare('SELECT count(*) AS n FROM activities').get() as { n: number }).n
}

/** A filtered, sorted page of activities with counts and the viewer's own state. */
export function listActivities(db: Db, filter: ActivityListFilter): { rows: ActivitySummary[]; total: number } {
  const where: string[] = []
  const params: Record<string, unknown> = { now: filter.now, viewer: filter.viewerId }
  if (filter.category) {
    where.push('a.category = :category')
    params.category = filter.category
  }
  if (filter.organizerDepartment) {
    where.push('a.organizer_department = :organizerDepartment')
    params.organizerDepartment = filter.organizerDepartment
  }
  if (filter.planItemId) {
    where.push('a.id IN (SELECT activity_id FROM activity_plan_items WHERE plan_item_id = :planItemId)')
    params.planItemId = filter.planItemId
  }
  const base = `SELECT a.*, ${STATUS_SQL} AS status FROM activities a ${where.length ? 'WHERE ' + where.join(' AND ') : ''}`
  const statusWhere = filter.status ? 'WHERE s.status = :status' : ''
  if (filter.status) params.status = filter.status
  const total = (db.prepare(`SELECT count(*) AS n FROM (${base}) s ${statusWhere}`).get(params) as { n: number }).n
  const rows = db
    .prepare(
      `SELECT s.*,
         (SELECT count(*) FROM registrations r WHERE r.activity_id = s.id AND r.status = 'confirmed') AS confirmed_count,
         (SELECT count(*) FROM registrations r WHERE r.activity_id = s.id AND r.status = 'waitlisted') AS waitlist_count,
         (SELECT r.status FROM registrations r WHERE r.activity_id = s.id AND r.employee_id = :viewer AND r.status <> 'cancelled') AS my_status,
         (SELECT r.checked_in_at FROM registrations r WHERE r.activity_id = s.id AND r.employee_id = :viewer AND r.status <> 'cancelled') AS my_checked_in_at
       FROM (${base}) s ${statusWhere}
       ORDER BY CASE s.status WHEN 'ongoing' THEN 0 WHEN 'open' THEN 1 WHEN 'upcoming' THEN 2 WHEN 'ended' THEN 3 ELSE 4 END,
         CASE WHEN s.status IN ('ended', 'cancelled') THEN NULL ELSE s.starts_at END ASC,
         s.starts_at DESC, s.id
       LIMIT :limit OFFSET :offset`,
    )
    .all({ ...params, limit: filter.limit, offset: filter.offset }) as (ActivityRow & {
    status: ActivityStatus
    confirmed_count: number
    waitlist_count: number
    my_status: RegistrationStatus | null
    my_checked_in_at: string | null
  })[]
  return {
    total,
    rows: rows.map((r) => ({
      id: r.id,
      category: r.category,
      title: r.title,
      location: r.location,
      organizerDepartment: r.organizer_department,
      startsAt: r.starts_at,
      endsAt: r.ends_at,
      registrationOpensAt: r.registration_opens_at,
      registrationClosesAt: r.registration_closes_at,
      capacity: r.capacity,
      waitlistEnabled: r.waitlist_enabled === 1,
      status: r.status,
      confirmedCount: r.confirmed_count,
      waitlistCount: r.waitlist_count,
      cancelReason: r.cancel_reason,
      myStatus: r.my_status,
      myCheckedIn: r.my_checked_in_at !== null,
    })),
  }
}

/** Confirmed seats taken, in all and per option, and how many wait. */
export function getSeatCounts(db: Db, activityId: number): SeatCounts & { waitlisted: number } {
  const rows = db
    .prepare("SELECT status, options_json FROM registrations WHERE activity_id = ? AND status <> 'cancelled'")
    .all(activityId) as { status: RegistrationStatus; options_json: string }[]
  const counts = { confirmed: 0, waitlisted: 0, byOption: {} as Record<string, number> }
  for (const row of rows) {
    if (row.status === 'waitlisted') {
      counts.waitlisted++
      continue
    }
    counts.confirmed++
    for (const key of JSON.parse(row.options_json) as string[]) counts.byOption[key] = (counts.byOption[key] ?? 0) + 1
  }
  return counts
}

/** The person's live (not cancelled) registration for the activity, or null. */
export function getLiveRegistration(db: Db, activityId: number, employeeId: number): Registration | null {
  const row = db
    .prepare("SELECT * FROM registrations WHERE activity_id = ? AND employee_id = ? AND status <> 'cancelled'")
    .get(activityId, employeeId) as RegistrationRow | undefined
  return row ? toRegistration(row) : null
}

/** Inserts a registration and its first history event. */
export function insertRegistration(db: Db, r: NewRegistration): Registration {
  const id = Number(
    db
      .prepare(
        `INSERT INTO registrations (activity_id, employee_id, status, options_json, form_json, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(r.activityId, r.employeeId, r.status, JSON.stringify(r.options), JSON.stringify(r.form), r.at, r.at)
      .lastInsertRowid,
  )
  addRegistrationEvent(db, { registrationId: id, type: r.status, actorId: r.employeeId, at: r.at })
  return toRegistration(db.prepare('SELECT * FROM registrations WHERE id = ?').get(id) as RegistrationRow)
}

/** Records what happened to a registration. */
export function addRegistrationEvent(db: Db, event: RegistrationEvent): void {
  db.prepare(
    'INSERT INTO registration_events (registration_id, type, actor_id, detail, at) VALUES (?, ?, ?, ?, ?)',
  ).run(event.registrationId, event.type, event.actorId, event.detail ?? null, event.at)
}

/** Moves a registration to a new status, recording the event. */
export function setRegistrationStatus(db: Db, id: number, status: RegistrationStatus, event: RegistrationEvent): void {
  db.prepare(
    `UPDATE registrations SET status = ?, updated_at = ?, cancelled_at = CASE WHEN ? = 'cancelled' THEN ? ELSE cancelled_at END
     WHERE id = ?`,
  ).run(status, event.at, status, event.at, id)
  addRegistrationEvent(db, event)
}

/** Marks a registration checked in. */
export function markCheckedIn(db: Db, id: number, event: RegistrationEvent): void {
  db.prepare('UPDATE registrations SET checked_in_at = ?, updated_at = ? WHERE id = ?').run(event.at, event.at, id)
  addRegistrationEvent(db, event)
}

/** The waitlist of an activity in arrival order. */
export function listWaitlist(db: Db, activityId: number): Registration[] {
  return (
    db
      .prepare("SELECT * FROM registrations WHERE activity_id = ? AND status = 'waitlisted' ORDER BY id")
      .all(activityId) as RegistrationRow[]
  ).map(toRegistration)
}

/** The 1-based place of a waitlisted registration. */
export function getWaitlistPosition(db: Db, activityId: number, registrationId: number): number {
  return (
    db
      .prepare("SELECT count(*) AS n FROM registrations WHERE activity_id = ? AND status = 'waitlisted' AND id <= ?")
      .get(activityId, registrationId) as { n: number }
  ).n
}

/** Every registration of a person, live and cancelled, newest first. */
export function listRegistrationsOf(db: Db, employeeId: number): Registration[] {
  return (
    db
      .prepare('SELECT * FROM registrations WHERE employee_id = ? ORDER BY id DESC')
      .all(employeeId) as RegistrationRow[]
  ).map(toRegistration)
}

/** Every registration of an activity in arrival order. */
export function listRegistrationsFor(db: Db, activityId: number): Registration[] {
  return (
    db.prepare('SELECT * FROM registrations WHERE activity_id = ? ORDER BY id').all(activityId) as RegistrationRow[]
  ).map(toRegistration)
}

/** Enough about some work points to link to them. */
export function getPlanItemRefs(db: Db, ids: number[]): ActivityPlanItem[] {
  if (ids.length === 0) return []
  return (
    db
      .prepare(
        `SELECT i.id, s.plan_id, s.position AS section_number, i.number, i.heading
         FROM plan_items i JOIN plan_sections s ON s.id = i.section_id
         WHERE i.id IN (${ids.map(() => '?').join(',')}) ORDER BY s.plan_id, s.position, i.position`,
      )
      .all(...ids) as { id: number; plan_id: number; section_number: number; number: number; heading: string }[]
  ).map((r) => ({ id: r.id, planId: r.plan_id, sectionNumber: r.section_number, number: r.number, heading: r.heading }))
}
