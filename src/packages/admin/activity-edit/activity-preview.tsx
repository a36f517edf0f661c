import { Text, View } from '@tarojs/components'
import type { ReactNode } from 'react'
import {
  ACTIVITY_CATEGORIES,
  ACTIVITY_STATUSES,
  getActivityStatus,
  type Activity,
  type ActivityPlanItem,
} from '../../../domain/activity'
import { formatChineseNumber } from '../../../domain/plan'
import { formatDateTime, formatTimeRange } from '../../../domain/time'
import StatusChip from '../../../components/status-chip'

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <View className='preview__row'>
      <Text className='preview__key'>{label}</Text>
      <View className='preview__value'>{children}</View>
    </View>
  )
}

const FIELD_WORDS = { text: '填写文字', number: '填写数字', single: '单选', multiple: '多选' }

/** The activity as an employee will see it on its page, before it is saved. */
export default function ActivityPreview({
  activity,
  planItems,
  now,
}: {
  activity: Activity
  planItems: ActivityPlanItem[]
  now: Date
}) {
  const status = getActivityStatus(activity, now)
  const paragraphs = activity.description.split(/\n+/).filter((p) => p.trim() !== '')
  return (
    <View className='preview'>
      <View className='wm-card'>
        <View className='preview__top'>
          <Text className='preview__category'>{ACTIVITY_CATEGORIES[activity.category]}</Text>
          <StatusChip label={ACTIVITY_STATUSES[status]} tone={status === 'open' ? 'green' : 'gold'} />
        </View>
        <Text className='preview__title'>{activity.title}</Text>
        <Row label='时间'>
          <Text>{formatTimeRange(activity.startsAt, activity.endsAt)}</Text>
        </Row>
        <Row label='地点'>
          <Text>{activity.location}</Text>
        </Row>
        <Row label='主办'>
          <Text>{activity.organizerDepartment}</Text>
        </Row>
        <Row label='报名'>
          <Text>
            {formatDateTime(activity.registrationOpensAt)} 至 {formatDateTime(activity.registrationClosesAt)}
          </Text>
          <Text className='preview__sub'>{formatDateTime(activity.cancelCutoffAt)} 前可取消报名</Text>
        </Row>
        <Row label='签到'>
          <Text>{formatTimeRange(activity.checkinOpensAt, activity.checkinClosesAt)}</Text>
        </Row>
        <Row label='范围'>
          <Text>
            {activity.eligibleDepartments.length > 0 ? `仅限 ${activity.eligibleDepartments.join('、')}` : '全体职工'}
          </Text>
        </Row>
        {activity.volunteerHours > 0 && (
          <Row label='时长'>
            <Text>计志愿服务 {activity.volunteerHours} 小时</Text>
          </Row>
        )}
        <View className='preview__seats'>
          <Text className='preview__seats-main'>
            {activity.capacity === null ? '不限名额' : `剩余 ${activity.capacity} 个名额`}
          </Text>
          <Text className='preview__sub'>
            {activity.capacity !== null && (activity.waitlistEnabled ? '满员后可候补' : '满员后不设候补')}
          </Text>
        </View>
      </View>

      {(activity.options.length > 0 || activity.formFields.length > 0) && (
        <View className='wm-card'>
          <Text className='preview__card-title'>报名时需填写</Text>
          {activity.options.length > 0 && (
            <View className='preview__block'>
              <Text className='preview__label'>
                选择项目{activity.maxOptions > 1 ? `（每人最多 ${activity.maxOptions} 项）` : '（每人选 1 项）'}
              </Text>
              <View className='preview__options'>
                {activity.options.map((o) => (
                  <Text key={o.key} className='preview__option'>
                    {o.label}
                    {o.capacity !== null ? ` · ${o.capacity} 人` : ''}
                  </Text>
                ))}
              </View>
            </View>
          )}
          {activity.formFields.map((f) => (
            <View key={f.key} className='preview__block'>
              <Text className='preview__label'>
                {f.label}
                {f.required ? <Text className='preview__required'> *</Text> : '（选填）'}
              </Text>
              <Text className='preview__sub'>
                {FIELD_WORDS[f.type]}
                {f.choices ? `：${f.choices.join(' / ')}` : ''}
              </Text>
            </View>
          ))}
        </View>
      )}

      {paragraphs.length > 0 && (
        <View className='wm-card'>
          <Text className='preview__card-title'>活动介绍</Text>
          {paragraphs.map((p, i) => (
            <Text key={i} className='preview__para'>
              {p}
            </Text>
          ))}
        </View>
      )}

      {planItems.length > 0 && (
        <View className='wm-card'>
          <Text className='preview__card-title'>落实的工作要点</Text>
          {planItems.map((item) => (
            <View key={item.id} className='preview__point'>
              <Text className='preview__sub'>
                主题{formatChineseNumber(item.sectionNumber)} · 第{item.number}项
              </Text>
              <Text className='preview__point-heading'>{item.heading}</Text>
            </View>
          ))}
        </View>
      )}
    </View>
  )
}
