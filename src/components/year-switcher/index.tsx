import { Text, View } from '@tarojs/components'
import './index.scss'

interface YearSwitcherProps {
  year: number
  onChange: (year: number) => void
  min?: number
  max?: number
}

/** ‹ 2026 › : steps one year back or forward. */
export default function YearSwitcher({ year, onChange, min = 2000, max = 2100 }: YearSwitcherProps) {
  const step = (delta: number) => {
    const next = year + delta
    if (next >= min && next <= max) onChange(next)
  }
  return (
    <View className='year-switcher'>
      <View
        className={`year-switcher__step${year <= min ? ' year-switcher__step--off' : ''}`}
        role='button'
        aria-label='上一年'
        onClick={() => step(-1)}
      >
        ‹
      </View>
      <Text className='year-switcher__year' aria-live='polite'>
        {year}年
      </Text>
      <View
        className={`year-switcher__step${year >= max ? ' year-switcher__step--off' : ''}`}
        role='button'
        aria-label='下一年'
        onClick={() => step(1)}
      >
        ›
      </View>
    </View>
  )
}
