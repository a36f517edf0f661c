import { Button } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import { useState } from 'react'
import { fetchRound, fetchRounds, voteForCandidate } from '../../../api/community'
import { EmptyState, ErrorState, LoadingSkeleton, SinglePageNotice } from '../../../components/state-view'
import type { RoundPhase, RoundView } from '../../../domain/goodpeople'
import { formatTimeLeft } from '../../../domain/time'
import { useIsAdmin } from '../../../hooks/use-is-admin'
import { useRemote } from '../../../hooks/use-remote'
import { isTimelineSinglePage } from '../../../hooks/single-page'
import { SHARE_IMAGES, useShare } from '../../../hooks/use-share'
import { useSubmit } from '../../../hooks/use-submit'
import CandidateCard from '../shared/candidate-card'
import { PhaseChip, RoundWindows } from '../shared/round'
import RoundList from '../shared/round-list'
import scaledPage from '../../../components/scaled-page'
import './index.scss'

const ACTIVE: RoundPhase[] = ['nominate', 'review', 'vote']
const open = (url: string) => Taro.navigateTo({ url })

/** The round to show: the one asked for, else the first still running, else the newest. */
function pickRound(rounds: RoundView[], wanted: number | null): RoundView | null {
  return rounds.find((r) => r.id === wanted) ?? rounds.find((r) => ACTIVE.includes(r.phase)) ?? rounds[0] ?? null
}

/** One line on what the round asks of people now. */
function describePhase(round: RoundView, now: Date): string {
  switch (round.phase) {
    case 'upcoming':
      return '推荐尚未开始，开始后即可推荐身边的好人。'
    case 'nominate': {
      const left = formatTimeLeft(round.nominateClosesAt, now)
      return `推荐身边的好人，每人每轮最多推荐 3 人${left ? `；推荐截止${left}` : ''}。`
    }
    case 'review':
      return '推荐已截止，正在评议审核：可以为候选人附议、发表评议。'
    case 'vote': {
      const left = formatTimeLeft(round.voteClosesAt, now)
      return `每人每天 ${round.votesPerDay} 票，同一位候选人每天 ${round.votesPerCandidatePerDay} 票${left ? `；投票截止${left}` : ''}。`
    }
    case 'counting':
      return '投票已结束，正在统计，结果公布后可在这里查看。'
    default:
      return '评选结果已公布，感谢大家的参与。'
  }
}

/** What an empty list of candidates means in each phase, and what to do. */
function describeEmpty(phase: RoundPhase): { title: string; hint: string } {
  if (phase === 'nominate') {
    return { title: '还没有人被推荐', hint: '身边有值得学习的同事或群众？点上方“我要推荐”，把他（她）的事迹讲给大家听' }
  }
  if (phase === 'upcoming') return { title: '推荐尚未开始', hint: '推荐开始后，大家推荐的身边好人会出现在这里' }
  return { title: '本轮没有候选人', hint: '本轮没有收到推荐，可以留意下一轮评选' }
}

