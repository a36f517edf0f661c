import { Text, View } from '@tarojs/components'
import { formatChineseNumber, summarizeSection, type PlanSectionView } from '../../domain/plan'
import { pickThemeStyle } from './theme-style'
import './index.scss'

interface ThemeCardProps {
  section: PlanSectionView
  onOpen: (section: PlanSectionView) => void
}

/** A plan theme as a card: number, title, count of work points, a one-line summary. */
export default function ThemeCard({ section, onOpen }: ThemeCardProps) {
  const style = pickThemeStyle(section.title, section.number - 1)
  return (
    <View
      className='theme-card'
      style={{ background: `linear-gradient(135deg, ${style.tint} 0%, var(--wm-card, #ffffff) 62%)` }}
      role='link'
      onClick={() => onOpen(section)}
    >
      <View className='theme-card__head'>
        <View className='theme-card__seal' style={{ color: style.ink, borderColor: style.ink }} aria-hidden>
          {style.glyph}
        </View>
        <View className='theme-card__meta'>
          <Text className='theme-card__number' style={{ color: style.ink }}>
            主题{formatChineseNumber(section.number)}
          </Text>
          <Text className='theme-card__count'>{section.items.length} 项工作要点</Text>
        </View>
      </View>
      <Text className='theme-card__title'>{section.title}</Text>
      <Text className='theme-card__summary'>{summarizeSection(section)}</Text>
    </View>
  )
}
