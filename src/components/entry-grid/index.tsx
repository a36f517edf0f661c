import { Text, View } from '@tarojs/components'
import './index.scss'

export interface Entry {
  key: string
  label: string
  /** One character drawn like a seal, in the entry's own tint. */
  glyph: string
  ink: string
  tint: string
  badge?: number
}

/** A row of entries into the rest of the plan (身边好人, 书香阅读, …): props in, taps out. */
export default function EntryGrid({ entries, onOpen }: { entries: Entry[]; onOpen: (entry: Entry) => void }) {
  return (
    <View className='entry-grid'>
      {entries.map((entry) => (
        <View key={entry.key} className='entry-grid__item' role='link' onClick={() => onOpen(entry)}>
          <View className='entry-grid__glyph' style={{ color: entry.ink, background: entry.tint }} aria-hidden>
            {entry.glyph}
            {!!entry.badge && <Text className='entry-grid__badge'>{entry.badge > 99 ? '99+' : entry.badge}</Text>}
          </View>
          <Text className='entry-grid__label'>{entry.label}</Text>
          {!!entry.badge && <Text className='wm-sr-only'>，{entry.badge} 条未读</Text>}
        </View>
      ))}
    </View>
  )
}
