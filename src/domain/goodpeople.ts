/** The five categories of 身边好人 / 道德模范. */
export const GOOD_PERSON_CATEGORIES = ['助人为乐', '见义勇为', '诚实守信', '敬业奉献', '孝老爱亲'] as const
export type GoodPersonCategory = (typeof GOOD_PERSON_CATEGORIES)[number]

export const ROUND_PHASES = {
  upcoming: '未开始',
  nominate: '推荐中',
  review: '评议审核中',
  vote: '投票中',
  counting: '计票中',
  published: '结果已公布',
} as const
export type RoundPhase = keyof typeof ROUND_PHASES

/** A round of 我推荐、我评议、我投票, e.g. one quarter. Times are ISO UTC. */
export interface Round {
  id: number
  title: string
  planItemId: number | null
  nominateOpensAt: string
  nominateClosesAt: string
  voteOpensAt: string
  voteClosesAt: string
  publishedAt: string | null
  votesPerDay: number
  votesPerCandidatePerDay: number
  showTallies: boolean
}

export type CandidateStatus = 'pending' | 'approved' | 'rejected'

export interface Candidate {
  id: number
  roundId: number
  nomineeEmployeeId: number | null
  nomineeName: string
  nomineeUnit: string
  category: GoodPersonCategory
  deed: string
  nominator: { id: number; name: string; department: string }
  status: CandidateStatus
  reviewReason: string | null
  createdAt: string
  seconds: number
  comments: number
  /** Hidden (null) until the round says tallies may be seen. */
  votes: number | null
  mySecond: boolean
  myVotesToday: number
}

export interface CandidateComment {
  id: number
  candidateId: number
  author: { id: number; name: string; department: string }
  text: string
  createdAt: string
}

export interface RoundView extends Round {
  phase: RoundPhase
  myVotesLeftToday: number
}

/** Where a round stands at `now`. */
export function getRoundPhase(round: Round, now: Date): RoundPhase {
  const at = now.getTime()
  if (round.publishedAt) return 'published'
  if (at < Date.parse(round.nominateOpensAt)) return 'upcoming'
  if (at < Date.parse(round.nominateClosesAt)) return 'nominate'
  if (at < Date.parse(round.voteOpensAt)) return 'review'
  if (at < Date.parse(round.voteClosesAt)) return 'vote'
  return 'counting'
}

/** Whether vote tallies may be shown at `now`: after the round ends, or always if the round says so. */
export function canSeeTallies(round: Round, now: Date): boolean {
  const phase = getRoundPhase(round, now)
  return round.showTallies || phase === 'counting' || phase === 'published'
}

/**
 * Why another vote is not allowed, or null when it is.
 * `today` counts the voter's votes of the day in total and for this candidate.
 */
export function checkVote(
  round: Round,
  now: Date,
  candidateStatus: CandidateStatus,
  today: { total: number; forCandidate: number },
): string | null {
  if (getRoundPhase(round, now) !== 'vote') return '当前不在投票时间内'
  if (candidateStatus !== 'approved') return '该候选人尚未通过审核，不能投票'
  if (today.forCandidate >= round.votesPerCandidatePerDay) {
    return `每人每天最多为同一位候选人投 ${round.votesPerCandidatePerDay} 票，明天再来吧`
  }
  if (today.total >= round.votesPerDay) return `每人每天最多投 ${round.votesPerDay} 票，今天的票已投完`
  return null
}
