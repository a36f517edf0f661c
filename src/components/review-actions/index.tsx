import { Button } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { LongText } from '../text-form'
import './index.scss'

interface ReviewActionsProps {
  /** Who or what is being reviewed, for the buttons' labels. */
  subject: string
  busy: boolean
  onApprove: () => void
  onReject: (reason: string) => void
  /** The longest reason the cloud accepts. */
  maxReason?: number
}

/** 通过 / 不通过: rejecting asks for the reason first, since the author is told it. */
export default function ReviewActions({ subject, busy, onApprove, onReject, maxReason = 200 }: ReviewActionsProps) {
  const [rejecting, setRejecting] = useState(false)
  const [reason, setReason] = useState('')

  if (rejecting) {
    return (
      <View className='review-actions review-actions--reason'>
        <Text className='review-actions__label'>不通过的原因（会告知推荐人或作者）</Text>
        <LongText
          className='review-actions__reason'
          placeholder='例如：事迹内容不够具体，请补充时间、地点和经过'
          value={reason}
          max={maxReason}
          onChange={(v) => setReason(v)}
          ariaLabel={`${subject} 不通过的原因`}
        />
        <View className='review-actions__row'>
          <Button className='review-actions__button' fill='outline' disabled={busy} onClick={() => setRejecting(false)}>
            取消
          </Button>
          <Button
            className='review-actions__button'
            type='primary'
            loading={busy}
            disabled={!reason.trim()}
            onClick={() => onReject(reason.trim())}
          >
            确认不通过
          </Button>
        </View>
      </View>
    )
  }

  return (
    <View className='review-actions review-actions__row'>
      <Button
        className='review-actions__button'
        fill='outline'
        disabled={busy}
        onClick={() => setRejecting(true)}
        aria-label={`${subject} 不通过`}
      >
        不通过
      </Button>
      <Button
        className='review-actions__button'
        type='primary'
        loading={busy}
        onClick={onApprove}
        aria-label={`${subject} 通过`}
      >
        通过
      </Button>
    </View>
  )
}
