import type {
  Activity,
  ActivityCategory,
  ActivityPlanItem,
  ActivityStatus,
  ActivitySummary,
  Registration,
  RegistrationStatus,
  SeatCounts,
} from '../../domain/activity'
import type { AuditEntry, EmployeeAdminView, InboxKind, InboxMessage, Registrant } from '../../domain/admin'
import type { Employee } from '../../domain/employee'
import type { Candidate, CandidateComment, CandidateStatus, GoodPersonCategory, Round } from '../../domain/goodpeople'
import type { Book, NoteStatus, ReadingNote } from '../../domain/reading'
import type { PlanSummary, PlanView } from '../../domain/plan'
import type { Role } from '../../domain/roles'

/** An employee as stored: what the app sees plus account state. */
export interface EmployeeRecord extends Employee {
  phone: string | null
  active: boolean
  /** Whether a WeChat account is bound to this roster entry. */
  bound: boolean
}

export interface NewEmployee {
  employeeNo: string
  name: string
  department: string
  role: Role
  phone?: string | null
}

/** A parsed plan ready to be stored (shape of src/plan's output). */
export interface NewPlan {
  title: string
  year: number | null
  org: string | null
  preamble: string
  sourceText: string
  removed: string[]
  sections: {
    number: number
    sourceNumber: string
    title: string
    intro?: string
    items: { number: number; sourceNumber: string; heading: string; body: string }[]
  }[]
}

/** An activity as written: every field but id and the cancellation. */
export type NewActivity = Omit<Activity, 'id' | 'cancelledAt' | 'cancelReason'>

export interface ActivityListFilter {
  now: string
  viewerId: number
  category?: string
  status?: ActivityStatus
  planItemId?: number
  organizerDepartment?: string
  limit: number
  offset: number
}

export interface NewRegistration {
  activityId: number
  employeeId: number
  status: 'confirmed' | 'waitlisted'
  options: string[]
  form: Record<string, string | number | string[]>
  at: string
}

export interface RegistrationEvent {
  registrationId: number
  type: string
  actorId: number | null
  detail?: string
  at: string
}

export interface EmployeeFilter {
  q?: string
  department?: string
  role?: Role
  active?: boolean
  limit: number
  offset: number
}

export interface EmployeePatch {
  name?: string
  department?: string
  phone?: string | null
  role?: Role
  active?: boolean
  openid?: string | null
}

export interface NewAuditEntry {
  actorId: number | null
  action: string
  target: string
  before?: unknown
  after?: unknown
  at: string
}

export interface NewInboxMessage {
  employeeId: number
  kind: InboxKind
  title: string
  body: string
  activityId?: number | null
  /** Delivered at most once per person (e.g. a reminder for one activity). */
  dedupeKey?: string
  at: string
}

export interface ParticipationRow {
  employeeId: number
  category: ActivityCategory
  startsAt: string
  checkedIn: boolean
}

export type NewRound = Omit<Round, 'id' | 'publishedAt'>

export interface NewCandidate {
  roundId: number
  nomineeEmployeeId: number | null
  nomineeName: string
  nomineeUnit: string
  category: GoodPersonCategory
  deed: string
  nominatorId: number
  at: string
}

export interface VolunteerHoursRow {
  employeeId: number
  employeeNo: string
  name: string
  department: string
  activityId: number
  title: string
  startsAt: string
  hours: number
}

/**
 * The storage of the cloud layer: named operations, each atomic on its own.
 * `transaction` runs several of them as one unit; handlers of write actions get a transactional store.
 *
 * Concurrency contract (what makes the rules hold on a server database with many connections, where two
 * transactions can run at once; on SQLite a transaction excludes every other writer and these are free):
 * - inside a transaction, `getActivity` locks the activity's row until commit, so every write that reads an
 *   activity first (register, cancel, check in, edit) takes its turn on that activity;
 * - `lockEmployee` makes writes by one person take turns (votes per day, double submissions);
 * - unique indexes are the last line: a write that loses a race on one fails with `conflict` and writes nothing.
 */
export interface Store {
  readonly kind: 'sqlite' | 'postgres'
  transaction<T>(fn: (tx: Store) => Promise<T>): Promise<T>
  close(): Promise<void>
  /** Inside a transaction: waits for, then holds until commit, the person's write turn. */
  lockEmployee(id: number): Promise<void>

  /** The stored answer to a write sent with this idempotency key by this caller, or null. */
  getIdempotentWrite(
    scope: string,
    key: string,
  ): Promise<{ action: string; payloadHash: string; responseJson: string } | null>
  /** Keeps a write's answer under its key; drops this caller's keys older than `expireBefore`. */
  saveIdempotentWrite(
    entry: { scope: string; key: string; action: string; payloadHash: string; responseJson: string; at: string },
    expireBefore: string,
  ): Promise<void>

  getMeta(key: string): Promise<string | null>
  setMeta(key: string, value: string): Promise<void>

  countEmployees(): Promise<number>
  insertEmployees(rows: NewEmployee[], at: string): Promise<void>
  getEmployeeById(id: number): Promise<EmployeeRecord | null>
  getEmployeeByNo(employeeNo: string): Promise<EmployeeRecord | null>
  getEmployeeByOpenid(openid: string): Promise<EmployeeRecord | null>
  /** The WeChat accounts bound to these employees (for subscribe messages); unbound ones are left out. */
  getOpenids(employeeIds: number[]): Promise<Map<number, string>>
  /** Binds a WeChat account to an unbound roster entry; false when the entry is already bound. */
  bindOpenid(employeeId: number, openid: string, at: string): Promise<boolean>
  /** Active employees to offer on the demo login page: administrators, organizers, then `employees` others. */
  listDemoAccounts(employees: number): Promise<EmployeeRecord[]>

