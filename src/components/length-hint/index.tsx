import { Text, View } from '@tarojs/components'
import './index.scss'

interface LengthHintProps {
  count: number
  min: number
  max: number
}

/** Counts along as a long text is written: how many more are needed, and how many are allowed. */
export default function LengthHint({ count, min, max }: LengthHintProps) {
  const short = count < min
  const over = count > max
  let hint = `至少 ${min} 字`
  if (count > 0 && short) hint = `还差 ${min - count} 字`
  if (over) hint = `超出 ${count - max} 字，请精简`
  return (
    <View className='length-hint' aria-live='polite'>
      <Text className={`length-hint__hint${over ? ' length-hint__hint--bad' : ''}`}>
        {!short && !over ? '字数符合要求' : hint}
      </Text>
      <Text className={`length-hint__count${over ? ' length-hint__hint--bad' : ''}`}>
        {count} / {max} 字
      </Text>
    </View>
  )
}
