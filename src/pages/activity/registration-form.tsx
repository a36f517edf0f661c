import { Button } from '@nutui/nutui-react-taro'
import { Input, Text, View } from '@tarojs/components'
import { useState } from 'react'
import type { ActivityDetail, FormField } from '../../domain/activity'
import { validateChoices } from '../../domain/activity'
import type { Employee } from '../../domain/employee'
import { askForActivityNotices } from '../../platform/subscribe'

export interface Choices {
  options: string[]
  form: Record<string, string | number | string[]>
}

interface RegistrationFormProps {
  activity: ActivityDetail
  employee: Employee | null
  /** Sends the registration; rejects with an Error whose message is fit to show. */
  onSubmit: (choices: Choices) => Promise<void>
}

type Draft = Record<string, string | string[]>

/** Answers as the contract wants them: numbers as numbers, blanks left out. */
function toAnswers(fields: FormField[], draft: Draft): Choices['form'] {
  const answers: Choices['form'] = {}
  for (const field of fields) {
    const value = draft[field.key]
    if (value === undefined || (typeof value === 'string' && value.trim() === '') || value.length === 0) continue
    answers[field.key] = field.type === 'number' ? Number(value) : typeof value === 'string' ? value.trim() : value
  }
  return answers
}

function optionSeats(activity: ActivityDetail, key: string, capacity: number | null): { text: string; full: boolean } {
  if (capacity === null) return { text: '不限人数', full: false }
  const left = Math.max(0, capacity - (activity.optionCounts[key] ?? 0))
  if (left > 0) return { text: `剩余 ${left} 个`, full: false }
  return { text: activity.waitlistEnabled ? '已满 · 可候补' : '已满', full: true }
}

/** Answers to pick from, as chips: one (single) or several (multiple). */
function ChoiceChips({
  choices,
  multiple,
  value,
  onChange,
}: {
  choices: string[]
  multiple: boolean
  value: string | string[] | undefined
  onChange: (value: string | string[]) => void
}) {
  const picked = Array.isArray(value) ? value : value ? [value] : []
  const toggle = (choice: string) => {
    if (!multiple) return onChange(picked.includes(choice) ? '' : choice)
    onChange(picked.includes(choice) ? picked.filter((c) => c !== choice) : [...picked, choice])
  }
  return (
    <View className='register__choices' role={multiple ? 'group' : 'radiogroup'}>
      {choices.map((choice) => {
        const on = picked.includes(choice)
        return (
          <View
            key={choice}
            className={`register__choice${on ? ' register__choice--on' : ''}`}
            role={multiple ? 'checkbox' : 'radio'}
            aria-checked={on}
            onClick={() => toggle(choice)}
          >
            {choice}
          </View>
        )
      })}
    </View>
  )
}

function FieldInput({
  field,
  value,
  onChange,
}: {
  field: FormField
  value: string | string[] | undefined
  onChange: (value: string | string[]) => void
}) {
  if (field.type === 'single' || field.type === 'multiple') {
    return (
      <ChoiceChips
        choices={field.choices ?? []}
        multiple={field.type === 'multiple'}
        value={value}
        onChange={onChange}
      />
    )
  }
  return (
    <Input
      className='register__input'
      type={field.type === 'number' ? 'digit' : 'text'}
      placeholder={field.type === 'number' ? '请输入数字' : `请填写${field.label}`}
      placeholderClass='register__placeholder'
      value={typeof value === 'string' ? value : ''}
      maxlength={field.type === 'number' ? 12 : 100}
      onInput={(e) => onChange(e.detail.value)}
      aria-label={field.label}
    />
  )
}

