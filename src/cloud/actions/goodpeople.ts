import {
  canSeeTallies,
  checkVote,
  getRoundPhase,
  type Candidate,
  type CandidateComment,
  type Round,
  type RoundView,
} from '../../domain/goodpeople'
import {
  candidateIdInput,
  commentInput,
  nominateInput,
  reviewInput,
  roundCreateInput,
  roundIdInput,
} from '../../domain/community-schemas'
import { hasRole } from '../../domain/roles'
import { emptyInput } from '../../domain/schemas'
import { toLocalDate } from '../../domain/time'
import { AppError, notFound } from '../errors'
import type { EmployeeRecord, Store } from '../store/types'
import { recordAudit } from './audit'
import { defineAction } from './define'

const NOMINATIONS_PER_PERSON = 3
const day = (now: Date) => toLocalDate(now.toISOString())

async function loadRound(store: Store, id: number): Promise<Round> {
  const round = await store.getRound(id)
  if (!round) throw notFound('评选')
  return round
}

async function toRoundView(store: Store, round: Round, viewer: EmployeeRecord, now: Date): Promise<RoundView> {
  const { total } = await store.countVotes(round.id, viewer.id, day(now), 0)
  return { ...round, phase: getRoundPhase(round, now), myVotesLeftToday: Math.max(0, round.votesPerDay - total) }
}

/** What a viewer may see of a candidate: rejected ones only by their nominator and administrators; tallies per the round. */
function visibleCandidates(candidates: Candidate[], round: Round, viewer: EmployeeRecord, now: Date): Candidate[] {
  const admin = hasRole(viewer.role, 'admin')
  const tallies = admin || canSeeTallies(round, now)
  return candidates
    .filter((c) => admin || c.status !== 'rejected' || c.nominator.id === viewer.id)
    .map((c) => ({ ...c, votes: tallies ? c.votes : null }))
}

async function loadCandidate(
  store: Store,
  id: number,
  viewer: EmployeeRecord,
  now: Date,
): Promise<{ candidate: Candidate; round: Round }> {
  const candidate = await store.getCandidate(id, viewer.id, day(now))
  if (!candidate) throw notFound('候选人')
  const round = await loadRound(store, candidate.roundId)
  const [visible] = visibleCandidates([candidate], round, viewer, now)
  if (!visible) throw notFound('候选人')
  return { candidate: visible, round }
}

