import type { z } from 'zod'
import type {
  CalendarDay,
  PlanItemOutputs,
  VolunteerLedger,
  VolunteerPerson,
  VolunteerSummary,
} from '../domain/community'
import type { bookRecommendInput, nominateInput, noteSubmitInput, roundCreateInput } from '../domain/community-schemas'
import type { Candidate, CandidateComment, Round, RoundView } from '../domain/goodpeople'
import type { Book, NoteStatus, ReadingNote } from '../domain/reading'
import { callApi } from './client'

export type NominatePayload = z.input<typeof nominateInput>
export type RoundCreatePayload = z.input<typeof roundCreateInput>
export type BookRecommendPayload = z.input<typeof bookRecommendInput>
export type NoteSubmitPayload = z.input<typeof noteSubmitInput>
export type ReviewDecision = 'approved' | 'rejected'

/* 身边好人 / 道德模范 */

/** Every round, newest first, with its phase and the caller's votes left today. */
export function fetchRounds(): Promise<RoundView[]> {
  return callApi<RoundView[]>('goodpeople.rounds')
}

/** One round with the candidates the caller may see (ranked once tallies may be seen). */
export function fetchRound(id: number): Promise<{ round: RoundView; candidates: Candidate[] }> {
  return callApi<{ round: RoundView; candidates: Candidate[] }>('goodpeople.round', { id })
}

/** One candidate with the comments on them. */
export function fetchCandidate(candidateId: number): Promise<{ candidate: Candidate; comments: CandidateComment[] }> {
  return callApi<{ candidate: Candidate; comments: CandidateComment[] }>('goodpeople.candidate', { candidateId })
}

/** 我推荐: nominates a colleague by 工号, or someone outside the bureau by name and unit. */
export function nominate(input: NominatePayload): Promise<Candidate> {
  return callApi<Candidate>('goodpeople.nominate', input)
}

/** 我评议: comments on a candidate. */
export function commentOnCandidate(candidateId: number, text: string): Promise<CandidateComment> {
  return callApi<CandidateComment>('goodpeople.comment', { candidateId, text })
}

/** 附议: seconds a nomination (once per person). */
export function secondCandidate(candidateId: number): Promise<Candidate> {
  return callApi<Candidate>('goodpeople.second', { candidateId })
}

/** 我投票: one vote for a candidate; answers how many votes the caller has left today. */
export function voteForCandidate(candidateId: number): Promise<{ votesLeftToday: number }> {
  return callApi<{ votesLeftToday: number }>('goodpeople.vote', { candidateId })
}

/** The published result of a round: approved candidates ranked by votes. */
export function fetchRoundResults(id: number): Promise<{ round: RoundView; winners: Candidate[] }> {
  return callApi<{ round: RoundView; winners: Candidate[] }>('goodpeople.results', { id })
}

/** Administrators: opens a new round with its nomination and voting windows. */
export function createRound(input: RoundCreatePayload): Promise<Round> {
  return callApi<Round>('admin.goodpeople.round.create', input)
}

/** Administrators: approves a candidate, or rejects one with a reason. */
export function reviewCandidate(id: number, decision: ReviewDecision, reason = ''): Promise<Candidate> {
  return callApi<Candidate>('admin.goodpeople.review', { id, decision, reason })
}

/** Administrators: publishes a round's results once voting has ended. */
export function publishRound(id: number): Promise<Round> {
  return callApi<Round>('admin.goodpeople.publish', { id })
}

/* 书香阅读 */

/** 我心中的好书, most recommended first. */
export function fetchBooks(): Promise<Book[]> {
  return callApi<Book[]>('book.list')
}

/** Recommends a book; the same book however typed is merged into one entry. */
export function recommendBook(input: BookRecommendPayload): Promise<{ book: Book; merged: boolean }> {
  return callApi<{ book: Book; merged: boolean }>('book.recommend', input)
}

/** 我也推荐: seconds a book already on the list. */
export function secondBook(bookId: number, reason = ''): Promise<Book> {
  return callApi<Book>('book.second', { bookId, reason })
}

/** Published 读书心得, or with `mine` the caller's own in every state. */
export function fetchNotes(mine = false): Promise<ReadingNote[]> {
  return callApi<ReadingNote[]>('note.list', { mine })
}

/** Submits a 读书心得 for review. */
export function submitNote(input: NoteSubmitPayload): Promise<ReadingNote> {
  return callApi<ReadingNote>('note.submit', input)
}

/** Likes a published note, or takes the like back. */
export function likeNote(id: number, liked: boolean): Promise<ReadingNote> {
  return callApi<ReadingNote>('note.like', { id, liked })
}

/** Administrators: notes in one review state. */
export function fetchNotesForReview(status: NoteStatus = 'pending'): Promise<ReadingNote[]> {
  return callApi<ReadingNote[]>('admin.note.list', { status })
}

/** Administrators: publishes a note, or rejects it with a reason the author is told. */
export function reviewNote(id: number, decision: ReviewDecision, reason = ''): Promise<ReadingNote> {
  return callApi<ReadingNote>('admin.note.review', { id, decision, reason })
}

/* 志愿服务 */

/** The caller's volunteer hours of a year, activity by activity. */
export function fetchMyVolunteerHours(year: number): Promise<VolunteerLedger> {
  return callApi<VolunteerLedger>('volunteer.mine', { year })
}

/** Volunteer hours of a year per department, and the top ten volunteers. */
export function fetchVolunteerSummary(year: number): Promise<VolunteerSummary> {
  return callApi<VolunteerSummary>('volunteer.summary', { year })
}

/** Administrators: 优秀志愿者 candidates, everyone with at least `minHours` in the year. */
export function fetchVolunteerCandidates(year: number, minHours: number): Promise<VolunteerPerson[]> {
  return callApi<VolunteerPerson[]>('admin.volunteer.candidates', { year, minHours })
}

/* 节日与纪念日 */

/** The festivals and observances of a year in date order, each with its activities. */
export function fetchCalendar(year: number): Promise<CalendarDay[]> {
  return callApi<CalendarDay[]>('calendar.year', { year })
}

/** What a work point has produced: activities, attendance, candidates, books, notes, volunteer hours. */
export function fetchPlanItemOutputs(itemId: number): Promise<PlanItemOutputs> {
  return callApi<PlanItemOutputs>('plan.itemOutputs', { itemId })
}
