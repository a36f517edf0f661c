import type { PlanSummary, PlanView } from '../../domain/plan'
import type { Role } from '../../domain/roles'
import type {
  Activity,
  ActivityPlanItem,
  ActivitySummary,
  Registration,
  RegistrationStatus,
  SeatCounts,
} from '../../domain/activity'
import * as act from './sql-activity'
import * as adm from './sql-admin'
import type { EmployeeRow } from './sql-admin'
import * as com from './sql-community'
import { placeholders, type SqlBackend, type SqlConn } from './sql'
import type { AuditEntry, EmployeeAdminView, InboxMessage, Registrant } from '../../domain/admin'
import type { Candidate, CandidateComment, CandidateStatus, Round } from '../../domain/goodpeople'
import type { Book, NoteStatus, ReadingNote } from '../../domain/reading'
import type {
  ActivityListFilter,
  EmployeeFilter,
  EmployeePatch,
  EmployeeRecord,
  NewAuditEntry,
  NewCandidate,
  NewRound,
  VolunteerHoursRow,
  NewInboxMessage,
  ParticipationRow,
  NewActivity,
  NewEmployee,
  NewPlan,
  NewRegistration,
  RegistrationEvent,
  Store,
} from './types'

interface PlanRow {
  id: number
  title: string
  year: number | null
  org: string | null
  preamble: string
  is_current: number
  published_at: string | null
}

function toEmployee(row: EmployeeRow | undefined): EmployeeRecord | null {
  if (!row) return null
  return {
    id: row.id,
    employeeNo: row.employee_no,
    name: row.name,
    department: row.department,
    role: row.role,
    phone: row.phone,
    active: row.active === 1,
    bound: row.openid !== null,
  }
}

/**
 * The employees behind recent requests, read once per CALLER_TTL_MS instead of on every request. Any change to
 * employees made through this process clears it at once (a deactivation or a new role applies to the next
 * request); a change made by another process (a second gateway on the same database) applies within the TTL.
 */
const CALLER_TTL_MS = 2000

/**
 * Pages of the activity list as everyone sees them (counts and statuses, not the viewer's own state), reused
 * while nothing has been written through this process, the statuses they were computed with still hold, and for
 * at most LIST_TTL_MS (writes by another process on the same database show within that).
 */
const LIST_TTL_MS = 2000

type SharedPage = Awaited<ReturnType<typeof act.listSharedActivities>>

class ListCache {
  /** Bumped when a write starts and again when it ends, so a page read during a write is never kept. */
  version = 0
  private readonly pages = new Map<string, { page: SharedPage; from: string; version: number; until: number }>()

  /** Marks a write: called when it starts and again when it has ended. */
  written(): void {
    this.version++
  }

  get(key: string, now: string): SharedPage | undefined {
    const entry = this.pages.get(key)
    if (!entry) return undefined
    const holds =
      entry.version === this.version &&
      entry.until > Date.now() &&
      entry.from <= now &&
      (entry.page.changesAt === null || now < entry.page.changesAt)
    if (!holds) {
      this.pages.delete(key)
      return undefined
    }
    return entry.page
  }

  set(key: string, now: string, version: number, page: SharedPage): void {
    if (version !== this.version) return
    if (this.pages.size > 500) this.pages.clear()
    this.pages.set(key, { page, from: now, version, until: Date.now() + LIST_TTL_MS })
  }
}

class CallerCache {
  private readonly entries = new Map<number, { employee: EmployeeRecord; until: number }>()

  get(id: number): EmployeeRecord | undefined {
    const entry = this.entries.get(id)
    if (!entry) return undefined
    if (entry.until < Date.now()) {
      this.entries.delete(id)
      return undefined
    }
    return entry.employee
  }

  set(employee: EmployeeRecord): void {
    if (this.entries.size > 5000) this.entries.clear()
    this.entries.set(employee.id, { employee: { ...employee }, until: Date.now() + CALLER_TTL_MS })
  }

  clear(): void {
    this.entries.clear()
  }
}

/**
 * The Store on any SQL backend: every operation is the same SQL on SQLite and PostgreSQL.
 * Outside a transaction, reads and single-statement writes run on any connection and multi-statement writes
 * in their own transaction; inside one (`conn` set), everything runs on the transaction's connection.
 */
