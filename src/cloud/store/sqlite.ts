import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
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
import { SQLITE_MIGRATIONS } from './migrations'
import * as act from './sqlite-activity'
import * as adm from './sqlite-admin'
import type { EmployeeRow } from './sqlite-admin'
import * as com from './sqlite-community'
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

type Db = Database.Database

interface PlanRow {
  id: number
  title: string
  year: number | null
  org: string | null
  preamble: string
  is_current: number
  published_at: string | null
}

const nowIso = (): string => new Date().toISOString()

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

/** Serialises access to the one connection, so a transaction never interleaves with another request. */
class Mutex {
  private tail: Promise<void> = Promise.resolve()

  async run<T>(fn: () => Promise<T>): Promise<T> {
    const previous = this.tail
    let release!: () => void
    this.tail = new Promise<void>((resolve) => (release = resolve))
    await previous
    try {
      return await fn()
    } finally {
      release()
    }
  }
}

/** Applies the migrations that this database has not seen yet. */
export function migrateSqlite(db: Db): number[] {
  db.exec(
    'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)',
  )
  const applied = new Set(
    (db.prepare('SELECT version FROM schema_migrations').all() as { version: number }[]).map((r) => r.version),
  )
  const done: number[] = []
  for (const migration of SQLITE_MIGRATIONS) {
    if (applied.has(migration.version)) continue
    db.transaction(() => {
      db.exec(migration.sql)
      db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(
        migration.version,
        migration.name,
        nowIso(),
      )
    })()
    done.push(migration.version)
  }
  return done
}

/** Operations on one connection; `locked` says whether the caller already holds the mutex. */
class SqliteOps implements Store {
  readonly kind = 'sqlite' as const

  constructor(
    protected readonly db: Db,
    private readonly mutex: Mutex,
    private readonly inTransaction: boolean,
  ) {}

  private use<T>(fn: () => T): Promise<T> {
    if (this.inTransaction) return Promise.resolve().then(fn)
    return this.mutex.run(async () => this.db.transaction(fn)())
  }

  async transaction<T>(fn: (tx: Store) => Promise<T>): Promise<T> {
    if (this.inTransaction) return fn(this)
    return this.mutex.run(async () => {
      this.db.exec('BEGIN IMMEDIATE')
      try {
        const result = await fn(new SqliteOps(this.db, this.mutex, true))
        this.db.exec('COMMIT')
        return result
      } catch (error) {
        if (this.db.inTransaction) this.db.exec('ROLLBACK')
        throw error
      }
    })
  }

  async close(): Promise<void> {
    await this.mutex.run(async () => this.db.close())
  }

  getMeta(key: string): Promise<string | null> {
    return this.use(() => {
      const row = this.db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined
      return row?.value ?? null
    })
  }

  setMeta(key: string, value: string): Promise<void> {
    return this.use(() => {
      this.db
        .prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value')
        .run(key, value)
    })
  }

  countEmployees(): Promise<number> {
    return this.use(() => (this.db.prepare('SELECT count(*) AS n FROM employees').get() as { n: number }).n)
  }

  insertEmployees(rows: NewEmployee[]): Promise<void> {
    return this.use(() => {
      const insert = this.db.prepare(
        `INSERT INTO employees (employee_no, name, department, role, phone, active, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, 1, ?, ?)`,
      )
      const at = nowIso()
      for (const row of rows) insert.run(row.employeeNo, row.name, row.department, row.role, row.phone ?? null, at, at)
    })
  }

  getEmployeeById(id: number): Promise<EmployeeRecord | null> {
    return this.use(() => toEmployee(this.db.prepare('SELECT * FROM employees WHERE id = ?').get(id) as EmployeeRow))
  }

  getEmployeeByNo(employeeNo: string): Promise<EmployeeRecord | null> {
    return this.use(() =>
      toEmployee(this.db.prepare('SELECT * FROM employees WHERE employee_no = ?').get(employeeNo) as EmployeeRow),
    )
  }

  getEmployeeByOpenid(openid: string): Promise<EmployeeRecord | null> {
    return this.use(() =>
      toEmployee(this.db.prepare('SELECT * FROM employees WHERE openid = ?').get(openid) as EmployeeRow),
    )
  }

  bindOpenid(employeeId: number, openid: string): Promise<void> {
    return this.use(() => {
      this.db.prepare('UPDATE employees SET openid = ?, updated_at = ? WHERE id = ?').run(openid, nowIso(), employeeId)
    })
  }

