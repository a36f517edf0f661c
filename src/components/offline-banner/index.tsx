import { Button } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import { formatMonthDayTime } from '../../domain/time'
import './index.scss'

/** Says the page shows a copy saved at `savedAt` because the network is down, with a retry. */
export default function OfflineBanner({ savedAt, onRetry }: { savedAt: string; onRetry: () => void }) {
  return (
    <View className='offline-banner' role='status'>
      <Text className='offline-banner__text'>网络不可用，显示的是 {formatMonthDayTime(savedAt)} 的缓存内容</Text>
      <Button size='small' type='primary' fill='outline' className='offline-banner__retry' onClick={onRetry}>
        重试
      </Button>
    </View>
  )
}
