import type {
  Activity,
  ActivityPlanItem,
  ActivityStatus,
  ActivitySummary,
  Registration,
  RegistrationStatus,
  SeatCounts,
} from '../../domain/activity'
import { placeholders, type SqlConn } from './sql'
import type { ActivityListFilter, NewActivity, NewRegistration, RegistrationEvent } from './types'

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

const SUMMARY_COLUMNS = [
  'id',
  'category',
  'title',
  'location',
  'organizer_department',
  'starts_at',
  'ends_at',
  'registration_opens_at',
  'registration_closes_at',
  'capacity',
  'waitlist_enabled',
  'cancel_reason',
]
  .map((column) => `a.${column}`)
  .join(', ')

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

async function setPlanItems(c: SqlConn, activityId: number, planItemIds: number[]): Promise<void> {
  await c.run('DELETE FROM activity_plan_items WHERE activity_id = ?', [activityId])
  for (const itemId of new Set(planItemIds)) {
    await c.run('INSERT INTO activity_plan_items (activity_id, plan_item_id) VALUES (?, ?)', [activityId, itemId])
  }
}

/** Inserts an activity with its work-point links; returns its id. */
export async function insertActivity(
  c: SqlConn,
  activity: NewActivity,
  createdBy: number | null,
  at: string,
): Promise<number> {
  const columns = { ...activityColumns(activity), created_by: createdBy, created_at: at, updated_at: at }
  const names = Object.keys(columns)
  const row = await c.get<{ id: number }>(
    `INSERT INTO activities (${names.join(', ')}) VALUES (${names.map((n) => ':' + n).join(', ')}) RETURNING id`,
    columns,
  )
  await setPlanItems(c, row!.id, activity.planItemIds)
  return row!.id
}

/** Replaces an activity's editable fields. */
export async function updateActivity(c: SqlConn, id: number, activity: NewActivity, at: string): Promise<void> {
  const columns = activityColumns(activity)
  const sets = Object.keys(columns).map((n) => `${n} = :${n}`)
  await c.run(`UPDATE activities SET ${sets.join(', ')}, updated_at = :at WHERE id = :id`, { ...columns, at, id })
  await setPlanItems(c, id, activity.planItemIds)
}

/** Marks an activity cancelled, with the reason everyone will see. */
export async function cancelActivity(c: SqlConn, id: number, reason: string, at: string): Promise<void> {
  await c.run('UPDATE activities SET cancelled_at = ?, cancel_reason = ?, updated_at = ? WHERE id = ?', [
    at,
    reason,
    at,
    id,
  ])
}

/** One activity, or null; inside a write it stays locked until the transaction ends (see SqlConn.lockRows). */
export async function getActivity(c: SqlConn, id: number): Promise<Activity | null> {
  const row = await c.get<ActivityRow>(`SELECT * FROM activities WHERE id = ?${c.lockRows}`, [id])
  if (!row) return null
  const items = await c.all<{ plan_item_id: number }>(
    'SELECT plan_item_id FROM activity_plan_items WHERE activity_id = ? ORDER BY plan_item_id',
    [id],
  )
  return toActivity(
    row,
    items.map((r) => r.plan_item_id),
  )
}

/** How many ids one IN list takes at most: far below either database's limit on bound parameters. */
const IN_CHUNK = 500

/** `ids` in slices of at most IN_CHUNK. */
function chunks(ids: number[]): number[][] {
  const out: number[][] = []
  for (let i = 0; i < ids.length; i += IN_CHUNK) out.push(ids.slice(i, i + IN_CHUNK))
  return out
}

/** Several activities at once (in no particular order); ids that do not exist are left out. */
export async function getActivities(c: SqlConn, ids: number[]): Promise<Activity[]> {
  const result: Activity[] = []
  for (const slice of chunks([...new Set(ids)])) {
    const rows = await c.all<ActivityRow>(`SELECT * FROM activities WHERE id IN (${placeholders(slice.length)})`, slice)
    const items = await c.all<{ activity_id: number; plan_item_id: number }>(
      `SELECT activity_id, plan_item_id FROM activity_plan_items
       WHERE activity_id IN (${placeholders(slice.length)}) ORDER BY activity_id, plan_item_id`,
      slice,
    )
    const itemsOf = new Map<number, number[]>()
    for (const i of items) itemsOf.set(i.activity_id, [...(itemsOf.get(i.activity_id) ?? []), i.plan_item_id])
    for (const row of rows) result.push(toActivity(row, itemsOf.get(row.id) ?? []))
  }
  return result
}

