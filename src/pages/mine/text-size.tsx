import { Text, View } from '@tarojs/components'
import ChoiceBar, { type Choice } from '../../components/choice-bar'
import { fontScale, setFontScaleChoice, useFontScaleChoice, type FontScale } from '../../hooks/use-font-scale'

const CHOICES: Choice<FontScale>[] = [
  { value: 1, label: '标准' },
  { value: 1.25, label: '大' },
  { value: 1.5, label: '特大' },
]

/** 大字模式: the person's own text size, kept on this phone; WeChat's larger setting wins over a smaller choice. */
export default function TextSize() {
  const choice = useFontScaleChoice()
  // WeChat's own setting is larger than the choice: say why the choice seems to do nothing.
  const wechatLarger = fontScale() > choice

  return (
    <View className='text-size'>
      <View className='wm-section-title'>
        <Text>大字模式</Text>
      </View>
      <ChoiceBar label='字体大小' choices={CHOICES} value={choice} onChange={setFontScaleChoice} />
      <Text className='text-size__hint'>
        {wechatLarger ? '已按微信设置的字体大小显示。' : '所有页面的文字大小随之改变，只在本机生效。'}
      </Text>
    </View>
  )
}
