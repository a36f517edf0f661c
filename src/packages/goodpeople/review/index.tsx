import { Button } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import { fetchRound, fetchRounds, publishRound, reviewCandidate } from '../../../api/community'
import ReviewActions from '../../../components/review-actions'
import { EmptyState, ErrorState, LoadingSkeleton } from '../../../components/state-view'
import { splitParagraphs, TEXT_LIMITS } from '../../../domain/community'
import type { Candidate, RoundPhase, RoundView } from '../../../domain/goodpeople'
import { formatDay } from '../../../domain/time'
import { useIsAdmin } from '../../../hooks/use-is-admin'
import { useRemote } from '../../../hooks/use-remote'
import { useSubmit } from '../../../hooks/use-submit'
import { CandidateStatusChip, CategoryChip, GOODPEOPLE_HOME, PhaseChip, RoundWindows } from '../shared/round'
import RoundList from '../shared/round-list'
import RoundForm from './round-form'
import scaledPage from '../../../components/scaled-page'
import './index.scss'

const ACTIVE: RoundPhase[] = ['nominate', 'review', 'vote', 'counting']
const open = (url: string) => Taro.navigateTo({ url })

function pickRound(rounds: RoundView[], wanted: number | null): RoundView | null {
  return rounds.find((r) => r.id === wanted) ?? rounds.find((r) => ACTIVE.includes(r.phase)) ?? rounds[0] ?? null
}

/** What the administrator can do with the round's result now. */
function PublishPanel({ round, busy, onPublish }: { round: RoundView; busy: boolean; onPublish: () => void }) {
  if (round.phase === 'published') {
    return (
      <View className='gpa__publish'>
        <Text className='gpa__publish-text'>结果已于 {formatDay(round.publishedAt!)} 公布</Text>
        <Button
          className='gpa__publish-button'
          fill='outline'
          type='primary'
          onClick={() => open(`/packages/goodpeople/results/index?id=${round.id}`)}
        >
          查看结果
        </Button>
      </View>
    )
  }
  if (round.phase === 'counting') {
    return (
      <View className='gpa__publish'>
        <Text className='gpa__publish-text'>投票已结束，核对票数后即可公布结果。</Text>
        <Button className='gpa__publish-button' type='primary' loading={busy} onClick={onPublish}>
          公布结果
        </Button>
      </View>
    )
  }
  return <Text className='gpa__publish-text gpa__publish-text--muted'>投票截止后可在这里公布结果。</Text>
}

function PendingCandidate({
  candidate,
  busy,
  onDecide,
}: {
  candidate: Candidate
  busy: boolean
  onDecide: (decision: 'approved' | 'rejected', reason?: string) => void
}) {
  return (
    <View className='wm-card gpa__pending'>
      <View className='gpa__top'>
        <CategoryChip category={candidate.category} />
        <Text className='gpa__date'>{formatDay(candidate.createdAt)} 推荐</Text>
      </View>
      <Text className='gpa__name'>{candidate.nomineeName}</Text>
      <Text className='gpa__unit'>
        {candidate.nomineeUnit}
        {candidate.nomineeEmployeeId === null ? '（局外人员）' : ''}
      </Text>
      <Text className='gpa__nominator'>
        推荐人 {candidate.nominator.name}（{candidate.nominator.department}）· 附议 {candidate.seconds} · 评议{' '}
        {candidate.comments}
      </Text>
      <View className='gpa__deed'>
        {splitParagraphs(candidate.deed).map((p, i) => (
          <Text key={i} className='gpa__paragraph'>
            {p}
          </Text>
        ))}
      </View>
      <Text className='wm-link' onClick={() => open(`/packages/goodpeople/candidate/index?id=${candidate.id}`)}>
        查看评议 ›
      </Text>
      <ReviewActions
        subject={candidate.nomineeName}
        busy={busy}
        maxReason={TEXT_LIMITS.reviewReason.max}
        onApprove={() => onDecide('approved')}
        onReject={(reason) => onDecide('rejected', reason)}
      />
    </View>
  )
}

function DecidedList({ title, candidates }: { title: string; candidates: Candidate[] }) {
  if (candidates.length === 0) return null
  return (
    <>
      <View className='wm-section-title'>
        <Text>{title}</Text>
        <Text className='gpa__count'>{candidates.length} 人</Text>
      </View>
      <View className='wm-card gpa__decided'>
        {candidates.map((c) => (
          <View
            key={c.id}
            className='gpa__row'
            role='link'
            aria-label={c.nomineeName}
            onClick={() => open(`/packages/goodpeople/candidate/index?id=${c.id}`)}
          >
            <View className='gpa__row-main'>
              <Text className='gpa__row-name'>{c.nomineeName}</Text>
              <Text className='gpa__row-meta'>
                {c.nomineeUnit} · {c.category}
              </Text>
              {c.status === 'rejected' && c.reviewReason && (
                <Text className='gpa__row-reason'>原因：{c.reviewReason}</Text>
              )}
            </View>
            {c.status === 'approved' ? (
              <Text className='gpa__row-votes'>{c.votes ?? 0} 票</Text>
            ) : (
              <CandidateStatusChip status={c.status} />
            )}
          </View>
        ))}
      </View>
    </>
  )
}