/** 身边好人: the rounds with their phases, and the chosen round's candidates to second, comment on and vote for. */
function GoodPeoplePage() {
  const { params } = useRouter()
  const [chosen, setChosen] = useState<number | null>(params.roundId ? Number(params.roundId) : null)
  const { isAdmin } = useIsAdmin()
  const submit = useSubmit()
  const { data, error, loading, reload } = useRemote(
    async () => {
      const rounds = await fetchRounds()
      const round = pickRound(rounds, chosen)
      return { rounds, detail: round ? await fetchRound(round.id) : null }
    },
    [chosen],
    { refreshOnShow: true },
  )

  const onScreen = data?.detail?.round
  // The round on screen may be one chosen here, not the one in the link that opened the page.
  useShare(
    onScreen ? `身边好人推荐评选：${onScreen.title}` : '身边好人推荐评选',
    onScreen ? `/packages/goodpeople/index/index?roundId=${onScreen.id}` : undefined,
    SHARE_IMAGES.goodpeople,
  )
  const [singlePage] = useState(isTimelineSinglePage)

  usePullDownRefresh(() => {
    reload()
    Taro.stopPullDownRefresh()
  })

  const vote = async (candidateId: number) => {
    const result = await submit.run(`vote-${candidateId}`, () => voteForCandidate(candidateId), { toastError: true })
    if (!result) return
    Taro.showToast({
      title:
        result.votesLeftToday > 0 ? `投票成功，今日还可投 ${result.votesLeftToday} 票` : '投票成功，今日票数已用完',
      icon: 'none',
      duration: 2000,
    })
    reload()
  }

  if (singlePage) {
    return (
      <View className='wm-page gp'>
        <SinglePageNotice glyph='善' title='身边好人推荐评选' hint='推荐、评议和投票只对本单位职工开放。' />
      </View>
    )
  }
  if (!data) {
    return (
      <View className='wm-page gp'>
        {loading && <LoadingSkeleton blocks={3} />}
        {error && <ErrorState message={error} onRetry={reload} />}
      </View>
    )
  }

  const { rounds, detail } = data
  const round = detail?.round
  const nominateUrl = round ? `/packages/goodpeople/nominate/index?roundId=${round.id}` : ''
  const switching = chosen !== null && round?.id !== chosen && loading

  return (
    <View className='wm-page gp'>
      {rounds.length === 0 && (
        <EmptyState
          title='还没有评选活动'
          hint='文明办发起“身边好人”推荐评选后，可以在这里推荐、评议和投票'
          actionText={isAdmin ? '发起评选' : undefined}
          onAction={() => open('/packages/goodpeople/review/index')}
        />
      )}

      {rounds.length > 1 && (
        <>
          <View className='wm-section-title'>
            <Text>评选轮次</Text>
          </View>
          <RoundList rounds={rounds} chosenId={switching ? chosen : (round?.id ?? null)} onChoose={setChosen} />
        </>
      )}

      {switching && <LoadingSkeleton blocks={3} />}
      {!switching && round && detail && (
        <>
          <View className='wm-card gp-hero'>
            <View className='gp-hero__top'>
              <PhaseChip phase={round.phase} />
              {isAdmin && (
                <Text
                  className='wm-link gp-hero__admin'
                  onClick={() => open(`/packages/goodpeople/review/index?roundId=${round.id}`)}
                >
                  审核与管理 ›
                </Text>
              )}
            </View>
            <Text className='gp-hero__title'>{round.title}</Text>
            <RoundWindows round={round} />
            <Text className='gp-hero__hint'>{describePhase(round, new Date())}</Text>
            {round.phase === 'nominate' && (
              <Button type='primary' block className='gp-hero__action' onClick={() => open(nominateUrl)}>
                我要推荐
              </Button>
            )}
            {round.phase === 'published' && (
              <Button
                type='primary'
                block
                className='gp-hero__action'
                onClick={() => open(`/packages/goodpeople/results/index?id=${round.id}`)}
              >
                查看评选结果
              </Button>
            )}
          </View>

          {round.phase === 'vote' && (
            <View className='gp-ballot' aria-live='polite'>
              <Text className='gp-ballot__left'>
                今日还可投 <Text className='gp-ballot__number'>{round.myVotesLeftToday}</Text> 票
              </Text>
              <Text className='gp-ballot__note'>
                {round.showTallies ? '票数实时公开' : isAdmin ? '管理员可见实时票数' : '票数在投票结束后公布'}
              </Text>
            </View>
          )}

          <View className='wm-section-title'>
            <Text>候选人</Text>
            <Text className='gp-count'>{detail.candidates.length} 人</Text>
          </View>
          {detail.candidates.length === 0 && <EmptyState {...describeEmpty(round.phase)} />}
          {detail.candidates.map((c) => (
            <CandidateCard
              key={c.id}
              candidate={c}
              round={round}
              voting={submit.busy === `vote-${c.id}`}
              onOpen={() => open(`/packages/goodpeople/candidate/index?id=${c.id}`)}
              onVote={() => vote(c.id)}
            />
          ))}
        </>
      )}
    </View>
  )
}

export default scaledPage(GoodPeoplePage)