  countPlans(): Promise<number>
  insertPlan(plan: NewPlan, options: { publish: boolean; makeCurrent: boolean; at: string }): Promise<number>
  getCurrentPlanId(): Promise<number | null>
  getPlan(id: number): Promise<PlanView | null>
  listPlans(options: { publishedOnly: boolean }): Promise<PlanSummary[]>

  insertActivity(activity: NewActivity, createdBy: number | null, at: string): Promise<number>
  updateActivity(id: number, activity: NewActivity, at: string): Promise<void>
  cancelActivity(id: number, reason: string, at: string): Promise<void>
  /** One activity; inside a transaction its row stays locked until commit. */
  getActivity(id: number): Promise<Activity | null>
  countActivities(): Promise<number>
  /** Several activities in one go (any order); missing ids are left out. */
  getActivities(ids: number[]): Promise<Activity[]>
  /** Confirmed and waitlisted registrations per activity (an activity without any is absent). */
  getRegistrationCounts(ids: number[]): Promise<Map<number, { confirmed: number; waitlisted: number }>>
  /** Confirmed registrations, check-ins and volunteer hours earned, over the activities serving a work point. */
  getPlanItemAttendance(planItemId: number): Promise<{ registered: number; checkedIn: number; volunteerHours: number }>
  listActivities(filter: ActivityListFilter): Promise<{ rows: ActivitySummary[]; total: number }>
  getPlanItemRefs(ids: number[]): Promise<ActivityPlanItem[]>

  /** Every live registration counted, for display. */
  getSeatCounts(activityId: number): Promise<SeatCounts & { waitlisted: number }>
  /** Confirmed seats only (per option when `byOption`): what decides a seat, cheap however long the waitlist. */
  getConfirmedCounts(activityId: number, byOption: boolean): Promise<SeatCounts>
  getLiveRegistration(activityId: number, employeeId: number): Promise<Registration | null>
  insertRegistration(registration: NewRegistration): Promise<Registration>
  setRegistrationStatus(id: number, status: RegistrationStatus, event: RegistrationEvent): Promise<void>
  markCheckedIn(id: number, event: RegistrationEvent): Promise<void>
  listWaitlist(activityId: number): Promise<Registration[]>
  getWaitlistPosition(activityId: number, registrationId: number): Promise<number>
  listRegistrationsOf(employeeId: number): Promise<Registration[]>
  listRegistrationsFor(activityId: number): Promise<Registration[]>

  listEmployees(filter: EmployeeFilter): Promise<{ rows: EmployeeAdminView[]; total: number }>
  listDepartments(): Promise<{ department: string; headcount: number }[]>
  updateEmployee(id: number, patch: EmployeePatch, at: string): Promise<void>
  /** Creates or updates by 工号; a null role creates 职工 and keeps an existing employee's role. */
  upsertEmployees(
    rows: (Omit<NewEmployee, 'role'> & { role: Role | null })[],
    at: string,
  ): Promise<{ created: number; updated: number }>
  listEmployeeNos(): Promise<string[]>
  listActiveEmployees(): Promise<{ id: number; employeeNo: string; name: string; department: string }[]>
  listRegistrants(activityId: number): Promise<Registrant[]>
  listParticipation(from: string, to: string): Promise<ParticipationRow[]>
  insertAudit(entry: NewAuditEntry): Promise<void>
  listAudit(limit: number, offset: number): Promise<{ rows: AuditEntry[]; total: number }>
  insertInbox(messages: NewInboxMessage[]): Promise<number>
  listInbox(
    employeeId: number,
    limit: number,
    offset: number,
  ): Promise<{ rows: InboxMessage[]; total: number; unread: number }>
  markInboxRead(employeeId: number, ids: number[] | null, at: string): Promise<number>
  publishPlan(id: number, at: string): Promise<void>
  getPlanRemoved(id: number): Promise<string[]>

  insertRound(round: NewRound, at: string): Promise<number>
  getRound(id: number): Promise<Round | null>
  listRounds(): Promise<Round[]>
  publishRound(id: number, at: string): Promise<void>
  insertCandidate(candidate: NewCandidate): Promise<number>
  getCandidate(id: number, viewerId: number, day: string): Promise<Candidate | null>
  listCandidates(roundId: number, viewerId: number, day: string): Promise<Candidate[]>
  reviewCandidate(id: number, status: CandidateStatus, reason: string | null, reviewerId: number): Promise<void>
  addSecond(candidateId: number, employeeId: number, at: string): Promise<boolean>
  addComment(candidateId: number, authorId: number, text: string, at: string): Promise<number>
  listComments(candidateId: number): Promise<CandidateComment[]>
  countVotes(
    roundId: number,
    voterId: number,
    day: string,
    candidateId: number,
  ): Promise<{ total: number; forCandidate: number }>
  insertVote(roundId: number, candidateId: number, voterId: number, day: string, at: string): Promise<void>

  findBookId(key: string): Promise<number | null>
  insertBook(title: string, author: string, key: string, at: string): Promise<number>
  addBookRecommendation(bookId: number, employeeId: number, reason: string, at: string): Promise<boolean>
  listBooks(viewerId: number): Promise<Book[]>
  insertNote(authorId: number, bookTitle: string, title: string, body: string, at: string): Promise<number>
  listNotes(filter: { status?: NoteStatus; authorId?: number; id?: number }, viewerId: number): Promise<ReadingNote[]>
  reviewNote(id: number, status: NoteStatus, reason: string | null, at: string): Promise<void>
  setNoteLike(noteId: number, employeeId: number, liked: boolean, at: string): Promise<void>
  listVolunteerHours(from: string, to: string): Promise<VolunteerHoursRow[]>
}