/** Confirmed and waitlisted registrations of several activities, by activity id (absent: none). */
export async function getRegistrationCounts(
  c: SqlConn,
  ids: number[],
): Promise<Map<number, { confirmed: number; waitlisted: number }>> {
  const counts = new Map<number, { confirmed: number; waitlisted: number }>()
  for (const slice of chunks([...new Set(ids)])) {
    const rows = await c.all<{ activity_id: number; status: RegistrationStatus; n: number }>(
      `SELECT activity_id, status, count(*) AS n FROM registrations
       WHERE activity_id IN (${placeholders(slice.length)}) AND status IN ('confirmed', 'waitlisted')
       GROUP BY activity_id, status`,
      slice,
    )
    for (const row of rows) {
      const entry = counts.get(row.activity_id) ?? { confirmed: 0, waitlisted: 0 }
      if (row.status === 'confirmed') entry.confirmed = row.n
      else entry.waitlisted = row.n
      counts.set(row.activity_id, entry)
    }
  }
  return counts
}

/**
 * What the activities serving a work point have drawn: confirmed registrations, check-ins, and the volunteer
 * hours those check-ins earned.
 */
export async function getPlanItemAttendance(
  c: SqlConn,
  planItemId: number,
): Promise<{ registered: number; checkedIn: number; volunteerHours: number }> {
  const rows = await c.all<{ volunteer_hours: number; registered: number; checked_in: number }>(
    `SELECT a.volunteer_hours, count(r.id) AS registered, count(r.checked_in_at) AS checked_in
     FROM activity_plan_items p
     JOIN activities a ON a.id = p.activity_id
     JOIN registrations r ON r.activity_id = a.id AND r.status = 'confirmed'
     WHERE p.plan_item_id = ?
     GROUP BY a.id, a.volunteer_hours`,
    [planItemId],
  )
  return rows.reduce(
    (sum, r) => ({
      registered: sum.registered + r.registered,
      checkedIn: sum.checkedIn + r.checked_in,
      volunteerHours: sum.volunteerHours + r.checked_in * r.volunteer_hours,
    }),
    { registered: 0, checkedIn: 0, volunteerHours: 0 },
  )
}

/** How many activities there are. */
export async function countActivities(c: SqlConn): Promise<number> {
  return (await c.get<{ n: number }>('SELECT count(*) AS n FROM activities'))!.n
}

/**
 * A row of the activity list as everyone sees it: a viewer without a registration for it gets this very object
 * (frozen, shared between answers); the others a copy with their own state.
 */
export type SharedActivityRow = Readonly<ActivitySummary>

/**
 * A filtered, sorted page of activities with their counts, the same for every viewer; `changesAt` is the next
 * moment at which any activity's status changes (the page, as computed for `filter.now`, holds until then).
 */
export async function listSharedActivities(
  c: SqlConn,
  filter: Omit<ActivityListFilter, 'viewerId'>,
): Promise<{ rows: SharedActivityRow[]; total: number; changesAt: string | null }> {
  const where: string[] = []
  const params: Record<string, unknown> = { now: filter.now }
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
  // Sorting and counting need only the id, the start and the status; the shown columns are read for the page.
  const base = `SELECT a.id, a.starts_at, ${STATUS_SQL} AS status FROM activities a ${where.length ? 'WHERE ' + where.join(' AND ') : ''}`
  const statusWhere = filter.status ? 'WHERE s.status = :status' : ''
  if (filter.status) params.status = filter.status
  const total = (await c.get<{ n: number }>(`SELECT count(*) AS n FROM (${base}) s ${statusWhere}`, params))!.n
  // The page first (sorting only the activities), then the counts for the rows on it.
  const order = `CASE s.status WHEN 'ongoing' THEN 0 WHEN 'open' THEN 1 WHEN 'upcoming' THEN 2 WHEN 'ended' THEN 3 ELSE 4 END,
       CASE WHEN s.status IN ('ended', 'cancelled') THEN NULL ELSE s.starts_at END ASC,
       s.starts_at DESC, s.id`
  const rows = await c.all<
    Pick<
      ActivityRow,
      | 'id'
      | 'category'
      | 'title'
      | 'location'
      | 'organizer_department'
      | 'starts_at'
      | 'ends_at'
      | 'registration_opens_at'
      | 'registration_closes_at'
      | 'capacity'
      | 'waitlist_enabled'
      | 'cancel_reason'
    > & { status: ActivityStatus; confirmed_count: number; waitlist_count: number }
  >(
    `SELECT ${SUMMARY_COLUMNS}, s.status,
       (SELECT count(*) FROM registrations r WHERE r.activity_id = s.id AND r.status = 'confirmed') AS confirmed_count,
       (SELECT count(*) FROM registrations r WHERE r.activity_id = s.id AND r.status = 'waitlisted') AS waitlist_count
     FROM (SELECT s.* FROM (${base}) s ${statusWhere} ORDER BY ${order} LIMIT :limit OFFSET :offset) s
     JOIN activities a ON a.id = s.id
     ORDER BY ${order}`,
    { ...params, limit: filter.limit, offset: filter.offset },
  )
  const next = await c.get<{ t: string | null }>(
    `SELECT min(t) AS t FROM (
       SELECT registration_opens_at AS t FROM activities UNION ALL SELECT registration_closes_at FROM activities
       UNION ALL SELECT starts_at FROM activities UNION ALL SELECT ends_at FROM activities) x
     WHERE t > ?`,
    [filter.now],
  )
  return {
    total,
    changesAt: next?.t ?? null,
    rows: rows.map((r) =>
      Object.freeze({
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
        myStatus: null,
        myCheckedIn: false,
      }),
    ),
  }
}

