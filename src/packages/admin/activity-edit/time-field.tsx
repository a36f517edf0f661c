import { Picker, Text, View } from '@tarojs/components'
import { formatPickerDate, type LocalTime } from './draft'

/** A Beijing date and time, each with its own native picker. */
export default function TimeField({
  label,
  value,
  follows,
  now,
  onChange,
}: {
  label: string
  value: LocalTime
  /** What the time follows until set by hand, e.g. 随开始时间. */
  follows?: string
  now: Date
  onChange: (value: LocalTime) => void
}) {
  return (
    <View className='edit__time'>
      <View className='edit__time-head'>
        <Text className='edit__time-label'>{label}</Text>
        {follows && <Text className='edit__time-follows'>{follows}</Text>}
      </View>
      <View className='edit__time-pickers'>
        <Picker
          className='edit__time-picker edit__time-picker--date'
          mode='date'
          value={value.date}
          onChange={(e) => onChange({ ...value, date: String(e.detail.value) })}
        >
          <View className='edit__picker edit__picker--date' role='button' aria-label={`${label}日期`}>
            {formatPickerDate(value.date, now)}
          </View>
        </Picker>
        <Picker
          className='edit__time-picker'
          mode='time'
          value={value.time}
          onChange={(e) => onChange({ ...value, time: String(e.detail.value) })}
        >
          <View className='edit__picker edit__picker--time' role='button' aria-label={`${label}时刻`}>
            {value.time}
          </View>
        </Picker>
      </View>
    </View>
  )
}
