import { Button, Input } from '@nutui/nutui-react-taro'
import { ScrollView, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { ReactNode } from 'react'
import { EmptyState } from '../../../components/state-view'
import StatusChip, { type ChipTone } from '../../../components/status-chip'
import type { Registrant } from '../../../domain/admin'
import './ui.scss'

/** Where a registrant stands, in the words of the sign-up sheet. */
export function describeRegistrant(r: Pick<Registrant, 'status' | 'position' | 'checkedInAt'>): {
  label: string
  tone: ChipTone
} {
  if (r.status === 'cancelled') return { label: '已取消', tone: 'grey' }
  if (r.status === 'waitlisted') return { label: r.position ? `候补第${r.position}位` : '候补中', tone: 'orange' }
  if (r.checkedInAt) return { label: '已签到', tone: 'blue' }
  return { label: '已报名', tone: 'red' }
}

/** The chip of a registrant: 已报名, 已签到, 候补第N位, 已取消. */
export function RegistrantChip({ registrant }: { registrant: Registrant }) {
  const { label, tone } = describeRegistrant(registrant)
  return <StatusChip label={label} tone={tone} />
}

/** A search field in a rounded box of its own; the placeholder says what it finds (按姓名或工号搜索). */
export function SearchBox({
  placeholder,
  value,
  onChange,
  className,
}: {
  placeholder: string
  value: string
  onChange: (value: string) => void
  /** The page's own class on the box. */
  className?: string
}) {
  return (
    <View className={`adm-search-box${className ? ` ${className}` : ''}`}>
      <Input placeholder={placeholder} value={value} clearable onChange={onChange} aria-label={placeholder} />
    </View>
  )
}

export interface Choice<T extends string> {
  value: T
  label: string
}

/** A row of mutually exclusive filter buttons. */
export function Segmented<T extends string>({
  choices,
  value,
  onChange,
  label,
  scroll = false,
}: {
  choices: Choice<T>[]
  value: T
  onChange: (value: T) => void
  label: string
  /** One line that scrolls sideways, for long rows of filters. */
  scroll?: boolean
}) {
  const items = (
    <View className={`adm-segmented${scroll ? ' adm-segmented--line' : ''}`} role='radiogroup' aria-label={label}>
      {choices.map((c) => (
        <View
          key={c.value}
          role='radio'
          aria-checked={c.value === value}
          className={`adm-segmented__item${c.value === value ? ' adm-segmented__item--on' : ''}`}
          onClick={() => onChange(c.value)}
        >
          {c.label}
        </View>
      ))}
    </View>
  )
  if (!scroll) return items
  return (
    <ScrollView scrollX enhanced showScrollbar={false} className='adm-segmented-scroll'>
      {items}
    </ScrollView>
  )
}

/** "加载更多" under a paged list, or how many there are when all are shown. */
export function LoadMore({
  shown,
  total,
  loading,
  onMore,
  unit = '条',
}: {
  shown: number
  total: number
  loading: boolean
  onMore: () => void
  unit?: string
}) {
  if (total === 0) return null
  if (shown >= total)
    return (
      <Text className='adm-load-more__end'>
        已显示全部 {total} {unit}
      </Text>
    )
  return (
    <View className='adm-load-more'>
      <Button fill='outline' className='adm-load-more__btn' loading={loading} onClick={onMore}>
        加载更多（已显示 {shown} / {total}）
      </Button>
    </View>
  )
}

/** A titled block of the console. */
export function Section({ title, extra, children }: { title: string; extra?: ReactNode; children: ReactNode }) {
  return (
    <View className='adm-section'>
      <View className='wm-section-title'>
        <Text>{title}</Text>
        {extra}
      </View>
      {children}
    </View>
  )
}

/** What a person without the role sees instead of a console page. */
export function NotAllowed({ who = '管理员' }: { who?: string }) {
  return (
    <View className='wm-page'>
      <EmptyState
        title={`仅${who}可以使用`}
        hint='如需开通，请联系本单位文明办'
        actionText='回到首页'
        onAction={() => Taro.switchTab({ url: '/pages/home/index' })}
      />
    </View>
  )
}
