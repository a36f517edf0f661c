import { Text, View } from '@tarojs/components'

export default function Index() {
  return (
    <View className='bare'>
      <Text>基线页面</Text>
    </View>
  )
}
