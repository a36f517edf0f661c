import { Button, Input, TextArea } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import type { ReactNode } from 'react'
import { countChars } from '../../domain/community'
import LengthHint from '../length-hint'
import './index.scss'

interface TextFieldProps {
  /** The short key in front of the field: 书名, 工号 … */
  label: string
  value: string
  onChange: (value: string) => void
  placeholder: string
  maxLength: number
  /** What a screen reader calls the field, when `label` alone says too little (同事的工号). */
  ariaLabel?: string
}

/** A one-line field of a form, its key in front, on a row of its own. */
export function TextField({ label, value, onChange, placeholder, maxLength, ariaLabel = label }: TextFieldProps) {
  return (
    <View className='text-form__field'>
      <Text className='text-form__key'>{label}</Text>
      <Input
        className='text-form__input'
        placeholder={placeholder}
        value={value}
        maxLength={maxLength}
        onChange={onChange}
        aria-label={ariaLabel}
      />
    </View>
  )
}

interface LongTextProps {
  value: string
  onChange: (value: string) => void
  placeholder: string
  ariaLabel: string
  /** The most characters it takes. */
  max: number
  /** The fewest it needs: given, a hint under the box counts along (LengthHint). */
  min?: number
  /** NutUI's own count in the box instead, for a text that needs no minimum. */
  showCount?: boolean
  rows: number
  /** Where the box starts before it grows with the text: a few lines, about seven, or about nine. */
  size?: 'short' | 'medium' | 'long'
  /** A heading over the box. */
  label?: string
  /** The page's own class on the box, e.g. for its margins. */
  className?: string
}

/** A text written at length (a deed, a note, a comment) in a bordered box that grows with it. */
export function LongText({
  value,
  onChange,
  placeholder,
  ariaLabel,
  max,
  min,
  showCount = false,
  rows,
  size = 'short',
  label,
  className,
}: LongTextProps) {
  return (
    <>
      {label && <Text className='text-form__label'>{label}</Text>}
      <TextArea
        className={`text-form__text text-form__text--${size}${className ? ` ${className}` : ''}`}
        placeholder={placeholder}
        value={value}
        maxLength={max}
        rows={rows}
        autoSize
        showCount={showCount}
        onChange={onChange}
        aria-label={ariaLabel}
      />
      {min !== undefined && <LengthHint count={countChars(value)} min={min} max={max} />}
    </>
  )
}

interface FormSubmitProps {
  /** Why the last attempt was refused. */
  error: string | null
  /** What is still missing (the button waits for it), or null. */
  missing: string | null
  busy: boolean
  onSubmit: () => void
  /** The button's words. */
  children: ReactNode
  /** The line under the button once nothing is missing: what happens next. */
  note: string
}

/** The end of a form page: the refusal, if any, the button, and under it what is missing or what happens next. */
export function FormSubmit({ error, missing, busy, onSubmit, children, note }: FormSubmitProps) {
  return (
    <>
      {error && (
        <View className='text-form__error' role='alert'>
          {error}
        </View>
      )}
      <Button
        type='primary'
        block
        className='text-form__submit'
        disabled={missing !== null}
        loading={busy}
        onClick={onSubmit}
      >
        {children}
      </Button>
      <Text className='text-form__foot'>{missing ?? note}</Text>
    </>
  )
}
