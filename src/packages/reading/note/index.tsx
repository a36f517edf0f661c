import { View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { submitNote } from '../../../api/community'
import { FormSubmit, LongText, TextFields, type FieldSpec } from '../../../components/text-form'
import { countChars, describeLength, TEXT_LIMITS } from '../../../domain/community'
import { useDraft } from '../../../hooks/use-draft'
import { useSubmit } from '../../../hooks/use-submit'
import { NOTE_SUBMITTED, READING_HOME } from '../shared/events'
import scaledPage from '../../../components/scaled-page'

interface Draft {
  bookTitle: string
  title: string
  body: string
}

const FIELDS: FieldSpec<'bookTitle' | 'title'>[] = [
  { key: 'bookTitle', label: '书名', placeholder: '例如《平凡的世界》', maxLength: TEXT_LIMITS.bookTitle.max },
  {
    key: 'title',
    label: '标题',
    placeholder: '给心得起个标题，2–40 字',
    maxLength: TEXT_LIMITS.noteTitle.max,
    ariaLabel: '心得标题',
  },
]

/** What is still missing before the note can be sent, or null. */
function findMissing(d: Draft): string | null {
  if (countChars(d.bookTitle) === 0) return '请填写书名'
  const t = countChars(d.title)
  if (t < TEXT_LIMITS.noteTitle.min || t > TEXT_LIMITS.noteTitle.max) return '标题应为 2–40 个字'
  return describeLength(d.body, TEXT_LIMITS.noteBody, '正文')
}

/** 写读书心得: the book, a title and the text; it is published after review. */
function NoteFormPage() {
  const { draft, bind } = useDraft<Draft>({ bookTitle: '', title: '', body: '' })
  const submit = useSubmit()
  const missing = findMissing(draft)

  const send = async () => {
    if (missing) return
    const note = await submit.run('submit', () =>
      submitNote({ bookTitle: draft.bookTitle.trim(), title: draft.title.trim(), body: draft.body.trim() }),
    )
    if (!note) return
    Taro.showToast({ title: '已提交，审核通过后发布', icon: 'none', duration: 2200 })
    const pages = Taro.getCurrentPages()
    if (pages.length > 1 && pages[pages.length - 2].route?.includes('packages/reading/index')) {
      Taro.eventCenter.trigger(NOTE_SUBMITTED)
      Taro.navigateBack()
    } else {
      Taro.redirectTo({ url: `${READING_HOME}?tab=notes&view=mine` })
    }
  }

  return (
    <View className='wm-page'>
      <View className='wm-card'>
        <TextFields fields={FIELDS} bind={bind} />
        <LongText
          label='正文'
          placeholder='读了这本书，你有什么收获和体会？可以结合工作谈一谈。'
          min={TEXT_LIMITS.noteBody.min}
          max={TEXT_LIMITS.noteBody.max}
          size='long'
          ariaLabel='心得正文'
          {...bind('body')}
        />
      </View>
      <FormSubmit
        submit={submit}
        action='submit'
        missing={missing}
        onSubmit={send}
        note='提交后由文明办审核，通过后全体职工可见。'
      >
        提交审核
      </FormSubmit>
    </View>
  )
}

export default scaledPage(NoteFormPage)
