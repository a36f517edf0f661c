import { Text, View } from '@tarojs/components'
import { useState, type ReactNode } from 'react'
import StatusChip, { type ChipTone } from '../../../components/status-chip'
import { splitParagraphs } from '../../../domain/community'
import type { NoteStatus, ReadingNote } from '../../../domain/reading'
import { formatDay } from '../../../domain/time'
import './note-card.scss'

const STATUS_CHIPS: Record<NoteStatus, { label: string; tone: ChipTone }> = {
  pending: { label: '审核中', tone: 'orange' },
  approved: { label: '已发布', tone: 'green' },
  rejected: { label: '未通过', tone: 'grey' },
}

interface NoteCardProps {
  note: ReadingNote
  /** Shows the review state (the writer's own notes, the review queue). */
  showStatus?: boolean
  /** Opens the whole text from the start (the review queue). */
  expanded?: boolean
  /** Actions under the note: the like, or the review buttons. */
  children?: ReactNode
}

/** A 读书心得: the book, the title, who wrote it and when, the text (folded when long). */
export default function NoteCard({ note, showStatus = false, expanded = false, children }: NoteCardProps) {
  const [unfolded, setUnfolded] = useState(expanded)
  const paragraphs = splitParagraphs(note.body)
  const long = note.body.length > 90 || paragraphs.length > 2
  const chip = STATUS_CHIPS[note.status]
  return (
    <View className='rd-note'>
      <View className='rd-note__top'>
        <Text className='rd-note__book'>《{note.bookTitle}》</Text>
        {showStatus && <StatusChip label={chip.label} tone={chip.tone} />}
      </View>
      <Text className='rd-note__title'>{note.title}</Text>
      <Text className='rd-note__meta'>
        {note.author.name} · {note.author.department} · {formatDay(note.createdAt)}
      </Text>
      {note.status === 'rejected' && note.reviewReason && (
        <View className='rd-note__reason' role='note'>
          未通过原因：{note.reviewReason}
        </View>
      )}
      <View className={`rd-note__body${unfolded || !long ? '' : ' rd-note__body--folded'}`}>
        {paragraphs.map((p, i) => (
          <Text key={i} className='rd-note__paragraph'>
            {p}
          </Text>
        ))}
      </View>
      {long && (
        <View className='rd-note__fold' role='button' onClick={() => setUnfolded(!unfolded)}>
          {unfolded ? '收起' : '展开全文'}
        </View>
      )}
      {children}
    </View>
  )
}
