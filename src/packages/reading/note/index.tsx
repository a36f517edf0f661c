import { Button, Input, TextArea } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { submitNote } from '../../../api/community'
import LengthHint from '../../../components/length-hint'
import { countChars, TEXT_LIMITS } from '../../../domain/community'
import { useSubmit } from '../../../hooks/use-submit'
import { NOTE_SUBMITTED, READING_HOME } from '../shared/events'
import scaledPage from '../../../components/scaled-page'
import './index.scss'

interface Draft {
  bookTitle: string
  title: string
  body: string
}

/** What is still missing before the note can be sent, or null. */
function findMissing(d: Draft): string | null {
  if (countChars(d.bookTitle) === 0) return '请填写书名'
  const t = countChars(d.title)
  if (t < TEXT_LIMITS.noteTitle.min || t > TEXT_LIMITS.noteTitle.max) return '标题应为 2–40 个字'
  const n = countChars(d.body)
  if (n < TEXT_LIMITS.noteBody.min) return `正文至少写 ${TEXT_LIMITS.noteBody.min} 字`
  if (n > TEXT_LIMITS.noteBody.max) return `正文不能超过 ${TEXT_LIMITS.noteBody.max} 字`
  return null
}

/** 写读书心得: the book, a title and the text; it is published after review. */
function NoteFormPage() {
  const [draft, setDraft] = useState<Draft>({ bookTitle: '', title: '', body: '' })
  const update = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }))
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
    <View className='wm-page rdn'>
      <View className='wm-card'>
        <View className='rdn__field'>
          <Text className='rdn__key'>书名</Text>
          <Input
            className='rdn__input'
            placeholder='例如《平凡的世界》'
            value={draft.bookTitle}
            maxLength={TEXT_LIMITS.bookTitle.max}
            onChange={(bookTitle) => update({ bookTitle })}
            aria-label='书名'
          />
        </View>
        <View className='rdn__field'>
          <Text className='rdn__key'>标题</Text>
          <Input
            className='rdn__input'
            placeholder='给心得起个标题，2–40 字'
            value={draft.title}
            maxLength={TEXT_LIMITS.noteTitle.max}
            onChange={(title) => update({ title })}
            aria-label='心得标题'
          />
        </View>
        <Text className='rdn__label'>正文</Text>
        <TextArea
          className='rdn__body'
          placeholder='读了这本书，你有什么收获和体会？可以结合工作谈一谈。'
          value={draft.body}
          maxLength={TEXT_LIMITS.noteBody.max}
          rows={10}
          autoSize
          onChange={(body) => update({ body })}
          aria-label='心得正文'
        />
        <LengthHint count={countChars(draft.body)} min={TEXT_LIMITS.noteBody.min} max={TEXT_LIMITS.noteBody.max} />
      </View>
      {submit.error && (
        <View className='rdn__error' role='alert'>
          {submit.error}
        </View>
      )}
      <Button
        type='primary'
        block
        className='rdn__submit'
        disabled={missing !== null}
        loading={submit.busy === 'submit'}
        onClick={send}
      >
        提交审核
      </Button>
      <Text className='rdn__foot'>{missing ?? '提交后由文明办审核，通过后全体职工可见。'}</Text>
    </View>
  )
}

export default scaledPage(NoteFormPage)