/** The viewer's own live registrations among some activities: status and whether checked in. */
export async function listViewerStates(
  c: SqlConn,
  viewerId: number,
  activityIds: number[],
): Promise<Map<number, { status: RegistrationStatus; checkedIn: boolean }>> {
  const states = new Map<number, { status: RegistrationStatus; checkedIn: boolean }>()
  if (activityIds.length === 0) return states
  const rows = await c.all<{ activity_id: number; status: RegistrationStatus; checked_in_at: string | null }>(
    `SELECT activity_id, status, checked_in_at FROM registrations
     WHERE employee_id = ? AND status <> 'cancelled' AND activity_id IN (${placeholders(activityIds.length)})`,
    [viewerId, ...activityIds],
  )
  for (const r of rows) states.set(r.activity_id, { status: r.status, checkedIn: r.checked_in_at !== null })
  return states
}

/** Joins a shared page with the viewer's own state. */
export function withViewerStates(
  rows: SharedActivityRow[],
  states: Map<number, { status: RegistrationStatus; checkedIn: boolean }>,
): ActivitySummary[] {
  return rows.map((row) => {
    const mine = states.get(row.id)
    return mine ? { ...row, myStatus: mine.status, myCheckedIn: mine.checkedIn } : row
  })
}

/** A filtered, sorted page of activities with counts and the viewer's own state. */
export async function listActivities(
  c: SqlConn,
  filter: ActivityListFilter,
): Promise<{ rows: ActivitySummary[]; total: number }> {
  const page = await listSharedActivities(c, filter)
  const states = await listViewerStates(
    c,
    filter.viewerId,
    page.rows.map((r) => r.id),
  )
  return { rows: withViewerStates(page.rows, states), total: page.total }
}

/** Confirmed seats taken, in all and per option, and how many wait: what the activity page shows. */
export async function getSeatCounts(c: SqlConn, activityId: number): Promise<SeatCounts & { waitlisted: number }> {
  const confirmed = await getConfirmedCounts(c, activityId, true)
  const waitlisted = (await getRegistrationCounts(c, [activityId])).get(activityId)?.waitlisted ?? 0
  return { ...confirmed, waitlisted }
}

/**
 * Confirmed seats only, what decides whether someone gets one: reads at most the confirmed registrations (an
 * index count when `byOption` is false), however long the waitlist.
 */
export async function getConfirmedCounts(c: SqlConn, activityId: number, byOption: boolean): Promise<SeatCounts> {
  if (!byOption) {
    const row = await c.get<{ n: number }>(
      "SELECT count(*) AS n FROM registrations WHERE activity_id = ? AND status = 'confirmed'",
      [activityId],
    )
    return { confirmed: row!.n, byOption: {} }
  }
  const rows = await c.all<{ options_json: string; n: number }>(
    `SELECT options_json, count(*) AS n FROM registrations
     WHERE activity_id = ? AND status = 'confirmed' GROUP BY options_json`,
    [activityId],
  )
  const counts: SeatCounts = { confirmed: 0, byOption: {} }
  for (const row of rows) {
    counts.confirmed += row.n
    for (const key of JSON.parse(row.options_json) as string[])
      counts.byOption[key] = (counts.byOption[key] ?? 0) + row.n
  }
  return counts
}