export class SqlStore implements Store {
  readonly kind: Store['kind']

  constructor(
    private readonly backend: SqlBackend,
    private readonly conn: SqlConn | null = null,
    private readonly callers: CallerCache = new CallerCache(),
    private readonly lists: ListCache = new ListCache(),
  ) {
    this.kind = backend.dialect
  }

  /** Reads, and writes of one statement. */
  private on<T>(fn: (c: SqlConn) => Promise<T>): Promise<T> {
    return this.conn ? fn(this.conn) : this.backend.read(fn)
  }

  /** Writes of several statements: all or nothing. */
  private atomically<T>(fn: (c: SqlConn) => Promise<T>): Promise<T> {
    if (this.conn) return fn(this.conn)
    this.lists.written()
    return this.backend.transaction(fn).finally(() => this.lists.written())
  }

  transaction<T>(fn: (tx: Store) => Promise<T>): Promise<T> {
    if (this.conn) return fn(this)
    this.lists.written()
    return this.backend
      .transaction((c) => fn(new SqlStore(this.backend, c, this.callers, this.lists)))
      .finally(() => this.lists.written())
  }

  close(): Promise<void> {
    return this.backend.close()
  }

  async lockEmployee(id: number): Promise<void> {
    if (this.conn?.lockRows) await this.conn.get(`SELECT id FROM employees WHERE id = ?${this.conn.lockRows}`, [id])
  }

  async getIdempotentWrite(
    scope: string,
    key: string,
  ): Promise<{ action: string; payloadHash: string; responseJson: string } | null> {
    const row = await this.on((c) =>
      c.get<{ action: string; payload_hash: string; response_json: string }>(
        'SELECT action, payload_hash, response_json FROM idempotency_keys WHERE scope = ? AND key = ?',
        [scope, key],
      ),
    )
    return row ? { action: row.action, payloadHash: row.payload_hash, responseJson: row.response_json } : null
  }

  saveIdempotentWrite(
    entry: { scope: string; key: string; action: string; payloadHash: string; responseJson: string; at: string },
    expireBefore: string,
  ): Promise<void> {
    return this.atomically(async (c) => {
      await c.run('DELETE FROM idempotency_keys WHERE scope = ? AND created_at < ?', [entry.scope, expireBefore])
      await c.run(
        `INSERT INTO idempotency_keys (scope, key, action, payload_hash, response_json, created_at)
         VALUES (?, ?, ?, ?, ?, ?)`,
        [entry.scope, entry.key, entry.action, entry.payloadHash, entry.responseJson, entry.at],
      )
    })
  }

  async getMeta(key: string): Promise<string | null> {
    const row = await this.on((c) => c.get<{ value: string }>('SELECT value FROM meta WHERE key = ?', [key]))
    return row?.value ?? null
  }

  async setMeta(key: string, value: string): Promise<void> {
    await this.on((c) =>
      c.run('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value', [
        key,
        value,
      ]),
    )
  }

  async countEmployees(): Promise<number> {
    return (await this.on((c) => c.get<{ n: number }>('SELECT count(*) AS n FROM employees')))!.n
  }

  insertEmployees(rows: NewEmployee[], at: string): Promise<void> {
    this.callers.clear()
    return this.atomically(async (c) => {
      for (const row of rows) {
        await c.run(
          `INSERT INTO employees (employee_no, name, department, role, phone, active, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, 1, ?, ?)`,
          [row.employeeNo, row.name, row.department, row.role, row.phone ?? null, at, at],
        )
      }
    })
  }

  async getEmployeeById(id: number): Promise<EmployeeRecord | null> {
    // Outside a write, the caller of every request: kept a moment (see CallerCache). Inside one, always read.
    const cached = this.conn ? undefined : this.callers.get(id)
    if (cached) return { ...cached }
    const employee = toEmployee(await this.on((c) => c.get<EmployeeRow>('SELECT * FROM employees WHERE id = ?', [id])))
    if (employee && !this.conn) this.callers.set(employee)
    return employee
  }

