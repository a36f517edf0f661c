import { View } from '@tarojs/components'
import './index.scss'

export interface Choice<T extends string | number> {
  value: T
  label: string
}

interface ChoiceBarProps<T extends string | number> {
  choices: Choice<T>[]
  value: T
  onChange: (value: T) => void
  /** What the choice is about, for screen readers. */
  label: string
}

/** A row of mutually exclusive choices, the chosen one tinted in the primary colour. */
export default function ChoiceBar<T extends string | number>({ choices, value, onChange, label }: ChoiceBarProps<T>) {
  return (
    <View className='choice-bar' role='radiogroup' aria-label={label}>
      {choices.map((c) => (
        <View
          key={String(c.value)}
          role='radio'
          aria-checked={c.value === value}
          className={`choice-bar__item${c.value === value ? ' choice-bar__item--on' : ''}`}
          onClick={() => c.value !== value && onChange(c.value)}
        >
          {c.label}
        </View>
      ))}
    </View>
  )
}
