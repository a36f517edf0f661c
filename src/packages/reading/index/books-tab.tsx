import { Button } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { fetchBooks, recommendBook, secondBook } from '../../../api/community'
import RankBadge from '../../../components/rank-badge'
import { EmptyState, ErrorState, LoadingSkeleton } from '../../../components/state-view'
import StatusChip from '../../../components/status-chip'
import { LongText, TextFields, type FieldSpec } from '../../../components/text-form'
import { countChars, TEXT_LIMITS } from '../../../domain/community'
import type { Book } from '../../../domain/reading'
import { useDraft } from '../../../hooks/use-draft'
import { useRemote } from '../../../hooks/use-remote'
import { useSubmit } from '../../../hooks/use-submit'

const SHOWN_REASONS = 2

const BOOK_FIELDS: FieldSpec<'title' | 'author'>[] = [
  { key: 'title', label: '书名', placeholder: '例如《平凡的世界》路遥', maxLength: TEXT_LIMITS.bookTitle.max },
  { key: 'author', label: '作者', placeholder: '选填，书名里写了可不填', maxLength: TEXT_LIMITS.bookAuthor.max },
]

function RecommendForm({ onDone, onCancel }: { onDone: () => void; onCancel: () => void }) {
  const { draft, bind } = useDraft({ title: '', author: '', reason: '' })
  const submit = useSubmit()

  const send = async () => {
    const { title, author, reason } = draft
    const result = await submit.run('recommend', () =>
      recommendBook({ title: title.trim(), author: author.trim() || undefined, reason: reason.trim() }),
    )
    if (!result) return
    Taro.showToast({
      title: result.merged ? `《${result.book.title}》已有人推荐，已算上你一票` : '推荐成功',
      icon: 'none',
      duration: 2200,
    })
    onDone()
  }

  return (
    <View className='wm-card rd-form'>
      <Text className='rd-form__heading'>推荐一本好书</Text>
      <TextFields fields={BOOK_FIELDS} bind={bind} />
      <LongText
        label='推荐理由'
        placeholder='这本书打动你的地方，选填'
        max={TEXT_LIMITS.bookReason.max}
        showCount
        ariaLabel='推荐理由'
        {...bind('reason')}
      />
      {submit.error && (
        <View className='rd-form__error' role='alert'>
          {submit.error}
        </View>
      )}
      <View className='rd-form__actions'>
        <Button className='rd-form__button' fill='outline' onClick={onCancel}>
          取消
        </Button>
        <Button
          className='rd-form__button'
          type='primary'
          disabled={countChars(draft.title) === 0}
          loading={submit.busy === 'recommend'}
          onClick={send}
        >
          推荐
        </Button>
      </View>
    </View>
  )
}

function BookItem({ book, rank, busy, onSecond }: { book: Book; rank: number; busy: boolean; onSecond: () => void }) {
  const [all, setAll] = useState(false)
  const reasons = all ? book.reasons : book.reasons.slice(0, SHOWN_REASONS)
  return (
    <View className='wm-card rd-book'>
      <View className='rd-book__head'>
        <RankBadge place={rank} />
        <View className='rd-book__who'>
          <Text className='rd-book__title'>《{book.title}》</Text>
          {book.author && <Text className='rd-book__author'>{book.author}</Text>}
        </View>
        <Text className='rd-book__count'>{book.recommendations} 人推荐</Text>
      </View>
      {reasons.map((r, i) => (
        <View key={i} className='rd-book__reason'>
          <Text className='rd-book__quote'>“{r.reason}”</Text>
          <Text className='rd-book__by'>
            —— {r.employeeName}（{r.department}）
          </Text>
        </View>
      ))}
      <View className='rd-book__foot'>
        {book.reasons.length > SHOWN_REASONS ? (
          <Text className='rd-book__more' onClick={() => setAll(!all)}>
            {all ? '收起' : `全部 ${book.reasons.length} 条推荐理由`}
          </Text>
        ) : (
          <Text />
        )}
        {book.mine ? (
          <StatusChip label='我已推荐' tone='green' />
        ) : (
          <Button
            className='rd-book__second'
            type='primary'
            fill='outline'
            loading={busy}
            onClick={onSecond}
            aria-label={`我也推荐《${book.title}》`}
          >
            我也推荐
          </Button>
        )}
      </View>
    </View>
  )
}

/** 我心中的好书: recommend a book, second one already there, the ranked list. */
export default function BooksTab({ refreshKey }: { refreshKey: number }) {
  const { data: books, error, loading, reload } = useRemote(fetchBooks, [refreshKey], { refreshOnShow: true })
  const [writing, setWriting] = useState(false)
  const submit = useSubmit()

  const second = async (book: Book) => {
    if (await submit.run(`second-${book.id}`, () => secondBook(book.id), { success: '已推荐', toastError: true })) {
      reload()
    }
  }

  return (
    <View className='rd-books'>
      {writing ? (
        <RecommendForm
          onCancel={() => setWriting(false)}
          onDone={() => {
            setWriting(false)
            reload()
          }}
        />
      ) : (
        <Button className='rd-books__start' type='primary' block onClick={() => setWriting(true)}>
          我要推荐一本书
        </Button>
      )}
      <View className='wm-section-title'>
        <Text>好书榜</Text>
        {books && <Text className='rd-count'>{books.length} 本</Text>}
      </View>
      {loading && !books && <LoadingSkeleton blocks={3} />}
      {error && !books && <ErrorState message={error} onRetry={reload} />}
      {books && books.length === 0 && (
        <EmptyState
          title='还没有人推荐好书'
          hint='把你读过的好书推荐给同事们吧'
          actionText='我要推荐一本书'
          onAction={() => setWriting(true)}
        />
      )}
      {books?.map((book, i) => (
        <BookItem
          key={book.id}
          book={book}
          rank={i + 1}
          busy={submit.busy === `second-${book.id}`}
          onSecond={() => second(book)}
        />
      ))}
    </View>
  )
}
