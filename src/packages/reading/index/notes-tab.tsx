import { Button } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useEffect, useState } from 'react'
import { fetchNotes, likeNote } from '../../../api/community'
import ChoiceBar from '../../../components/choice-bar'
import { EmptyState, ErrorState, LoadingSkeleton } from '../../../components/state-view'
import type { ReadingNote } from '../../../domain/reading'
import { useRemote } from '../../../hooks/use-remote'
import { useSubmit } from '../../../hooks/use-submit'
import { NOTE_FORM, NOTE_SUBMITTED } from '../shared/events'
import NoteCard from '../shared/note-card'

type Scope = 'all' | 'mine'

const write = () => Taro.navigateTo({ url: NOTE_FORM })

function LikeButton({ note, busy, onToggle }: { note: ReadingNote; busy: boolean; onToggle: () => void }) {
  return (
    <View
      className={`rd-like${note.liked ? ' rd-like--on' : ''}${busy ? ' rd-like--busy' : ''}`}
      role='button'
      aria-pressed={note.liked}
      aria-label={note.liked ? `取消点赞，已有 ${note.likes} 人点赞` : `点赞，已有 ${note.likes} 人点赞`}
      onClick={() => !busy && onToggle()}
    >
      <Text className='rd-like__icon'>{note.liked ? '♥' : '♡'}</Text>
      <Text>{note.likes > 0 ? `${note.likes}` : '点赞'}</Text>
    </View>
  )
}

/** 读书心得: the published notes with likes, and the writer's own notes with where they stand. */
export default function NotesTab({
  refreshKey,
  initialView,
  isAdmin,
}: {
  refreshKey: number
  initialView: Scope
  isAdmin: boolean
}) {
  const [view, setView] = useState<Scope>(initialView)
  const submit = useSubmit()
  const {
    data: notes,
    error,
    loading,
    reload,
  } = useRemote(() => fetchNotes(view === 'mine'), [view, refreshKey], {
    refreshOnShow: true,
  })

  // After writing a note, show it among the writer's own with its review state.
  useEffect(() => {
    const showMine = () => setView('mine')
    Taro.eventCenter.on(NOTE_SUBMITTED, showMine)
    return () => {
      Taro.eventCenter.off(NOTE_SUBMITTED, showMine)
    }
  }, [])

  const like = async (note: ReadingNote) => {
    if (await submit.run(`like-${note.id}`, () => likeNote(note.id, !note.liked), { toastError: true })) reload()
  }

  return (
    <View className='rd-notes'>
      {isAdmin && (
        <View
          className='wm-link rd-notes__admin'
          role='link'
          onClick={() => Taro.navigateTo({ url: '/packages/reading/review/index' })}
        >
          审核读书心得 ›
        </View>
      )}
      <View className='rd-notes__bar'>
        <View className='rd-notes__choices'>
          <ChoiceBar
            label='心得范围'
            value={view}
            onChange={setView}
            choices={[
              { value: 'all', label: '大家的心得' },
              { value: 'mine', label: '我的心得' },
            ]}
          />
        </View>
        <Button className='rd-notes__write' type='primary' onClick={write}>
          写心得
        </Button>
      </View>
      {loading && !notes && <LoadingSkeleton blocks={3} />}
      {error && !notes && <ErrorState message={error} onRetry={reload} />}
      {notes && notes.length === 0 && (
        <EmptyState
          title={view === 'mine' ? '你还没有写过读书心得' : '还没有发布的读书心得'}
          hint={view === 'mine' ? '写下读书的体会，审核通过后大家都能看到' : '读完一本好书，写下你的体会与大家分享'}
          actionText='写心得'
          onAction={write}
        />
      )}
      {notes?.map((note) => (
        <NoteCard key={note.id} note={note} showStatus={view === 'mine'}>
          {note.status === 'approved' && (
            <View className='rd-notes__foot'>
              <LikeButton note={note} busy={submit.busy === `like-${note.id}`} onToggle={() => like(note)} />
            </View>
          )}
        </NoteCard>
      ))}
    </View>
  )
}
