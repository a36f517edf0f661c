import type { Candidate, CandidateComment, CandidateStatus, GoodPersonCategory, Round } from '../../domain/goodpeople'
import type { Book, NoteStatus, ReadingNote } from '../../domain/reading'
import type { SqlConn } from './sql'
import type { NewCandidate, NewRound, VolunteerHoursRow } from './types'

interface RoundRow {
  id: number
  title: string
  plan_item_id: number | null
  nominate_opens_at: string
  nominate_closes_at: string
  vote_opens_at: string
  vote_closes_at: string
  published_at: string | null
  votes_per_day: number
  votes_per_candidate_per_day: number
  show_tallies: number
}

const toRound = (r: RoundRow): Round => ({
  id: r.id,
  title: r.title,
  planItemId: r.plan_item_id,
  nominateOpensAt: r.nominate_opens_at,
  nominateClosesAt: r.nominate_closes_at,
  voteOpensAt: r.vote_opens_at,
  voteClosesAt: r.vote_closes_at,
  publishedAt: r.published_at,
  votesPerDay: r.votes_per_day,
  votesPerCandidatePerDay: r.votes_per_candidate_per_day,
  showTallies: r.show_tallies === 1,
})

/** Creates a round; returns its id. */
export async function insertRound(c: SqlConn, r: NewRound, at: string): Promise<number> {
  const row = await c.get<{ id: number }>(
    `INSERT INTO rounds (title, plan_item_id, nominate_opens_at, nominate_closes_at, vote_opens_at, vote_closes_at,
       votes_per_day, votes_per_candidate_per_day, show_tallies, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
    [
      r.title,
      r.planItemId,
      r.nominateOpensAt,
      r.nominateClosesAt,
      r.voteOpensAt,
      r.voteClosesAt,
      r.votesPerDay,
      r.votesPerCandidatePerDay,
      r.showTallies ? 1 : 0,
      at,
    ],
  )
  return row!.id
}

/** One round, or null. */
export async function getRound(c: SqlConn, id: number): Promise<Round | null> {
  const row = await c.get<RoundRow>('SELECT * FROM rounds WHERE id = ?', [id])
  return row ? toRound(row) : null
}

/** Every round, newest first. */
export async function listRounds(c: SqlConn): Promise<Round[]> {
  return (await c.all<RoundRow>('SELECT * FROM rounds ORDER BY nominate_opens_at DESC, id DESC')).map(toRound)
}

/** Publishes a round's results. */
export async function publishRound(c: SqlConn, id: number, at: string): Promise<void> {
  await c.run('UPDATE rounds SET published_at = ? WHERE id = ?', [at, id])
}

/** Adds a nomination (pending review); returns its id. */
export async function insertCandidate(c: SqlConn, x: NewCandidate): Promise<number> {
  const row = await c.get<{ id: number }>(
    `INSERT INTO candidates (round_id, nominee_employee_id, nominee_name, nominee_unit, category, deed, nominator_id, status, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, 'pending', ?) RETURNING id`,
    [x.roundId, x.nomineeEmployeeId, x.nomineeName, x.nomineeUnit, x.category, x.deed, x.nominatorId, x.at],
  )
  return row!.id
}

interface CandidateRow {
  id: number
  round_id: number
  nominee_employee_id: number | null
  nominee_name: string
  nominee_unit: string
  category: GoodPersonCategory
  deed: string
  nominator_id: number
  nominator_name: string
  nominator_department: string
  status: CandidateStatus
  review_reason: string | null
  created_at: string
  seconds: number
  comments: number
  votes: number
  my_second: number
  my_votes_today: number
}

const CANDIDATE_SELECT = `SELECT c.*, e.name AS nominator_name, e.department AS nominator_department,
  (SELECT count(*) FROM candidate_seconds s WHERE s.candidate_id = c.id) AS seconds,
  (SELECT count(*) FROM candidate_comments m WHERE m.candidate_id = c.id) AS comments,
  (SELECT count(*) FROM votes v WHERE v.candidate_id = c.id) AS votes,
  (SELECT count(*) FROM candidate_seconds s WHERE s.candidate_id = c.id AND s.employee_id = :viewer) AS my_second,
  (SELECT count(*) FROM votes v WHERE v.candidate_id = c.id AND v.voter_id = :viewer AND v.day = :day) AS my_votes_today
  FROM candidates c JOIN employees e ON e.id = c.nominator_id`

const toCandidate = (r: CandidateRow): Candidate => ({
  id: r.id,
  roundId: r.round_id,
  nomineeEmployeeId: r.nominee_employee_id,
  nomineeName: r.nominee_name,
  nomineeUnit: r.nominee_unit,
  category: r.category,
  deed: r.deed,
  nominator: { id: r.nominator_id, name: r.nominator_name, department: r.nominator_department },
  status: r.status,
  reviewReason: r.review_reason,
  createdAt: r.created_at,
  seconds: r.seconds,
  comments: r.comments,
  votes: r.votes,
  mySecond: r.my_second > 0,
  myVotesToday: r.my_votes_today,
})

/** The candidates of a round, with counts and the viewer's own seconds and votes of `day`. */
export async function listCandidates(c: SqlConn, roundId: number, viewerId: number, day: string): Promise<Candidate[]> {
  const rows = await c.all<CandidateRow>(`${CANDIDATE_SELECT} WHERE c.round_id = :round ORDER BY c.id`, {
    round: roundId,
    viewer: viewerId,
    day,
  })
  return rows.map(toCandidate)
}

/** One candidate with counts, or null. */
export async function getCandidate(c: SqlConn, id: number, viewerId: number, day: string): Promise<Candidate | null> {
  const row = await c.get<CandidateRow>(`${CANDIDATE_SELECT} WHERE c.id = :id`, { id, viewer: viewerId, day })
  return row ? toCandidate(row) : null
}

/** Approves or rejects a candidate, with the reason. */
export async function reviewCandidate(
  c: SqlConn,
  id: number,
  status: CandidateStatus,
  reason: string | null,
  reviewerId: number,
): Promise<void> {
  await c.run('UPDATE candidates SET status = ?, review_reason = ?, reviewed_by = ? WHERE id = ?', [
    status,
    reason,
    reviewerId,
    id,
  ])
}

/** Seconds a candidate (附议); false when this person already had. */
export async function addSecond(c: SqlConn, candidateId: number, employeeId: number, at: string): Promise<boolean> {
  const changed = await c.run(
    'INSERT INTO candidate_seconds (candidate_id, employee_id, at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING',
    [candidateId, employeeId, at],
  )
  return changed > 0
}

/** Adds a comment (评议). */
export async function addComment(
  c: SqlConn,
  candidateId: number,
  authorId: number,
  text: string,
  at: string,
): Promise<number> {
  const row = await c.get<{ id: number }>(
    'INSERT INTO candidate_comments (candidate_id, author_id, text, created_at) VALUES (?, ?, ?, ?) RETURNING id',
    [candidateId, authorId, text, at],
  )
  return row!.id
}

/** The comments on a candidate, oldest first. */
export async function listComments(c: SqlConn, candidateId: number): Promise<CandidateComment[]> {
  const rows = await c.all<{
    id: number
    candidate_id: number
    author_id: number
    name: string
    department: string
    text: string
    created_at: string
  }>(
    `SELECT m.*, e.name, e.department FROM candidate_comments m JOIN employees e ON e.id = m.author_id
     WHERE m.candidate_id = ? ORDER BY m.id`,
    [candidateId],
  )
  return rows.map((r) => ({
    id: r.id,
    candidateId: r.candidate_id,
    author: { id: r.author_id, name: r.name, department: r.department },
    text: r.text,
    createdAt: r.created_at,
  }))
}

/** A voter's votes in a round on one day: in all, and for one candidate. */
export async function countVotes(
  c: SqlConn,
  roundId: number,
  voterId: number,
  day: string,
  candidateId: number,
): Promise<{ total: number; forCandidate: number }> {
  const row = (await c.get<{ total: number; for_candidate: number }>(
    `SELECT count(*) AS total, coalesce(sum(CASE WHEN candidate_id = ? THEN 1 ELSE 0 END), 0) AS for_candidate
     FROM votes WHERE round_id = ? AND voter_id = ? AND day = ?`,
    [candidateId, roundId, voterId, day],
  ))!
  return { total: row.total, forCandidate: row.for_candidate }
}

/** Records a vote. */
export async function insertVote(
  c: SqlConn,
  roundId: number,
  candidateId: number,
  voterId: number,
  day: string,
  at: string,
): Promise<void> {
  await c.run('INSERT INTO votes (round_id, candidate_id, voter_id, day, at) VALUES (?, ?, ?, ?, ?)', [
    roundId,
    candidateId,
    voterId,
    day,
    at,
  ])
}

/** The book with this normalised key, or null. */
export async function findBookId(c: SqlConn, key: string): Promise<number | null> {
  const row = await c.get<{ id: number }>('SELECT id FROM books WHERE norm_key = ?', [key])
  return row?.id ?? null
}

/** Adds a book, or finds the one that someone added a moment earlier under the same key; returns its id. */
export async function insertBook(c: SqlConn, title: string, author: string, key: string, at: string): Promise<number> {
  const row = await c.get<{ id: number }>(
    'INSERT INTO books (title, author, norm_key, created_at) VALUES (?, ?, ?, ?) ON CONFLICT (norm_key) DO NOTHING RETURNING id',
    [title, author, key, at],
  )
  return row ? row.id : (await findBookId(c, key))!
}

/** Records a person's recommendation of a book; false when they already had. */
export async function addBookRecommendation(
  c: SqlConn,
  bookId: number,
  employeeId: number,
  reason: string,
  at: string,
): Promise<boolean> {
  const changed = await c.run(
    'INSERT INTO book_recommendations (book_id, employee_id, reason, at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING',
    [bookId, employeeId, reason, at],
  )
  return changed > 0
}

/** Every recommended book, most recommended first. */
export async function listBooks(c: SqlConn, viewerId: number): Promise<Book[]> {
  const books = await c.all<{ id: number; title: string; author: string; recommendations: number; mine: number }>(
    `SELECT b.id, b.title, b.author, count(r.employee_id) AS recommendations,
       max(CASE WHEN r.employee_id = ? THEN 1 ELSE 0 END) AS mine, min(r.at) AS first_at
     FROM books b JOIN book_recommendations r ON r.book_id = b.id
     GROUP BY b.id ORDER BY recommendations DESC, first_at ASC, b.id`,
    [viewerId],
  )
  const reasons = await c.all<{ book_id: number; reason: string; name: string; department: string }>(
    `SELECT r.book_id, r.reason, e.name, e.department FROM book_recommendations r JOIN employees e ON e.id = r.employee_id
     WHERE r.reason <> '' ORDER BY r.at, r.employee_id`,
  )
  return books.map((b) => ({
    id: b.id,
    title: b.title,
    author: b.author,
    recommendations: b.recommendations,
    mine: b.mine === 1,
    reasons: reasons
      .filter((r) => r.book_id === b.id)
      .map((r) => ({ employeeName: r.name, department: r.department, reason: r.reason })),
  }))
}

/** Saves a reading note, pending review; returns its id. */
export async function insertNote(
  c: SqlConn,
  authorId: number,
  bookTitle: string,
  title: string,
  body: string,
  at: string,
): Promise<number> {
  const row = await c.get<{ id: number }>(
    "INSERT INTO reading_notes (author_id, book_title, title, body, status, created_at) VALUES (?, ?, ?, ?, 'pending', ?) RETURNING id",
    [authorId, bookTitle, title, body, at],
  )
  return row!.id
}

/** Reading notes, filtered by status and/or author, newest first, with likes. */
export async function listNotes(
  c: SqlConn,
  filter: { status?: NoteStatus; authorId?: number; id?: number },
  viewerId: number,
): Promise<ReadingNote[]> {
  const where: string[] = []
  const params: Record<string, unknown> = { viewer: viewerId }
  if (filter.status) {
    where.push('n.status = :status')
    params.status = filter.status
  }
  if (filter.authorId) {
    where.push('n.author_id = :author')
    params.author = filter.authorId
  }
  if (filter.id) {
    where.push('n.id = :id')
    params.id = filter.id
  }
  const rows = await c.all<{
    id: number
    author_id: number
    name: string
    department: string
    book_title: string
    title: string
    body: string
    status: NoteStatus
    review_reason: string | null
    created_at: string
    likes: number
    liked: number
  }>(
    `SELECT n.*, e.name, e.department,
       (SELECT count(*) FROM note_likes l WHERE l.note_id = n.id) AS likes,
       (SELECT count(*) FROM note_likes l WHERE l.note_id = n.id AND l.employee_id = :viewer) AS liked
     FROM reading_notes n JOIN employees e ON e.id = n.author_id
     ${where.length ? 'WHERE ' + where.join(' AND ') : ''} ORDER BY n.id DESC LIMIT 200`,
    params,
  )
  return rows.map((r) => ({
    id: r.id,
    bookTitle: r.book_title,
    title: r.title,
    body: r.body,
    author: { id: r.author_id, name: r.name, department: r.department },
    status: r.status,
    reviewReason: r.review_reason,
    createdAt: r.created_at,
    likes: r.likes,
    liked: r.liked > 0,
  }))
}

/** Approves or rejects a note. */
export async function reviewNote(
  c: SqlConn,
  id: number,
  status: NoteStatus,
  reason: string | null,
  at: string,
): Promise<void> {
  await c.run('UPDATE reading_notes SET status = ?, review_reason = ?, reviewed_at = ? WHERE id = ?', [
    status,
    reason,
    at,
    id,
  ])
}

/** Likes or unlikes a note for one person. */
export async function setNoteLike(
  c: SqlConn,
  noteId: number,
  employeeId: number,
  liked: boolean,
  at: string,
): Promise<void> {
  if (liked) {
    await c.run('INSERT INTO note_likes (note_id, employee_id, at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING', [
      noteId,
      employeeId,
      at,
    ])
  } else await c.run('DELETE FROM note_likes WHERE note_id = ? AND employee_id = ?', [noteId, employeeId])
}

/** Volunteer hours earned between two times: one row per check-in at an activity that credits hours. */
export async function listVolunteerHours(c: SqlConn, from: string, to: string): Promise<VolunteerHoursRow[]> {
  const rows = await c.all<{
    employee_id: number
    employee_no: string
    name: string
    department: string
    activity_id: number
    title: string
    starts_at: string
    volunteer_hours: number
  }>(
    `SELECT e.id AS employee_id, e.employee_no, e.name, e.department, a.id AS activity_id, a.title, a.starts_at, a.volunteer_hours
     FROM registrations r JOIN activities a ON a.id = r.activity_id JOIN employees e ON e.id = r.employee_id
     WHERE r.status = 'confirmed' AND r.checked_in_at IS NOT NULL AND a.cancelled_at IS NULL
       AND a.volunteer_hours > 0 AND a.starts_at >= ? AND a.starts_at < ?
     ORDER BY a.starts_at, r.id`,
    [from, to],
  )
  return rows.map((r) => ({
    employeeId: r.employee_id,
    employeeNo: r.employee_no,
    name: r.name,
    department: r.department,
    activityId: r.activity_id,
    title: r.title,
    startsAt: r.starts_at,
    hours: r.volunteer_hours,
  }))
}
