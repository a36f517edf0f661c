import { Text, View } from '@tarojs/components'
import StatusChip, { type ChipTone } from '../../../components/status-chip'
import {
  ROUND_PHASES,
  type Candidate,
  type CandidateStatus,
  type GoodPersonCategory,
  type RoundPhase,
  type RoundView,
} from '../../../domain/goodpeople'
import { formatDay, formatTimeRange, fromLocal, toLocalDate } from '../../../domain/time'
import './round.scss'

export const GOODPEOPLE_HOME = '/packages/goodpeople/index/index'

const PHASE_TONES: Record<RoundPhase, ChipTone> = {
  upcoming: 'gold',
  nominate: 'green',
  review: 'blue',
  vote: 'red',
  counting: 'orange',
  published: 'grey',
}

/** Where a round stands: 未开始, 推荐中, 评议审核中, 投票中, 计票中, 结果已公布. */
export function PhaseChip({ phase }: { phase: RoundPhase }) {
  return <StatusChip label={ROUND_PHASES[phase]} tone={PHASE_TONES[phase]} />
}

const STATUS_CHIPS: Record<CandidateStatus, { label: string; tone: ChipTone }> = {
  pending: { label: '待审核', tone: 'orange' },
  approved: { label: '已通过审核', tone: 'green' },
  rejected: { label: '未通过', tone: 'grey' },
}

/** Where a nomination stands in review. */
export function CandidateStatusChip({ status }: { status: CandidateStatus }) {
  const chip = STATUS_CHIPS[status]
  return <StatusChip label={chip.label} tone={chip.tone} />
}

/** The category a nominee is put forward in: 助人为乐, 见义勇为 …, in gold. */
export function CategoryChip({ category }: { category: GoodPersonCategory }) {
  return <StatusChip label={category} tone='gold' />
}

const isMidnight = (iso: string) => fromLocal(toLocalDate(iso)) === new Date(iso).toISOString()
const dayBefore = (iso: string) => new Date(Date.parse(iso) - 1).toISOString()

/** A window in words: whole days as `11月1日 周日 至 11月14日 周六`, otherwise with the times. */
export function describeWindow(opensAt: string, closesAt: string): string {
  if (isMidnight(opensAt) && isMidnight(closesAt)) {
    const last = dayBefore(closesAt)
    return toLocalDate(last) === toLocalDate(opensAt)
      ? formatDay(opensAt)
      : `${formatDay(opensAt)} 至 ${formatDay(last)}`
  }
  return formatTimeRange(opensAt, closesAt)
}

/** The round's two windows, 推荐 and 投票, as rows. */
export function RoundWindows({ round }: { round: RoundView }) {
  return (
    <View className='gp-windows'>
      <View className='gp-windows__row'>
        <Text className='gp-windows__key'>推荐</Text>
        <Text className='gp-windows__value'>{describeWindow(round.nominateOpensAt, round.nominateClosesAt)}</Text>
      </View>
      <View className='gp-windows__row'>
        <Text className='gp-windows__key'>投票</Text>
        <Text className='gp-windows__value'>{describeWindow(round.voteOpensAt, round.voteClosesAt)}</Text>
      </View>
    </View>
  )
}

/** The tally of a candidate as the viewer may see it. */
export function describeVotes(candidate: Candidate): string {
  return candidate.votes === null ? '票数投票结束后公布' : `${candidate.votes} 票`
}

/** Why the caller cannot vote for this candidate now, or null when they can. */
export function voteBlocker(round: RoundView, candidate: Candidate): string | null {
  if (round.phase !== 'vote' || candidate.status !== 'approved') return '不在投票中'
  if (candidate.myVotesToday >= round.votesPerCandidatePerDay) return '今日已投'
  if (round.myVotesLeftToday <= 0) return '今日票已投完'
  return null
}
