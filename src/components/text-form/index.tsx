import { Button, Input, TextArea } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import type { ReactNode } from 'react'
import { countChars } from '../../domain/community'
import type { Bound } from '../../hooks/use-draft'
import type { Submit } from '../../hooks/use-submit'
import LengthHint from '../length-hint'
import './index.scss'

/** A one-line field: the short key in front of it (书名, 工号 …), and what it takes. */
export interface FieldSpec<K extends string = string> {
  /** The field of the draft it writes. */
  key: K
  label: string
  placeholder: string
  maxLength: number
  /** What a screen reader calls the field, when `label` alone says too little (同事的工号). */
  ariaLabel?: string
}

type TextFieldProps = Omit<FieldSpec, 'key'> & Bound

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

/** The one-line fields of a form, one row each, bound to its draft (useDraft). */
export function TextFields<K extends string>({ fields, bind }: { fields: FieldSpec<K>[]; bind: (key: K) => Bound }) {
  return (
    <>
      {fields.map(({ key, ...field }) => (
        <TextField key={key} {...field} {...bind(key)} />
      ))}
    </>
  )
}

interface LongTextProps extends Bound {
  placeholder: string
  ariaLabel: string
  /** The most characters it takes. */
  max: number
  /** The fewest it needs: given, a hint under the box counts along (LengthHint). */
  min?: number
  /** NutUI's own count in the box instead, for a text that needs no minimum. */
  showCount?: boolean
  /** How tall the box starts, before it grows with the text. */
  size?: LongTextSize
  /** A heading over the box. */
  label?: string
  /** The page's own class on the box, e.g. for its margins. */
  className?: string
}

type LongTextSize = 'short' | 'medium' | 'long'

/** The rows of each size (its height comes from the style sheet). */
const ROWS: Record<LongTextSize, number> = { short: 3, medium: 8, long: 10 }

/** A text written at length (a deed, a note, a comment) in a bordered box that grows with it. */
export function LongText({
  value,
  onChange,
  placeholder,
  ariaLabel,
  max,
  min,
  showCount = false,
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
        rows={ROWS[size]}
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
  /** The page's writes (useSubmit): why the last one was refused, and whether `action` is on its way. */
  submit: Submit
  action: string
  /** What is still missing (the button waits for it), or null. */
  missing: string | null
  onSubmit: () => void
  /** The button's words. */
  children: ReactNode
  /** The line under the button once nothing is missing: what happens next. */
  note: string
}

/** The end of a form page: the refusal, if any, the button, and under it what is missing or what happens next. */
export function FormSubmit({ submit, action, missing, onSubmit, children, note }: FormSubmitProps) {
  return (
    <>
      {submit.error && (
        <View className='text-form__error' role='alert'>
          {submit.error}
        </View>
      )}
      <Button
        type='primary'
        block
        className='text-form__submit'
        disabled={missing !== null}
        loading={submit.busy === action}
        onClick={onSubmit}
      >
        {children}
      </Button>
      <Text className='text-form__foot'>{missing ?? note}</Text>
    </>
  )
}
