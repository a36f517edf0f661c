import { Button } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import type { Candidate, RoundView } from '../../../domain/goodpeople'
import { CandidateStatusChip, CategoryChip, describeVotes, voteBlocker } from './round'
import './candidate-card.scss'

interface CandidateCardProps {
  candidate: Candidate
  round: RoundView
  onOpen: (candidate: Candidate) => void
  onVote: (candidate: Candidate) => void
  voting: boolean
}

/** A nominee in the round's list: who, where from, for what, the deed in brief, seconds, comments, votes. */
export default function CandidateCard({ candidate, round, onOpen, onVote, voting }: CandidateCardProps) {
  const blocker = voteBlocker(round, candidate)
  const canVoteHere = round.phase === 'vote' && candidate.status === 'approved'
  // Before voting every nomination shows where it stands in review; from then on only the approved remain.
  const showStatus = round.phase === 'nominate' || round.phase === 'review' || candidate.status !== 'approved'
  return (
    <View className='gp-card'>
      <View className='gp-card__main' role='link' onClick={() => onOpen(candidate)}>
        <View className='gp-card__top'>
          <CategoryChip category={candidate.category} />
          {showStatus && <CandidateStatusChip status={candidate.status} />}
        </View>
        <View className='gp-card__who'>
          <Text className='gp-card__name'>{candidate.nomineeName}</Text>
          <Text className='gp-card__unit'>{candidate.nomineeUnit}</Text>
        </View>
        <Text className='gp-card__deed'>{candidate.deed}</Text>
        <View className='gp-card__foot'>
          <Text className='gp-card__stats'>
            附议 {candidate.seconds} · 评议 {candidate.comments}
          </Text>
          <Text className={`gp-card__votes${candidate.votes === null ? ' gp-card__votes--hidden' : ''}`}>
            {describeVotes(candidate)}
          </Text>
        </View>
      </View>
      {canVoteHere && (
        <View className='gp-card__actions'>
          <Button
            type='primary'
            fill={blocker ? 'outline' : 'solid'}
            block
            className='gp-card__vote'
            disabled={blocker !== null}
            loading={voting}
            onClick={() => onVote(candidate)}
            aria-label={`投票给${candidate.nomineeName}`}
          >
            {blocker ?? '投票'}
          </Button>
        </View>
      )}
    </View>
  )
}