/** Administrators: review the nominations of a round, publish its result, and open new rounds. */
function GoodPeopleReviewPage() {
  const { params } = useRouter()
  const [chosen, setChosen] = useState<number | null>(params.roundId ? Number(params.roundId) : null)
  const [creating, setCreating] = useState(false)
  const { isAdmin, known } = useIsAdmin()
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

  if (known && !isAdmin) {
    return (
      <View className='wm-page'>
        <EmptyState
          title='仅管理员可以审核评选'
          hint='如需推荐或投票，请前往身边好人'
          actionText='前往身边好人'
          onAction={() => Taro.redirectTo({ url: GOODPEOPLE_HOME })}
        />
      </View>
    )
  }

  if (!data) {
    return (
      <View className='wm-page'>
        {loading && <LoadingSkeleton blocks={3} />}
        {error && <ErrorState message={error} onRetry={reload} />}
      </View>
    )
  }

  const { rounds, detail } = data
  const round = detail?.round
  const candidates = detail?.candidates ?? []
  const pending = candidates.filter((c) => c.status === 'pending')
  const switching = chosen !== null && round?.id !== chosen && loading

  const decide = async (c: Candidate, decision: 'approved' | 'rejected', reason = '') => {
    const done = await submit.run(`review-${c.id}`, () => reviewCandidate(c.id, decision, reason), {
      success: decision === 'approved' ? '已通过' : '已退回',
      toastError: true,
    })
    if (done) reload()
  }

  const publish = async () => {
    if (!round) return
    const { confirm } = await Taro.showModal({
      title: '公布评选结果',
      content: '公布后全体职工都能看到本轮评选的票数和排名，确定公布吗？',
      confirmText: '公布',
      confirmColor: '#C8161D',
    })
    if (!confirm) return
    if (await submit.run('publish', () => publishRound(round.id), { success: '结果已公布', toastError: true })) reload()
  }

  return (
    <View className='wm-page gpa'>
      {creating ? (
        <RoundForm
          onCancel={() => setCreating(false)}
          onCreated={(r) => {
            setCreating(false)
            setChosen(r.id)
            reload()
          }}
        />
      ) : (
        <Button className='gpa__new' type='primary' fill='outline' block onClick={() => setCreating(true)}>
          发起新一轮评选
        </Button>
      )}

      {rounds.length === 0 && !creating && <EmptyState title='还没有评选' hint='发起一轮评选，设定推荐和投票的时间' />}

      {rounds.length > 1 && (
        <RoundList rounds={rounds} chosenId={switching ? chosen : (round?.id ?? null)} onChoose={setChosen} />
      )}

      {switching && <LoadingSkeleton blocks={3} />}
      {!switching && round && (
        <>
          <View className='wm-card'>
            <View className='gpa__top'>
              <PhaseChip phase={round.phase} />
              <Text className='gpa__date'>
                每人每天 {round.votesPerDay} 票 · 同一人 {round.votesPerCandidatePerDay} 票
              </Text>
            </View>
            <Text className='gpa__title'>{round.title}</Text>
            <RoundWindows round={round} />
            <Text className='gpa__summary'>
              待审核 {pending.length} · 已通过 {candidates.filter((c) => c.status === 'approved').length} · 未通过{' '}
              {candidates.filter((c) => c.status === 'rejected').length}
            </Text>
            <PublishPanel round={round} busy={submit.busy === 'publish'} onPublish={publish} />
          </View>

          <View className='wm-section-title'>
            <Text>待审核</Text>
            <Text className='gpa__count'>{pending.length} 人</Text>
          </View>
          {pending.length === 0 && (
            <EmptyState
              title='没有待审核的推荐'
              hint={round.phase === 'nominate' ? '职工提交推荐后会出现在这里' : '本轮的推荐都已审核完毕'}
              actionText='查看候选人'
              onAction={() => open(`${GOODPEOPLE_HOME}?roundId=${round.id}`)}
            />
          )}
          {pending.map((c) => (
            <PendingCandidate
              key={c.id}
              candidate={c}
              busy={submit.busy === `review-${c.id}`}
              onDecide={(decision, reason) => decide(c, decision, reason)}
            />
          ))}
          <DecidedList title='已通过' candidates={candidates.filter((c) => c.status === 'approved')} />
          <DecidedList title='未通过' candidates={candidates.filter((c) => c.status === 'rejected')} />
        </>
      )}
    </View>
  )
}

export default scaledPage(GoodPeopleReviewPage)