  listDemoAccounts(employees: number): Promise<EmployeeRecord[]> {
    return this.use(() => {
      const rows = this.db
        .prepare(
          `SELECT * FROM (SELECT * FROM employees WHERE active = 1 AND role = 'admin' ORDER BY employee_no LIMIT 2)
           UNION ALL SELECT * FROM (SELECT * FROM employees WHERE active = 1 AND role = 'organizer' ORDER BY employee_no LIMIT 2)
           UNION ALL SELECT * FROM (SELECT * FROM employees WHERE active = 1 AND role = 'employee' ORDER BY employee_no LIMIT ?)`,
        )
        .all(employees) as EmployeeRow[]
      return rows.map((row) => toEmployee(row) as EmployeeRecord)
    })
  }

  countPlans(): Promise<number> {
    return this.use(() => (this.db.prepare('SELECT count(*) AS n FROM plans').get() as { n: number }).n)
  }

  insertPlan(plan: NewPlan, options: { publish: boolean; makeCurrent: boolean }): Promise<number> {
    return this.use(() => {
      const at = nowIso()
      if (options.makeCurrent) this.db.prepare('UPDATE plans SET is_current = 0 WHERE is_current = 1').run()
      const planId = Number(
        this.db
          .prepare(
            `INSERT INTO plans (title, year, org, preamble, source_text, removed_json, status, is_current, created_at, published_at)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          )
          .run(
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
          ).lastInsertRowid,
      )
      const insertSection = this.db.prepare(
        'INSERT INTO plan_sections (plan_id, position, source_number, title, intro) VALUES (?, ?, ?, ?, ?)',
      )
      const insertItem = this.db.prepare(
        'INSERT INTO plan_items (section_id, position, number, source_number, heading, body) VALUES (?, ?, ?, ?, ?, ?)',
      )
      plan.sections.forEach((section, sectionIndex) => {
        const sectionId = insertSection.run(
          planId,
          sectionIndex + 1,
          section.sourceNumber,
          section.title,
          section.intro ?? '',
        ).lastInsertRowid
        section.items.forEach((item, itemIndex) => {
          insertItem.run(sectionId, itemIndex + 1, item.number, item.sourceNumber, item.heading, item.body)
        })
      })
      return planId
    })
  }

  getCurrentPlanId(): Promise<number | null> {
    return this.use(() => {
      const row = this.db.prepare('SELECT id FROM plans WHERE is_current = 1').get() as { id: number } | undefined
      return row?.id ?? null
    })
  }

  getPlan(id: number): Promise<PlanView | null> {
    return this.use(() => {
      const plan = this.db.prepare('SELECT * FROM plans WHERE id = ?').get(id) as PlanRow | undefined
      if (!plan) return null
      const sections = this.db.prepare('SELECT * FROM plan_sections WHERE plan_id = ? ORDER BY position').all(id) as {
        id: number
        position: number
        source_number: string
        title: string
        intro: string
      }[]
      const items = this.db
        .prepare(
          `SELECT i.* FROM plan_items i JOIN plan_sections s ON s.id = i.section_id
           WHERE s.plan_id = ? ORDER BY s.position, i.position`,
        )
        .all(id) as {
        id: number
        section_id: number
        number: number
        source_number: string
        heading: string
        body: string
      }[]
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

  listPlans(options: { publishedOnly: boolean }): Promise<PlanSummary[]> {
    return this.use(() => {
      const rows = this.db
        .prepare(
          `SELECT p.id, p.title, p.year, p.org, p.is_current, p.published_at,
             (SELECT count(*) FROM plan_sections s WHERE s.plan_id = p.id) AS section_count,
             (SELECT count(*) FROM plan_items i JOIN plan_sections s ON s.id = i.section_id WHERE s.plan_id = p.id) AS item_count
           FROM plans p
           WHERE (? = 0 OR p.status = 'published')
           ORDER BY p.is_current DESC, p.year DESC, p.id DESC`,
        )
        .all(options.publishedOnly ? 1 : 0) as (PlanRow & { section_count: number; item_count: number })[]
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
    })
  }

  insertActivity(activity: NewActivity, createdBy: number | null, at: string): Promise<number> {
    return this.use(() => act.insertActivity(this.db, activity, createdBy, at))
  }

  updateActivity(id: number, activity: NewActivity, at: string): Promise<void> {
    return this.use(() => act.updateActivity(this.db, id, activity, at))
  }

  cancelActivity(id: number, reason: string, at: string): Promise<void> {
    return this.use(() => act.cancelActivity(this.db, id, reason, at))
  }

  getActivity(id: number): Promise<Activity | null> {
    return this.use(() => act.getActivity(this.db, id))
  }

  countActivities(): Promise<number> {
    return this.use(() => act.countActivities(this.db))
  }

  listActivities(filter: ActivityListFilter): Promise<{ rows: ActivitySummary[]; total: number }> {
    return this.use(() => act.listActivities(this.db, filter))
  }

  getPlanItemRefs(ids: number[]): Promise<ActivityPlanItem[]> {
    return this.use(() => act.getPlanItemRefs(this.db, ids))
  }

  getSeatCounts(activityId: number): Promise<SeatCounts & { waitlisted: number }> {
    return this.use(() => act.getSeatCounts(this.db, activityId))
  }

  getLiveRegistration(activityId: number, employeeId: number): Promise<Registration | null> {
    return this.use(() => act.getLiveRegistration(this.db, activityId, employeeId))
  }

  insertRegistration(registration: NewRegistration): Promise<Registration> {
    return this.use(() => act.insertRegistration(this.db, registration))
  }

  setRegistrationStatus(id: number, status: RegistrationStatus, event: RegistrationEvent): Promise<void> {
    return this.use(() => act.setRegistrationStatus(this.db, id, status, event))
  }

  markCheckedIn(id: number, event: RegistrationEvent): Promise<void> {
    return this.use(() => act.markCheckedIn(this.db, id, event))
  }

  listWaitlist(activityId: number): Promise<Registration[]> {
    return this.use(() => act.listWaitlist(this.db, activityId))
  }

  getWaitlistPosition(activityId: number, registrationId: number): Promise<number> {
    return this.use(() => act.getWaitlistPosition(this.db, activityId, registrationId))
  }

  listRegistrationsOf(employeeId: number): Promise<Registration[]> {
    return this.use(() => act.listRegistrationsOf(this.db, employeeId))
  }

  listRegistrationsFor(activityId: number): Promise<Registration[]> {
    return this.use(() => act.listRegistrationsFor(this.db, activityId))
  }

  listEmployees(filter: EmployeeFilter): Promise<{ rows: EmployeeAdminView[]; total: number }> {
    return this.use(() => adm.listEmployees(this.db, filter))
  }

  listDepartments(): Promise<{ department: string; headcount: number }[]> {
    return this.use(() => adm.listDepartments(this.db))
  }

  updateEmployee(id: number, patch: EmployeePatch, at: string): Promise<void> {
    return this.use(() => adm.updateEmployee(this.db, id, patch, at))
  }

  upsertEmployees(
    rows: (Omit<NewEmployee, 'role'> & { role: Role | null })[],
    at: string,
  ): Promise<{ created: number; updated: number }> {
    return this.use(() => adm.upsertEmployees(this.db, rows, at))
  }

  listEmployeeNos(): Promise<string[]> {
    return this.use(() => adm.listEmployeeNos(this.db))
  }

  listActiveEmployees(): Promise<{ id: number; employeeNo: string; name: string; department: string }[]> {
    return this.use(() => adm.listActiveEmployees(this.db))
  }

  listRegistrants(activityId: number): Promise<Registrant[]> {
    return this.use(() => adm.listRegistrants(this.db, activityId))
  }

  listParticipation(from: string, to: string): Promise<ParticipationRow[]> {
    return this.use(() => adm.listParticipation(this.db, from, to))
  }

  insertAudit(entry: NewAuditEntry): Promise<void> {
    return this.use(() => adm.insertAudit(this.db, entry))
  }

  listAudit(limit: number, offset: number): Promise<{ rows: AuditEntry[]; total: number }> {
    return this.use(() => adm.listAudit(this.db, limit, offset))
  }

  insertInbox(messages: NewInboxMessage[]): Promise<number> {
    return this.use(() => adm.insertInbox(this.db, messages))
  }

  listInbox(
    employeeId: number,
    limit: number,
    offset: number,
  ): Promise<{ rows: InboxMessage[]; total: number; unread: number }> {
    return this.use(() => adm.listInbox(this.db, employeeId, limit, offset))
  }

  markInboxRead(employeeId: number, ids: number[] | null, at: string): Promise<number> {
    return this.use(() => adm.markInboxRead(this.db, employeeId, ids, at))
  }

  publishPlan(id: number, at: string): Promise<void> {
    return this.use(() => adm.publishPlan(this.db, id, at))
  }

  getPlanRemoved(id: number): Promise<string[]> {
    return this.use(() => adm.getPlanRemoved(this.db, id))
  }

  insertRound(round: NewRound, at: string): Promise<number> {
    return this.use(() => com.insertRound(this.db, round, at))
  }

  getRound(id: number): Promise<Round | null> {
    return this.use(() => com.getRound(this.db, id))
  }

  listRounds(): Promise<Round[]> {
    return this.use(() => com.listRounds(this.db))
  }

  publishRound(id: number, at: string): Promise<void> {
    return this.use(() => com.publishRound(this.db, id, at))
  }

  insertCandidate(candidate: NewCandidate): Promise<number> {
    return this.use(() => com.insertCandidate(this.db, candidate))
  }

  getCandidate(id: number, viewerId: number, day: string): Promise<Candidate | null> {
    return this.use(() => com.getCandidate(this.db, id, viewerId, day))
  }

  listCandidates(roundId: number, viewerId: number, day: string): Promise<Candidate[]> {
    return this.use(() => com.listCandidates(this.db, roundId, viewerId, day))
  }

  reviewCandidate(id: number, status: CandidateStatus, reason: string | null, reviewerId: number): Promise<void> {
    return this.use(() => com.reviewCandidate(this.db, id, status, reason, reviewerId))
  }

  addSecond(candidateId: number, employeeId: number, at: string): Promise<boolean> {
    return this.use(() => com.addSecond(this.db, candidateId, employeeId, at))
  }

  addComment(candidateId: number, authorId: number, text: string, at: string): Promise<number> {
    return this.use(() => com.addComment(this.db, candidateId, authorId, text, at))
  }

  listComments(candidateId: number): Promise<CandidateComment[]> {
    return this.use(() => com.listComments(this.db, candidateId))
  }

  countVotes(
    roundId: number,
    voterId: number,
    day: string,
    candidateId: number,
  ): Promise<{ total: number; forCandidate: number }> {
    return this.use(() => com.countVotes(this.db, roundId, voterId, day, candidateId))
  }

  insertVote(roundId: number, candidateId: number, voterId: number, day: string, at: string): Promise<void> {
    return this.use(() => com.insertVote(this.db, roundId, candidateId, voterId, day, at))
  }

  findBookId(key: string): Promise<number | null> {
    return this.use(() => com.findBookId(this.db, key))
  }

  insertBook(title: string, author: string, key: string, at: string): Promise<number> {
    return this.use(() => com.insertBook(this.db, title, author, key, at))
  }

  addBookRecommendation(bookId: number, employeeId: number, reason: string, at: string): Promise<boolean> {
    return this.use(() => com.addBookRecommendation(this.db, bookId, employeeId, reason, at))
  }

  listBooks(viewerId: number): Promise<Book[]> {
    return this.use(() => com.listBooks(this.db, viewerId))
  }

  insertNote(authorId: number, bookTitle: string, title: string, body: string, at: string): Promise<number> {
    return this.use(() => com.insertNote(this.db, authorId, bookTitle, title, body, at))
  }

  listNotes(filter: { status?: NoteStatus; authorId?: number; id?: number }, viewerId: number): Promise<ReadingNote[]> {
    return this.use(() => com.listNotes(this.db, filter, viewerId))
  }

  reviewNote(id: number, status: NoteStatus, reason: string | null, at: string): Promise<void> {
    return this.use(() => com.reviewNote(this.db, id, status, reason, at))
  }

  setNoteLike(noteId: number, employeeId: number, liked: boolean, at: string): Promise<void> {
    return this.use(() => com.setNoteLike(this.db, noteId, employeeId, liked, at))
  }

  listVolunteerHours(from: string, to: string): Promise<VolunteerHoursRow[]> {
    return this.use(() => com.listVolunteerHours(this.db, from, to))
  }
}

/** Opens (creating if needed) the SQLite database file and brings its schema up to date. */
export function openSqliteStore(file: string): Store {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true })
  const db = new Database(file)
  db.pragma('journal_mode = WAL')
  db.pragma('synchronous = NORMAL')
  db.pragma('foreign_keys = ON')
  db.pragma('busy_timeout = 5000')
  migrateSqlite(db)
  return new SqliteOps(db, new Mutex(), false)
}