  async getEmployeeByNo(employeeNo: string): Promise<EmployeeRecord | null> {
    return toEmployee(
      await this.on((c) => c.get<EmployeeRow>('SELECT * FROM employees WHERE employee_no = ?', [employeeNo])),
    )
  }

  async getEmployeeByOpenid(openid: string): Promise<EmployeeRecord | null> {
    return toEmployee(await this.on((c) => c.get<EmployeeRow>('SELECT * FROM employees WHERE openid = ?', [openid])))
  }

  async getOpenids(employeeIds: number[]): Promise<Map<number, string>> {
    const found = new Map<number, string>()
    for (let i = 0; i < employeeIds.length; i += 500) {
      const chunk = employeeIds.slice(i, i + 500)
      const rows = await this.on((c) =>
        c.all<{ id: number; openid: string }>(
          `SELECT id, openid FROM employees WHERE openid IS NOT NULL AND id IN (${placeholders(chunk.length)})`,
          chunk,
        ),
      )
      for (const row of rows) found.set(row.id, row.openid)
    }
    return found
  }

  async bindOpenid(employeeId: number, openid: string, at: string): Promise<boolean> {
    this.callers.clear()
    // Only an unbound entry: of two accounts binding one 工号 at the same moment, one wins.
    const changed = await this.on((c) =>
      c.run('UPDATE employees SET openid = ?, updated_at = ? WHERE id = ? AND openid IS NULL', [
        openid,
        at,
        employeeId,
      ]),
    )
    return changed > 0
  }

  async listDemoAccounts(employees: number): Promise<EmployeeRecord[]> {
    const rows = await this.on((c) =>
      c.all<EmployeeRow>(
        `SELECT * FROM (SELECT * FROM employees WHERE active = 1 AND role = 'admin' ORDER BY employee_no LIMIT 2) a
         UNION ALL SELECT * FROM (SELECT * FROM employees WHERE active = 1 AND role = 'organizer' ORDER BY employee_no LIMIT 2) o
         UNION ALL SELECT * FROM (SELECT * FROM employees WHERE active = 1 AND role = 'employee' ORDER BY employee_no LIMIT ?) e`,
        [employees],
      ),
    )
    return rows.map((row) => toEmployee(row) as EmployeeRecord)
  }

  async countPlans(): Promise<number> {
    return (await this.on((c) => c.get<{ n: number }>('SELECT count(*) AS n FROM plans')))!.n
  }