/** The person's live (not cancelled) registration for the activity, or null. */
export async function getLiveRegistration(
  c: SqlConn,
  activityId: number,
  employeeId: number,
): Promise<Registration | null> {
  const row = await c.get<RegistrationRow>(
    "SELECT * FROM registrations WHERE activity_id = ? AND employee_id = ? AND status <> 'cancelled'",
    [activityId, employeeId],
  )
  return row ? toRegistration(row) : null
}

/** Inserts a registration and its first history event. */
export async function insertRegistration(c: SqlConn, r: NewRegistration): Promise<Registration> {
  const row = await c.get<{ id: number }>(
    `INSERT INTO registrations (activity_id, employee_id, status, options_json, form_json, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id`,
    [r.activityId, r.employeeId, r.status, JSON.stringify(r.options), JSON.stringify(r.form), r.at, r.at],
  )
  const id = row!.id
  await addRegistrationEvent(c, { registrationId: id, type: r.status, actorId: r.employeeId, at: r.at })
  // The row as written, without reading it back.
  return {
    id,
    activityId: r.activityId,
    employeeId: r.employeeId,
    status: r.status,
    options: [...r.options],
    form: { ...r.form },
    createdAt: r.at,
    updatedAt: r.at,
    cancelledAt: null,
    checkedInAt: null,
  }
}

/** Records what happened to a registration. */
export async function addRegistrationEvent(c: SqlConn, event: RegistrationEvent): Promise<void> {
  await c.run('INSERT INTO registration_events (registration_id, type, actor_id, detail, at) VALUES (?, ?, ?, ?, ?)', [
    event.registrationId,
    event.type,
    event.actorId,
    event.detail ?? null,
    event.at,
  ])
}

/** Moves a registration to a new status, recording the event. */
export async function setRegistrationStatus(
  c: SqlConn,
  id: number,
  status: RegistrationStatus,
  event: RegistrationEvent,
): Promise<void> {
  await c.run(
    `UPDATE registrations SET status = :status, updated_at = :at,
       cancelled_at = CASE WHEN :status = 'cancelled' THEN :at ELSE cancelled_at END
     WHERE id = :id`,
    { status, at: event.at, id },
  )
  await addRegistrationEvent(c, event)
}

/** Marks a registration checked in. */
export async function markCheckedIn(c: SqlConn, id: number, event: RegistrationEvent): Promise<void> {
  await c.run('UPDATE registrations SET checked_in_at = ?, updated_at = ? WHERE id = ?', [event.at, event.at, id])
  await addRegistrationEvent(c, event)
}

/** The waitlist of an activity in arrival order. */
export async function listWaitlist(c: SqlConn, activityId: number): Promise<Registration[]> {
  const rows = await c.all<RegistrationRow>(
    "SELECT * FROM registrations WHERE activity_id = ? AND status = 'waitlisted' ORDER BY id",
    [activityId],
  )
  return rows.map(toRegistration)
}

/** The 1-based place of a waitlisted registration. */
export async function getWaitlistPosition(c: SqlConn, activityId: number, registrationId: number): Promise<number> {
  return (await c.get<{ n: number }>(
    "SELECT count(*) AS n FROM registrations WHERE activity_id = ? AND status = 'waitlisted' AND id <= ?",
    [activityId, registrationId],
  ))!.n
}

/** Every registration of a person, live and cancelled, newest first. */
export async function listRegistrationsOf(c: SqlConn, employeeId: number): Promise<Registration[]> {
  const rows = await c.all<RegistrationRow>('SELECT * FROM registrations WHERE employee_id = ? ORDER BY id DESC', [
    employeeId,
  ])
  return rows.map(toRegistration)
}

/** Every registration of an activity in arrival order. */
export async function listRegistrationsFor(c: SqlConn, activityId: number): Promise<Registration[]> {
  const rows = await c.all<RegistrationRow>('SELECT * FROM registrations WHERE activity_id = ? ORDER BY id', [
    activityId,
  ])
  return rows.map(toRegistration)
}

/** Enough about some work points to link to them. */
export async function getPlanItemRefs(c: SqlConn, ids: number[]): Promise<ActivityPlanItem[]> {
  if (ids.length === 0) return []
  const rows = await c.all<{ id: number; plan_id: number; section_number: number; number: number; heading: string }>(
    `SELECT i.id, s.plan_id, s.position AS section_number, i.number, i.heading
     FROM plan_items i JOIN plan_sections s ON s.id = i.section_id
     WHERE i.id IN (${placeholders(ids.length)}) ORDER BY s.plan_id, s.position, i.position`,
    ids,
  )
  return rows.map((r) => ({
    id: r.id,
    planId: r.plan_id,
    sectionNumber: r.section_number,
    number: r.number,
    heading: r.heading,
  }))
}
