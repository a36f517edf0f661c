import { Button } from '@nutui/nutui-react-taro'
import { Input, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { parseCheckinPayload } from './parse-checkin'

interface CheckinPanelProps {
  activityId: number
  /** Checks in with `code`; rejects with an Error whose message is fit to show. */
  onCheckIn: (code: string) => Promise<void>
}

/** Check-in at the venue: scan the desk's QR code in WeChat, or type the 6-digit code shown there. */
export default function CheckinPanel({ activityId, onCheckIn }: CheckinPanelProps) {
  const [code, setCode] = useState('')
  const [busy, setBusy] = useState(false)
  const [message, setMessage] = useState<string | null>(null)

  const send = async (value: string) => {
    setBusy(true)
    setMessage(null)
    try {
      await onCheckIn(value)
    } catch (e) {
      setMessage(e instanceof Error ? e.message : '签到没有成功，请重试')
    } finally {
      setBusy(false)
    }
  }

  const scan = async () => {
    setMessage(null)
    let result: string
    try {
      result = (await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] })).result
    } catch {
      return // The user closed the camera: nothing to say.
    }
    const payload = parseCheckinPayload(result)
    if (!payload) return setMessage('这不是本系统的签到码，请扫描签到台出示的二维码')
    if (payload.activityId !== activityId) return setMessage('这是另一场活动的签到码，请确认后再扫')
    await send(payload.code)
  }

  const typed = code.trim()
  return (
    <View className='checkin'>
      <Text className='checkin__title'>现场签到</Text>
      <Text className='checkin__hint'>
        {process.env.TARO_ENV === 'weapp'
          ? '到达现场后，扫描签到台的二维码，或输入签到台公布的 6 位签到码。'
          : '到达现场后，输入签到台公布的 6 位签到码。'}
      </Text>
      {process.env.TARO_ENV === 'weapp' && (
        <Button type='primary' block size='large' className='checkin__scan' loading={busy} onClick={scan}>
          扫码签到
        </Button>
      )}
      <View className='checkin__row'>
        <Input
          className='checkin__input'
          type='number'
          maxlength={6}
          placeholder='6 位签到码'
          placeholderClass='checkin__placeholder'
          value={code}
          onInput={(e) => {
            setMessage(null)
            setCode(e.detail.value.replace(/\D/g, ''))
          }}
          aria-label='签到码'
        />
        <Button
          type='primary'
          fill={process.env.TARO_ENV === 'weapp' ? 'outline' : 'solid'}
          className='checkin__submit'
          disabled={typed.length !== 6 || busy}
          loading={busy && process.env.TARO_ENV !== 'weapp'}
          onClick={() => send(typed)}
        >
          签到
        </Button>
      </View>
      {message && (
        <View className='checkin__error' role='alert'>
          {message}
        </View>
      )}
    </View>
  )
}