/** The registration form: who I am (from my profile), the events to enter, the organizer's questions. */
export default function RegistrationForm({ activity, employee, onSubmit }: RegistrationFormProps) {
  const [options, setOptions] = useState<string[]>([])
  const [draft, setDraft] = useState<Draft>({})
  const [message, setMessage] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const activityFull = activity.capacity !== null && activity.confirmedCount >= activity.capacity
  // Choosing a full event also means waiting, even when the activity itself has room.
  const willWait =
    activity.waitlistEnabled &&
    (activityFull ||
      options.some(
        (key) => optionSeats(activity, key, activity.options.find((o) => o.key === key)?.capacity ?? null).full,
      ))
  const multi = activity.maxOptions > 1

  const toggle = (key: string) => {
    setMessage(null)
    if (options.includes(key)) return setOptions(options.filter((k) => k !== key))
    if (!multi) return setOptions([key])
    if (options.length >= activity.maxOptions) return setMessage(`每人最多选择 ${activity.maxOptions} 个项目`)
    setOptions([...options, key])
  }

  // The tap handler: everything before the first await runs inside the tap, as WeChat's subscribe dialog requires.
  const submit = async () => {
    const form = toAnswers(activity.formFields, draft)
    const problem = validateChoices(activity, options, form)
    if (problem) return setMessage(problem)
    askForActivityNotices()
    setBusy(true)
    setMessage(null)
    try {
      await onSubmit({ options, form })
    } catch (e) {
      setMessage(e instanceof Error ? e.message : '报名没有成功，请重试')
    } finally {
      setBusy(false)
    }
  }

  return (
    <View className='wm-card register' id='register'>
      <Text className='detail__card-title'>报名</Text>
      <View className='register__me'>
        <View className='register__me-row'>
          <Text className='register__label'>姓名</Text>
          <Text className='register__me-value'>{employee?.name ?? '—'}</Text>
        </View>
        <View className='register__me-row'>
          <Text className='register__label'>部门</Text>
          <Text className='register__me-value'>{employee?.department ?? '—'}</Text>
        </View>
        <Text className='register__me-hint'>姓名和部门取自个人资料，无需填写</Text>
      </View>

      {activity.options.length > 0 && (
        <View className='register__block'>
          <View className='register__block-head'>
            <Text className='register__label'>
              <Text className='register__required'>*</Text>选择项目
            </Text>
            <Text className='register__limit'>{multi ? `最多选 ${activity.maxOptions} 项` : '单选'}</Text>
          </View>
          {activity.options.map((option) => {
            const checked = options.includes(option.key)
            const seats = optionSeats(activity, option.key, option.capacity)
            const disabled = seats.full && !activity.waitlistEnabled && !checked
            return (
              <View
                key={option.key}
                className={`register__option${checked ? ' register__option--checked' : ''}${disabled ? ' register__option--disabled' : ''}`}
                role='checkbox'
                aria-checked={checked}
                aria-disabled={disabled}
                aria-label={`${option.label}，${seats.text}`}
                onClick={() => !disabled && toggle(option.key)}
              >
                <View className='register__tick' aria-hidden />
                <Text className='register__option-label'>{option.label}</Text>
                <Text className={`register__option-seats${seats.full ? ' register__option-seats--full' : ''}`}>
                  {seats.text}
                </Text>
              </View>
            )
          })}
        </View>
      )}

      {activity.formFields.map((field) => (
        <View key={field.key} className='register__block'>
          <Text className='register__label'>
            {field.required && <Text className='register__required'>*</Text>}
            {field.label}
            {field.type === 'multiple' && <Text className='register__limit'>（可多选）</Text>}
          </Text>
          <FieldInput
            field={field}
            value={draft[field.key]}
            onChange={(value) => {
              setMessage(null)
              setDraft({ ...draft, [field.key]: value })
            }}
          />
        </View>
      ))}

      {message && (
        <View className='register__error' role='alert'>
          {message}
        </View>
      )}
      {willWait && <Text className='register__note'>名额已满，提交后进入候补，有人取消时按顺序自动递补。</Text>}
      <Button type='primary' block size='large' className='register__submit' loading={busy} onClick={submit}>
        {willWait ? '报名候补' : '提交报名'}
      </Button>
    </View>
  )
}
