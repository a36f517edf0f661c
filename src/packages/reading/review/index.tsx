import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { fetchNotesForReview, reviewNote } from '../../../api/community'
import ChoiceBar from '../../../components/choice-bar'
import ReviewActions from '../../../components/review-actions'
import { EmptyState, ErrorState, LoadingSkeleton } from '../../../components/state-view'
import { TEXT_LIMITS } from '../../../domain/community'
import type { NoteStatus, ReadingNote } from '../../../domain/reading'
import { useIsAdmin } from '../../../hooks/use-is-admin'
import { useRemote } from '../../../hooks/use-remote'
import { useSubmit } from '../../../hooks/use-submit'
import { READING_HOME } from '../shared/events'
import NoteCard from '../shared/note-card'
import scaledPage from '../../../components/scaled-page'
import './index.scss'

const EMPTY: Record<NoteStatus, { title: string; hint: string }> = {
  pending: { title: '没有待审核的心得', hint: '职工提交读书心得后会出现在这里' },
  approved: { title: '还没有发布的心得', hint: '审核通过的心得会出现在这里' },
  rejected: { title: '没有退回的心得', hint: '不通过的心得会连同原因出现在这里' },
}

/** Administrators: publish or reject 读书心得; the author is told the reason. */
function NoteReviewPage() {
  const [status, setStatus] = useState<NoteStatus>('pending')
  const { isAdmin, known } = useIsAdmin()
  const submit = useSubmit()
  const {
    data: notes,
    error,
    loading,
    reload,
  } = useRemote(() => fetchNotesForReview(status), [status], {
    refreshOnShow: true,
  })

  if (known && !isAdmin) {
    return (
      <View className='wm-page'>
        <EmptyState
          title='仅管理员可以审核读书心得'
          hint='可以去书香阅读看看大家的心得'
          actionText='前往书香阅读'
          onAction={() => Taro.redirectTo({ url: READING_HOME })}
        />
      </View>
    )
  }

  const decide = async (note: ReadingNote, decision: 'approved' | 'rejected', reason = '') => {
    const done = await submit.run(`review-${note.id}`, () => reviewNote(note.id, decision, reason), {
      success: decision === 'approved' ? '已发布' : '已退回',
      toastError: true,
    })
    if (done) reload()
  }

  return (
    <View className='wm-page rdr'>
      <ChoiceBar
        label='审核状态'
        value={status}
        onChange={setStatus}
        choices={[
          { value: 'pending', label: '待审核' },
          { value: 'approved', label: '已发布' },
          { value: 'rejected', label: '未通过' },
        ]}
      />
      {loading && !notes && <LoadingSkeleton blocks={2} />}
      {error && !notes && <ErrorState message={error} onRetry={reload} />}
      {notes && notes.length === 0 && <EmptyState title={EMPTY[status].title} hint={EMPTY[status].hint} />}
      {notes && notes.length > 0 && <Text className='rdr__count'>共 {notes.length} 篇</Text>}
      {notes?.map((note) => (
        <NoteCard key={note.id} note={note} showStatus={status !== 'pending'} expanded={status === 'pending'}>
          {note.status === 'pending' && (
            <ReviewActions
              subject={`《${note.title}》`}
              busy={submit.busy === `review-${note.id}`}
              maxReason={TEXT_LIMITS.reviewReason.max}
              onApprove={() => decide(note, 'approved')}
              onReject={(reason) => decide(note, 'rejected', reason)}
            />
          )}
          {note.status === 'approved' && <Text className='rdr__likes'>{note.likes} 人点赞</Text>}
        </NoteCard>
      ))}
    </View>
  )
}

export default scaledPage(NoteReviewPage)
