import { Button } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import {
  commentOnCandidate,
  fetchCandidate,
  fetchRounds,
  secondCandidate,
  voteForCandidate,
} from '../../../api/community'
import { EmptyState, ErrorState, LoadingSkeleton, SinglePageNotice } from '../../../components/state-view'
import { LongText } from '../../../components/text-form'
import { countChars, splitParagraphs, TEXT_LIMITS } from '../../../domain/community'
import { formatDateTime, formatDay } from '../../../domain/time'
import { useRemote } from '../../../hooks/use-remote'
import { isTimelineSinglePage } from '../../../hooks/single-page'
import { SHARE_IMAGES, useShare } from '../../../hooks/use-share'
import { useSubmit } from '../../../hooks/use-submit'
import { CandidateStatusChip, CategoryChip, describeVotes, PhaseChip, voteBlocker } from '../shared/round'
import scaledPage from '../../../components/scaled-page'
import './index.scss'

const LIMIT = TEXT_LIMITS.comment

/** One candidate: the full deed in paragraphs, 附议, the comments and a box to add one, and the vote. */
function CandidatePage() {
  const { params } = useRouter()
  const id = Number(params.id)
  const submit = useSubmit()
  const [text, setText] = useState('')
  const { data, error, loading, reload } = useRemote(async () => {
    if (!Number.isInteger(id) || id <= 0) throw new Error('链接不完整，请从身边好人列表进入')
    const [detail, rounds] = await Promise.all([fetchCandidate(id), fetchRounds()])
    return { ...detail, round: rounds.find((r) => r.id === detail.candidate.roundId) ?? null }
  }, [id])
  const [singlePage] = useState(isTimelineSinglePage)
  useShare(
    data ? `身边好人候选人：${data.candidate.nomineeName}（${data.candidate.category}）` : '身边好人候选人事迹',
    undefined,
    SHARE_IMAGES.goodpeople,
  )

  if (singlePage) {
    return (
      <View className='wm-page gpc'>
        <SinglePageNotice glyph='善' title='身边好人候选人事迹' hint='候选人的事迹、评议和投票只对本单位职工开放。' />
      </View>
    )
  }
  if (!data) {
    return (
      <View className='wm-page gpc'>
        {loading && <LoadingSkeleton blocks={3} />}
        {error && <ErrorState message={error} onRetry={reload} />}
      </View>
    )
  }

  const { candidate, comments, round } = data
  const phase = round?.phase
  const open = candidate.status !== 'rejected'
  const canSecond = open && (phase === 'nominate' || phase === 'review')
  const canComment = open && phase !== undefined && phase !== 'counting' && phase !== 'published'
  const blocker = round ? voteBlocker(round, candidate) : '不在投票中'
  const count = countChars(text)

  const second = async () => {
    if (await submit.run('second', () => secondCandidate(candidate.id), { success: '已附议', toastError: true }))
      reload()
  }
  const vote = async () => {
    const result = await submit.run('vote', () => voteForCandidate(candidate.id), { toastError: true })
    if (!result) return
    Taro.showToast({ title: `投票成功，今日还可投 ${result.votesLeftToday} 票`, icon: 'none', duration: 2000 })
    reload()
  }
  const comment = async () => {
    if (await submit.run('comment', () => commentOnCandidate(candidate.id, text.trim()), { success: '评议已发表' })) {
      setText('')
      reload()
    }
  }

  return (
    <View className='wm-page gpc'>
      <View className='wm-card gpc__head'>
        <View className='gpc__chips'>
          <CategoryChip category={candidate.category} />
          <CandidateStatusChip status={candidate.status} />
        </View>
        <Text className='gpc__name'>{candidate.nomineeName}</Text>
        <Text className='gpc__unit'>{candidate.nomineeUnit}</Text>
        <Text className='gpc__meta'>
          推荐人 {candidate.nominator.name}（{candidate.nominator.department}）· {formatDay(candidate.createdAt)}
        </Text>
        {candidate.status === 'rejected' && candidate.reviewReason && (
          <View className='gpc__notice' role='note'>
            未通过审核：{candidate.reviewReason}
          </View>
        )}
        {round && (
          <View className='gpc__round'>
            <Text className='gpc__round-title'>{round.title}</Text>
            <PhaseChip phase={round.phase} />
          </View>
        )}
      </View>

      <View className='wm-card'>
        <Text className='gpc__section'>主要事迹</Text>
        {splitParagraphs(candidate.deed).map((p, i) => (
          <Text key={i} className='gpc__paragraph'>
            {p}
          </Text>
        ))}
        <View className='gpc__stats'>
          <Text>附议 {candidate.seconds}</Text>
          <Text>评议 {candidate.comments}</Text>
          <Text className={candidate.votes === null ? 'gpc__votes--hidden' : 'gpc__votes'}>
            {describeVotes(candidate)}
          </Text>
        </View>
        {canSecond && (
          <Button
            className='gpc__action'
            type='primary'
            fill='outline'
            block
            disabled={candidate.mySecond}
            loading={submit.busy === 'second'}
            onClick={second}
          >
            {candidate.mySecond ? '已附议' : `附议（${candidate.seconds}）`}
          </Button>
        )}
        {round?.phase === 'vote' && candidate.status === 'approved' && (
          <>
            <Text className='gpc__ballot'>今日还可投 {round.myVotesLeftToday} 票</Text>
            <Button
              className='gpc__action'
              type='primary'
              block
              disabled={blocker !== null}
              loading={submit.busy === 'vote'}
              onClick={vote}
            >
              {blocker ?? '投票'}
            </Button>
          </>
        )}
      </View>

      <View className='wm-section-title'>
        <Text>评议</Text>
        <Text className='gpc__count'>{comments.length} 条</Text>
      </View>
      {canComment && (
        <View className='wm-card gpc__compose'>
          <LongText
            placeholder='说说你了解的情况，或为什么支持他（她）'
            value={text}
            min={LIMIT.min}
            max={LIMIT.max}
            onChange={(v) => setText(v)}
            ariaLabel='评议内容'
          />
          {submit.failed === 'comment' && (
            <View className='gpc__error' role='alert'>
              {submit.error}
            </View>
          )}
          <Button
            className='gpc__action'
            type='primary'
            block
            disabled={count < LIMIT.min || count > LIMIT.max}
            loading={submit.busy === 'comment'}
            onClick={comment}
          >
            发表评议
          </Button>
        </View>
      )}
      {comments.length === 0 ? (
        <EmptyState
          title='还没有评议'
          hint={canComment ? '了解他（她）的事迹？在上面写下你的评议' : '本轮评议已结束'}
        />
      ) : (
        <View className='wm-card gpc__comments'>
          {comments.map((c) => (
            <View key={c.id} className='gpc__comment'>
              <View className='gpc__comment-head'>
                <Text className='gpc__author'>{c.author.name}</Text>
                <Text className='gpc__dept'>{c.author.department}</Text>
              </View>
              <Text className='gpc__comment-text'>{c.text}</Text>
              <Text className='gpc__time'>{formatDateTime(c.createdAt)}</Text>
            </View>
          ))}
        </View>
      )}
    </View>
  )
}

export default scaledPage(CandidatePage)
