import { View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { EmptyState } from '../../components/state-view'

/** 活动: the activities that follow from the plan. */
export default function ActivitiesPage() {
  return (
    <View className='wm-page'>
      <EmptyState
        title='活动报名即将开放'
        hint='读书分享会、趣味运动会、我们的节日等活动发布后会在这里报名。先看看今年的工作要点吧。'
        actionText='查看工作要点'
        onAction={() => Taro.switchTab({ url: '/pages/home/index' })}
      />
    </View>
  )
}