export const goodPeopleActions = {
  'goodpeople.rounds': defineAction({
    auth: 'employee',
    write: false,
    input: emptyInput,
    async handler({ store, employee, now }): Promise<RoundView[]> {
      const rounds = await store.listRounds()
      return Promise.all(rounds.map((r) => toRoundView(store, r, employee!, now)))
    },
  }),

  'goodpeople.round': defineAction({
    auth: 'employee',
    write: false,
    input: roundIdInput,
    async handler({ input, store, employee, now }): Promise<{ round: RoundView; candidates: Candidate[] }> {
      const round = await loadRound(store, input.id)
      const candidates = visibleCandidates(
        await store.listCandidates(round.id, employee!.id, day(now)),
        round,
        employee!,
        now,
      )
      // Once votes may be seen, the list reads as a ranking.
      if (candidates.every((c) => c.votes !== null))
        candidates.sort((a, b) => (b.votes ?? 0) - (a.votes ?? 0) || a.id - b.id)
      return { round: await toRoundView(store, round, employee!, now), candidates }
    },
  }),

  'goodpeople.candidate': defineAction({
    auth: 'employee',
    write: false,
    input: candidateIdInput,
    async handler({ input, store, employee, now }): Promise<{ candidate: Candidate; comments: CandidateComment[] }> {
      const { candidate } = await loadCandidate(store, input.candidateId, employee!, now)
      return { candidate, comments: await store.listComments(candidate.id) }
    },
  }),

  // 我推荐: a colleague from the roster, or someone outside the bureau.
  'goodpeople.nominate': defineAction({
    auth: 'employee',
    write: true,
    input: nominateInput,
    async handler({ input, store, employee, now }): Promise<Candidate> {
      const round = await loadRound(store, input.roundId)
      if (getRoundPhase(round, now) !== 'nominate') throw new AppError('conflict', '当前不在推荐时间内')
      const existing = await store.listCandidates(round.id, employee!.id, day(now))
      if (existing.filter((c) => c.nominator.id === employee!.id).length >= NOMINATIONS_PER_PERSON) {
        throw new AppError('conflict', `每人每轮最多推荐 ${NOMINATIONS_PER_PERSON} 人`)
      }
      let nominee = { id: null as number | null, name: input.nomineeName ?? '', unit: input.nomineeUnit ?? '' }
      if (input.nomineeEmployeeNo) {
        const colleague = await store.getEmployeeByNo(input.nomineeEmployeeNo)
        if (!colleague || !colleague.active)
          throw new AppError('not_found', `花名册中没有工号 ${input.nomineeEmployeeNo}`)
        nominee = { id: colleague.id, name: colleague.name, unit: colleague.department }
      }
      const duplicate = existing.find(
        (c) =>
          c.status !== 'rejected' &&
          (nominee.id
            ? c.nomineeEmployeeId === nominee.id
            : c.nomineeName === nominee.name && c.nomineeUnit === nominee.unit),
      )
      if (duplicate) throw new AppError('conflict', `${nominee.name} 已被推荐，可以前往附议`)
      const id = await store.insertCandidate({
        roundId: round.id,
        nomineeEmployeeId: nominee.id,
        nomineeName: nominee.name,
        nomineeUnit: nominee.unit,
        category: input.category,
        deed: input.deed,
        nominatorId: employee!.id,
        at: now.toISOString(),
      })
      return (await loadCandidate(store, id, employee!, now)).candidate
    },
  }),

  // 我评议: a comment on a candidate still in the running.
  'goodpeople.comment': defineAction({
    auth: 'employee',
    write: true,
    input: commentInput,
    async handler({ input, store, employee, now }): Promise<CandidateComment> {
      const { candidate, round } = await loadCandidate(store, input.candidateId, employee!, now)
      if (candidate.status === 'rejected') throw new AppError('conflict', '该推荐未通过审核，不能再评议')
      if (['counting', 'published'].includes(getRoundPhase(round, now)))
        throw new AppError('conflict', '本轮评选已结束')
      const id = await store.addComment(candidate.id, employee!.id, input.text, now.toISOString())
      return (await store.listComments(candidate.id)).find((c) => c.id === id)!
    },
  }),

  // 附议: seconding a nomination, once per person.
  'goodpeople.second': defineAction({
    auth: 'employee',
    write: true,
    input: candidateIdInput,
    async handler({ input, store, employee, now }): Promise<Candidate> {
      const { candidate, round } = await loadCandidate(store, input.candidateId, employee!, now)
      if (candidate.status === 'rejected') throw new AppError('conflict', '该推荐未通过审核，不能附议')
      if (!['nominate', 'review'].includes(getRoundPhase(round, now)))
        throw new AppError('conflict', '附议仅在推荐和评议阶段开放')
      await store.addSecond(candidate.id, employee!.id, now.toISOString())
      return (await loadCandidate(store, candidate.id, employee!, now)).candidate
    },
  }),

  // 我投票: limits per day and per candidate are counted inside this transaction.
  'goodpeople.vote': defineAction({
    auth: 'employee',
    write: true,
    input: candidateIdInput,
    async handler({ input, store, employee, now }): Promise<{ votesLeftToday: number }> {
      const { candidate, round } = await loadCandidate(store, input.candidateId, employee!, now)
      const today = await store.countVotes(round.id, employee!.id, day(now), candidate.id)
      const problem = checkVote(round, now, candidate.status, today)
      if (problem) throw new AppError('conflict', problem)
      await store.insertVote(round.id, candidate.id, employee!.id, day(now), now.toISOString())
      return { votesLeftToday: round.votesPerDay - today.total - 1 }
    },
  }),

  'goodpeople.results': defineAction({
    auth: 'employee',
    write: false,
    input: roundIdInput,
    async handler({ input, store, employee, now }): Promise<{ round: RoundView; winners: Candidate[] }> {
      const round = await loadRound(store, input.id)
      if (!round.publishedAt && !hasRole(employee!.role, 'admin')) throw new AppError('conflict', '评选结果尚未公布')
      const approved = (await store.listCandidates(round.id, employee!.id, day(now))).filter(
        (c) => c.status === 'approved',
      )
      return {
        round: await toRoundView(store, round, employee!, now),
        winners: approved.sort((a, b) => (b.votes ?? 0) - (a.votes ?? 0) || a.id - b.id),
      }
    },
  }),

  'admin.goodpeople.round.create': defineAction({
    auth: 'employee',
    role: 'admin',
    write: true,
    input: roundCreateInput,
    async handler({ input, store, employee, now }): Promise<Round> {
      const t = Date.parse
      if (!(
        t(input.nominateOpensAt) < t(input.nominateClosesAt) &&
        t(input.nominateClosesAt) <= t(input.voteOpensAt) &&
        t(input.voteOpensAt) < t(input.voteClosesAt)
      )) {
        throw new AppError('invalid_input', '时间应依次为：推荐开始 < 推荐截止 ≤ 投票开始 < 投票截止')
      }
      if (input.planItemId !== null && (await store.getPlanItemRefs([input.planItemId])).length === 0) {
        throw new AppError('invalid_input', '关联的工作要点不存在')
      }
      const id = await store.insertRound(input, now.toISOString())
      const round = (await store.getRound(id))!
      await recordAudit(store, employee!.id, 'goodpeople.round.create', `评选 #${id}`, null, round, now)
      return round
    },
  }),

  'admin.goodpeople.review': defineAction({
    auth: 'employee',
    role: 'admin',
    write: true,
    input: reviewInput,
    async handler({ input, store, employee, now }): Promise<Candidate> {
      const before = await store.getCandidate(input.id, employee!.id, day(now))
      if (!before) throw notFound('候选人')
      if (input.decision === 'rejected' && !input.reason) throw new AppError('invalid_input', '不通过时请写明原因')
      await store.reviewCandidate(input.id, input.decision, input.reason || null, employee!.id)
      const after = (await store.getCandidate(input.id, employee!.id, day(now)))!
      await recordAudit(
        store,
        employee!.id,
        'goodpeople.review',
        `候选人 #${input.id}（${before.nomineeName}）`,
        { status: before.status },
        { status: after.status, reason: input.reason },
        now,
      )
      return after
    },
  }),

  'admin.goodpeople.publish': defineAction({
    auth: 'employee',
    role: 'admin',
    write: true,
    input: roundIdInput,
    async handler({ input, store, employee, now }): Promise<Round> {
      const round = await loadRound(store, input.id)
      if (now.getTime() < Date.parse(round.voteClosesAt)) throw new AppError('conflict', '投票尚未结束，不能公布结果')
      await store.publishRound(round.id, now.toISOString())
      await recordAudit(
        store,
        employee!.id,
        'goodpeople.publish',
        `评选 #${round.id}`,
        null,
        { publishedAt: now.toISOString() },
        now,
      )
      return (await store.getRound(round.id))!
    },
  }),
}
