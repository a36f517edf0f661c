import { Button, Skeleton } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import './index.scss'

/** Placeholder blocks shown while a list loads. */
export function LoadingSkeleton({ blocks = 3 }: { blocks?: number }) {
  return (
    <View className='wm-skeleton' aria-busy='true' aria-label='正在加载'>
      {Array.from({ length: blocks }, (_, i) => (
        <View key={i} className='wm-skeleton__block'>
          <Skeleton rows={3} animated />
        </View>
      ))}
    </View>
  )
}

/** What went wrong, in plain Chinese, with a retry. */
export function ErrorState({ message, onRetry }: { message: string; onRetry: () => void }) {
  return (
    <View className='wm-state' role='alert'>
      <View className='wm-state__glyph wm-state__glyph--error'>!</View>
      <Text className='wm-state__title'>没能加载出来</Text>
      <Text className='wm-state__text'>{message}</Text>
      <Button type='primary' className='wm-state__action' onClick={onRetry}>
        重试
      </Button>
    </View>
  )
}

/** An empty list: says what is missing and what to do next. */
export function EmptyState({
  title,
  hint,
  actionText,
  onAction,
}: {
  title: string
  hint?: string
  actionText?: string
  onAction?: () => void
}) {
  return (
    <View className='wm-state'>
      <View className='wm-state__glyph'>空</View>
      <Text className='wm-state__title'>{title}</Text>
      {hint && <Text className='wm-state__text'>{hint}</Text>}
      {actionText && onAction && (
        <Button type='primary' fill='outline' className='wm-state__action' onClick={onAction}>
          {actionText}
        </Button>
      )}
    </View>
  )
}

/**
 * A page opened from Moments, in WeChat's single-page mode, where nobody is logged in: what the shared page is, and
 * how to see it in full (WeChat puts a “前往小程序” bar at the bottom of the screen).
 */
export function SinglePageNotice({ glyph, title, hint }: { glyph: string; title: string; hint: string }) {
  return (
    <View className='wm-state' role='note'>
      <View className='wm-state__glyph'>{glyph}</View>
      <Text className='wm-state__title'>{title}</Text>
      <Text className='wm-state__text'>{hint}</Text>
      <Text className='wm-state__text'>请点击屏幕下方的“前往小程序”，用工号登录后查看。</Text>
    </View>
  )
}