  insertPlan(plan: NewPlan, options: { publish: boolean; makeCurrent: boolean; at: string }): Promise<number> {
    return this.atomically(async (c) => {
      const { at } = options
      if (options.makeCurrent) await c.run('UPDATE plans SET is_current = 0 WHERE is_current = 1')
      const { id: planId } = (await c.get<{ id: number }>(
        `INSERT INTO plans (title, year, org, preamble, source_text, removed_json, status, is_current, created_at, published_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
        [
          plan.title,
          plan.year,
          plan.org,
          plan.preamble,
          plan.sourceText,
          JSON.stringify(plan.removed),
          options.publish ? 'published' : 'draft',
          options.makeCurrent ? 1 : 0,
          at,
          options.publish ? at : null,
        ],
      ))!
      for (const [sectionIndex, section] of plan.sections.entries()) {
        const { id: sectionId } = (await c.get<{ id: number }>(
          'INSERT INTO plan_sections (plan_id, position, source_number, title, intro) VALUES (?, ?, ?, ?, ?) RETURNING id',
          [planId, sectionIndex + 1, section.sourceNumber, section.title, section.intro ?? ''],
        ))!
        for (const [itemIndex, item] of section.items.entries()) {
          await c.run(
            'INSERT INTO plan_items (section_id, position, number, source_number, heading, body) VALUES (?, ?, ?, ?, ?, ?)',
            [sectionId, itemIndex + 1, item.number, item.sourceNumber, item.heading, item.body],
          )
        }
      }
      return planId
    })
  }

  async getCurrentPlanId(): Promise<number | null> {
    const row = await this.on((c) => c.get<{ id: number }>('SELECT id FROM plans WHERE is_current = 1'))
    return row?.id ?? null
  }

  getPlan(id: number): Promise<PlanView | null> {
    return this.on(async (c) => {
      const plan = await c.get<PlanRow>('SELECT * FROM plans WHERE id = ?', [id])
      if (!plan) return null
      const sections = await c.all<{
        id: number
        position: number
        source_number: string
        title: string
        intro: string
      }>('SELECT * FROM plan_sections WHERE plan_id = ? ORDER BY position', [id])
      const items = await c.all<{
        id: number
        section_id: number
        number: number
        source_number: string
        heading: string
        body: string
      }>(
        `SELECT i.* FROM plan_items i JOIN plan_sections s ON s.id = i.section_id
         WHERE s.plan_id = ? ORDER BY s.position, i.position`,
        [id],
      )
      return {
        id: plan.id,
        title: plan.title,
        year: plan.year,
        org: plan.org,
        preamble: plan.preamble,
        isCurrent: plan.is_current === 1,
        publishedAt: plan.published_at,
        sections: sections.map((s) => ({
          id: s.id,
          number: s.position,
          sourceNumber: s.source_number,
          title: s.title,
          intro: s.intro,
          items: items
            .filter((i) => i.section_id === s.id)
            .map((i) => ({
              id: i.id,
              number: i.number,
              sourceNumber: i.source_number,
              heading: i.heading,
              body: i.body,
            })),
        })),
      }
    })
  }

  async listPlans(options: { publishedOnly: boolean }): Promise<PlanSummary[]> {
    const rows = await this.on((c) =>
      c.all<PlanRow & { section_count: number; item_count: number }>(
        `SELECT p.id, p.title, p.year, p.org, p.is_current, p.published_at,
           (SELECT count(*) FROM plan_sections s WHERE s.plan_id = p.id) AS section_count,
           (SELECT count(*) FROM plan_items i JOIN plan_sections s ON s.id = i.section_id WHERE s.plan_id = p.id) AS item_count
         FROM plans p
         WHERE (? = 0 OR p.status = 'published')
         ORDER BY p.is_current DESC, CASE WHEN p.year IS NULL THEN 1 ELSE 0 END, p.year DESC, p.id DESC`,
        [options.publishedOnly ? 1 : 0],
      ),
    )
    return rows.map((r) => ({
      id: r.id,
      title: r.title,
      year: r.year,
      org: r.org,
      isCurrent: r.is_current === 1,
      publishedAt: r.published_at,
      sectionCount: r.section_count,
      itemCount: r.item_count,
    }))
  }

  insertActivity(activity: NewActivity, createdBy: number | null, at: string): Promise<number> {
    return this.atomically((c) => act.insertActivity(c, activity, createdBy, at))
  }

  updateActivity(id: number, activity: NewActivity, at: string): Promise<void> {
    return this.atomically((c) => act.updateActivity(c, id, activity, at))
  }

  cancelActivity(id: number, reason: string, at: string): Promise<void> {
    return this.atomically((c) => act.cancelActivity(c, id, reason, at))
  }

  getActivity(id: number): Promise<Activity | null> {
    return this.on((c) => act.getActivity(c, id))
  }

  countActivities(): Promise<number> {
    return this.on((c) => act.countActivities(c))
  }

  async listActivities(filter: ActivityListFilter): Promise<{ rows: ActivitySummary[]; total: number }> {
    if (this.conn) return act.listActivities(this.conn, filter)
    const { viewerId, ...shared } = filter
    const key = JSON.stringify({ ...shared, now: undefined })
    let page = this.lists.get(key, filter.now)
    if (!page) {
      const version = this.lists.version
      const fresh = await this.on((c) => act.listSharedActivities(c, shared))
      this.lists.set(key, filter.now, version, fresh)
      page = fresh
    }
    const rows = page.rows
    const states = await this.on((c) =>
      act.listViewerStates(
        c,
        viewerId,
        rows.map((r) => r.id),
      ),
    )
    return { rows: act.withViewerStates(rows, states), total: page.total }
  }

  getActivities(ids: number[]): Promise<Activity[]> {
    return this.on((c) => act.getActivities(c, ids))
  }

  getRegistrationCounts(ids: number[]): Promise<Map<number, { confirmed: number; waitlisted: number }>> {
    return this.on((c) => act.getRegistrationCounts(c, ids))
  }

  getPlanItemAttendance(
    planItemId: number,
  ): Promise<{ registered: number; checkedIn: number; volunteerHours: number }> {
    return this.on((c) => act.getPlanItemAttendance(c, planItemId))
  }

  getPlanItemRefs(ids: number[]): Promise<ActivityPlanItem[]> {
    return this.on((c) => act.getPlanItemRefs(c, ids))
  }

  getSeatCounts(activityId: number): Promise<SeatCounts & { waitlisted: number }> {
    return this.on((c) => act.getSeatCounts(c, activityId))
  }

  getConfirmedCounts(activityId: number, byOption: boolean): Promise<SeatCounts> {
    return this.on((c) => act.getConfirmedCounts(c, activityId, byOption))
  }

  getLiveRegistration(activityId: number, employeeId: number): Promise<Registration | null> {
    return this.on((c) => act.getLiveRegistration(c, activityId, employeeId))
  }

  insertRegistration(registration: NewRegistration): Promise<Registration> {
    return this.atomically((c) => act.insertRegistration(c, registration))
  }

  setRegistrationStatus(id: number, status: RegistrationStatus, event: RegistrationEvent): Promise<void> {
    return this.atomically((c) => act.setRegistrationStatus(c, id, status, event))
  }

  markCheckedIn(id: number, event: RegistrationEvent): Promise<void> {
    return this.atomically((c) => act.markCheckedIn(c, id, event))
  }

  listWaitlist(activityId: number): Promise<Registration[]> {
    return this.on((c) => act.listWaitlist(c, activityId))
  }

  getWaitlistPosition(activityId: number, registrationId: number): Promise<number> {
    return this.on((c) => act.getWaitlistPosition(c, activityId, registrationId))
  }

  listRegistrationsOf(employeeId: number): Promise<Registration[]> {
    return this.on((c) => act.listRegistrationsOf(c, employeeId))
  }

  listRegistrationsFor(activityId: number): Promise<Registration[]> {
    return this.on((c) => act.listRegistrationsFor(c, activityId))
  }

  listEmployees(filter: EmployeeFilter): Promise<{ rows: EmployeeAdminView[]; total: number }> {
    return this.on((c) => adm.listEmployees(c, filter))
  }

  listDepartments(): Promise<{ department: string; headcount: number }[]> {
    return this.on((c) => adm.listDepartments(c))
  }

  updateEmployee(id: number, patch: EmployeePatch, at: string): Promise<void> {
    this.callers.clear()
    return this.on((c) => adm.updateEmployee(c, id, patch, at))
  }

  upsertEmployees(
    rows: (Omit<NewEmployee, 'role'> & { role: Role | null })[],
    at: string,
  ): Promise<{ created: number; updated: number }> {
    this.callers.clear()
    return this.atomically((c) => adm.upsertEmployees(c, rows, at))
  }

  listEmployeeNos(): Promise<string[]> {
    return this.on((c) => adm.listEmployeeNos(c))
  }

  listActiveEmployees(): Promise<{ id: number; employeeNo: string; name: string; department: string }[]> {
    return this.on((c) => adm.listActiveEmployees(c))
  }

  listRegistrants(activityId: number): Promise<Registrant[]> {
    return this.on((c) => adm.listRegistrants(c, activityId))
  }

  listParticipation(from: string, to: string): Promise<ParticipationRow[]> {
    return this.on((c) => adm.listParticipation(c, from, to))
  }

  insertAudit(entry: NewAuditEntry): Promise<void> {
    return this.on((c) => adm.insertAudit(c, entry))
  }

  listAudit(limit: number, offset: number): Promise<{ rows: AuditEntry[]; total: number }> {
    return this.on((c) => adm.listAudit(c, limit, offset))
  }

  insertInbox(messages: NewInboxMessage[]): Promise<number> {
    return this.atomically((c) => adm.insertInbox(c, messages))
  }

  listInbox(
    employeeId: number,
    limit: number,
    offset: number,
  ): Promise<{ rows: InboxMessage[]; total: number; unread: number }> {
    return this.on((c) => adm.listInbox(c, employeeId, limit, offset))
  }

  markInboxRead(employeeId: number, ids: number[] | null, at: string): Promise<number> {
    return this.on((c) => adm.markInboxRead(c, employeeId, ids, at))
  }

  publishPlan(id: number, at: string): Promise<void> {
    return this.atomically((c) => adm.publishPlan(c, id, at))
  }

  getPlanRemoved(id: number): Promise<string[]> {
    return this.on((c) => adm.getPlanRemoved(c, id))
  }

  insertRound(round: NewRound, at: string): Promise<number> {
    return this.on((c) => com.insertRound(c, round, at))
  }

  getRound(id: number): Promise<Round | null> {
    return this.on((c) => com.getRound(c, id))
  }

  listRounds(): Promise<Round[]> {
    return this.on((c) => com.listRounds(c))
  }

  publishRound(id: number, at: string): Promise<void> {
    return this.on((c) => com.publishRound(c, id, at))
  }

  insertCandidate(candidate: NewCandidate): Promise<number> {
    return this.on((c) => com.insertCandidate(c, candidate))
  }

  getCandidate(id: number, viewerId: number, day: string): Promise<Candidate | null> {
    return this.on((c) => com.getCandidate(c, id, viewerId, day))
  }

  listCandidates(roundId: number, viewerId: number, day: string): Promise<Candidate[]> {
    return this.on((c) => com.listCandidates(c, roundId, viewerId, day))
  }

  reviewCandidate(id: number, status: CandidateStatus, reason: string | null, reviewerId: number): Promise<void> {
    return this.on((c) => com.reviewCandidate(c, id, status, reason, reviewerId))
  }

  addSecond(candidateId: number, employeeId: number, at: string): Promise<boolean> {
    return this.on((c) => com.addSecond(c, candidateId, employeeId, at))
  }

  addComment(candidateId: number, authorId: number, text: string, at: string): Promise<number> {
    return this.on((c) => com.addComment(c, candidateId, authorId, text, at))
  }

  listComments(candidateId: number): Promise<CandidateComment[]> {
    return this.on((c) => com.listComments(c, candidateId))
  }

  countVotes(
    roundId: number,
    voterId: number,
    day: string,
    candidateId: number,
  ): Promise<{ total: number; forCandidate: number }> {
    return this.on((c) => com.countVotes(c, roundId, voterId, day, candidateId))
  }

  insertVote(roundId: number, candidateId: number, voterId: number, day: string, at: string): Promise<void> {
    return this.on((c) => com.insertVote(c, roundId, candidateId, voterId, day, at))
  }

  findBookId(key: string): Promise<number | null> {
    return this.on((c) => com.findBookId(c, key))
  }

  insertBook(title: string, author: string, key: string, at: string): Promise<number> {
    return this.on((c) => com.insertBook(c, title, author, key, at))
  }

  addBookRecommendation(bookId: number, employeeId: number, reason: string, at: string): Promise<boolean> {
    return this.on((c) => com.addBookRecommendation(c, bookId, employeeId, reason, at))
  }

  listBooks(viewerId: number): Promise<Book[]> {
    return this.on((c) => com.listBooks(c, viewerId))
  }

  insertNote(authorId: number, bookTitle: string, title: string, body: string, at: string): Promise<number> {
    return this.on((c) => com.insertNote(c, authorId, bookTitle, title, body, at))
  }

  listNotes(filter: { status?: NoteStatus; authorId?: number; id?: number }, viewerId: number): Promise<ReadingNote[]> {
    return this.on((c) => com.listNotes(c, filter, viewerId))
  }

  reviewNote(id: number, status: NoteStatus, reason: string | null, at: string): Promise<void> {
    return this.on((c) => com.reviewNote(c, id, status, reason, at))
  }

  setNoteLike(noteId: number, employeeId: number, liked: boolean, at: string): Promise<void> {
    return this.on((c) => com.setNoteLike(c, noteId, employeeId, liked, at))
  }

  listVolunteerHours(from: string, to: string): Promise<VolunteerHoursRow[]> {
    return this.on((c) => com.listVolunteerHours(c, from, to))
  }
}
