import { Button } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import { useEffect, useState, type ReactNode } from 'react'
import {
  ApiError,
  cancelRegistration,
  checkIn,
  fetchActivity,
  fetchCheckinCode,
  fetchMe,
  register,
} from '../../api/client'
import { getSavedEmployee } from '../../api/session'
import { EmptyState, ErrorState, LoadingSkeleton, SinglePageNotice } from '../../components/state-view'
import { ActivityCategoryChip, ActivityStatusChip, RegistrationChip } from '../../components/status-chip'
import type { ActivityDetail, CheckinCode, RegistrationResult } from '../../domain/activity'
import type { Employee } from '../../domain/employee'
import { formatChineseNumber } from '../../domain/plan'
import { hasRole } from '../../domain/roles'
import { formatDateTime, formatTimeLeft, formatTimeRange } from '../../domain/time'
import { goToLogin, useRemote } from '../../hooks/use-remote'
import { isTimelineSinglePage } from '../../hooks/single-page'
import { SHARE_IMAGES, useShare } from '../../hooks/use-share'
import CheckinPanel from './checkin-panel'
import RegistrationForm, { type Choices } from './registration-form'
import scaledPage from '../../components/scaled-page'
import './index.scss'

/** Where registration stands, in one line, with the exact time under it. */
function describeWindow(activity: ActivityDetail, now: Date): { text: string; sub?: string; tone: 'open' | 'muted' } {
  if (activity.cancelledAt) return { text: '活动已取消', tone: 'muted' }
  if (now.getTime() < Date.parse(activity.registrationOpensAt)) {
    return { text: '报名未开始', sub: `${formatDateTime(activity.registrationOpensAt)} 开始报名`, tone: 'muted' }
  }
  const left = formatTimeLeft(activity.registrationClosesAt, now)
  if (!left) return { text: '报名已截止', sub: `${formatDateTime(activity.registrationClosesAt)} 截止`, tone: 'muted' }
  return { text: `报名截止${left}`, sub: `${formatDateTime(activity.registrationClosesAt)} 截止`, tone: 'open' }
}

function SeatsBlock({ activity }: { activity: ActivityDetail }) {
  if (activity.capacity === null) {
    return (
      <View className='detail__seats'>
        <Text className='detail__seats-main'>不限名额</Text>
        <Text className='detail__seats-side'>已报名 {activity.confirmedCount} 人</Text>
      </View>
    )
  }
  const left = Math.max(0, activity.capacity - activity.confirmedCount)
  const percent = Math.min(100, Math.round((activity.confirmedCount / Math.max(1, activity.capacity)) * 100))
  return (
    <View className='detail__seats'>
      <View className='detail__seats-line'>
        <Text className={`detail__seats-main${left === 0 ? ' detail__seats-main--full' : ''}`}>
          {left > 0 ? `剩余 ${left} 个名额` : activity.waitlistEnabled ? '名额已满 · 可候补' : '名额已满'}
        </Text>
        <Text className='detail__seats-side'>
          已报名 {activity.confirmedCount}/{activity.capacity}
          {activity.waitlistCount > 0 ? ` · 候补 ${activity.waitlistCount}` : ''}
        </Text>
      </View>
      <View
        className='detail__bar'
        role='progressbar'
        aria-valuemin={0}
        aria-valuemax={activity.capacity}
        aria-valuenow={activity.confirmedCount}
        aria-label='报名进度'
      >
        <View
          className={`detail__bar-fill${left === 0 ? ' detail__bar-fill--full' : ''}`}
          style={{ width: `${percent}%` }}
        />
      </View>
    </View>
  )
}

function InfoRow({ label, children }: { label: string; children: ReactNode }) {
  return (
    <View className='detail__row'>
      <Text className='detail__key'>{label}</Text>
      <View className='detail__value'>{children}</View>
    </View>
  )
}

const RED = '#C8161D'

/** What the person is told once the registration went through. */
function describeResult(answer: RegistrationResult, activity: ActivityDetail): { title: string; content: string } {
  if (answer.status === 'waitlisted') {
    const place = answer.position ?? answer.registration.position
    return {
      title: place ? `已进入候补，第 ${place} 位` : '已进入候补',
      content: answer.existing
        ? '你之前已经报过名，无需重复提交。'
        : '名额已满。有同事取消报名时，将按候补顺序自动为你递补。',
    }
  }
  return {
    title: '报名成功',
    content: answer.existing
      ? '你之前已经报过名，无需重复提交。'
      : `${formatTimeRange(activity.startsAt, activity.endsAt)}，${activity.location}。请按时参加。`,
  }
}

const browseActivities = () => Taro.switchTab({ url: '/pages/activities/index' })

const isLoginExpired = (e: unknown): boolean => e instanceof ApiError && e.code === 'unauthenticated'

/** One activity: what, when, where, seats; register, cancel, check in; organizers show the check-in code. */
function ActivityPage() {
  const { params } = useRouter()
  const id = Number(params.id)
  const valid = Number.isInteger(id) && id > 0
  const remote = useRemote(() => (valid ? fetchActivity(id) : Promise.resolve(null)), [id], { refreshOnShow: true })
  const activity = remote.data
  const [me, setMe] = useState<Employee | null>(() => getSavedEmployee())
  const [code, setCode] = useState<CheckinCode | null>(null)
  const [codeError, setCodeError] = useState<string | null>(null)
  const [singlePage] = useState(isTimelineSinglePage)
  useShare(
    activity ? `${activity.title}（${formatDateTime(activity.startsAt)}）` : '文明实践活动',
    undefined,
    SHARE_IMAGES.activity,
  )

  useEffect(() => {
    // The saved profile may be missing (a fresh WeChat install): ask once.
    if (!me && !singlePage) fetchMe().then(setMe, () => undefined)
  }, [me, singlePage])

  usePullDownRefresh(() => {
    remote.reload()
    Taro.stopPullDownRefresh()
  })

  if (singlePage) {
    return (
      <View className='wm-page'>
        <SinglePageNotice glyph='践' title='文明实践活动' hint='活动的时间、地点和报名只对本单位职工开放。' />
      </View>
    )
  }
  if (!valid) {
    return (
      <View className='wm-page'>
        <EmptyState
          title='没有找到这个活动'
          hint='链接可能不完整，请从活动列表重新进入'
          actionText='查看全部活动'
          onAction={browseActivities}
        />
      </View>
    )
  }
  if (!activity) {
    return (
      <View className='wm-page'>
        {remote.error ? <ErrorState message={remote.error} onRetry={remote.reload} /> : <LoadingSkeleton blocks={3} />}
      </View>
    )
  }

  const now = new Date()
  const registration = describeWindow(activity, now)
  const mine = activity.myRegistration?.status === 'cancelled' ? null : activity.myRegistration
  const cancelled = activity.status === 'cancelled'
  const fullForGood =
    activity.capacity !== null && activity.confirmedCount >= activity.capacity && !activity.waitlistEnabled
  const canRegister = !mine && !cancelled && activity.eligible && activity.status === 'open' && !fullForGood
  // Why someone who has not registered cannot, when the page does not already say so.
  const notice =
    mine || activity.status !== 'open'
      ? null
      : !activity.eligible
        ? `本活动仅限${activity.eligibleDepartments.join('、')}的同事报名。`
        : fullForGood
          ? '名额已满，本活动不设候补。'
          : null
  // Organizers manage their own department's activities; administrators all of them (as the cloud layer checks).
  const manages =
    me !== null &&
    (hasRole(me.role, 'admin') || (me.role === 'organizer' && me.department === activity.organizerDepartment))
  const paragraphs = activity.description.split(/\n+/).filter((p) => p.trim() !== '')

  const onApiError = (e: unknown): never => {
    if (isLoginExpired(e)) goToLogin()
    throw e
  }

  const submit = async (choices: Choices) => {
    const answer = await register(activity.id, choices).catch(onApiError)
    remote.reload()
    Taro.showModal({ ...describeResult(answer, activity), showCancel: false, confirmText: '知道了', confirmColor: RED })
  }

  const cancel = async () => {
    const { confirm } = await Taro.showModal({
      title: '取消报名',
      content: `确定取消“${activity.title}”的报名吗？取消后名额会让给候补的同事。`,
      confirmText: '确定取消',
      cancelText: '再想想',
      confirmColor: RED,
    })
    if (!confirm) return
    try {
      await cancelRegistration(activity.id)
      Taro.showToast({ title: '已取消报名', icon: 'success' })
    } catch (e) {
      if (isLoginExpired(e)) return goToLogin()
      const message = e instanceof Error ? e.message : '取消没有成功，请重试'
      Taro.showModal({
        title: '没能取消',
        content: message,
        showCancel: false,
        confirmText: '知道了',
        confirmColor: RED,
      })
    }
    remote.reload()
  }

  const doCheckIn = async (value: string) => {
    await checkIn(activity.id, value).catch(onApiError)
    Taro.showToast({ title: '签到成功', icon: 'success' })
    remote.reload()
  }

  const showCode = async () => {
    setCodeError(null)
    try {
      setCode(await fetchCheckinCode(activity.id))
    } catch (e) {
      if (isLoginExpired(e)) return goToLogin()
      setCodeError(e instanceof Error ? e.message : '没能取得签到码，请重试')
    }
  }

  return (
    <View className='wm-page detail'>
      <View className='wm-card detail__summary'>
        <View className='detail__top'>
          <ActivityCategoryChip category={activity.category} />
          <ActivityStatusChip status={activity.status} />
        </View>
        <Text className='detail__title'>{activity.title}</Text>
        {cancelled && (
          <View className='detail__cancelled' role='alert'>
            <Text className='detail__cancelled-title'>活动已取消</Text>
            <Text className='detail__cancelled-reason'>{activity.cancelReason || '组织方已取消本次活动。'}</Text>
          </View>
        )}
        <InfoRow label='时间'>
          <Text>{formatTimeRange(activity.startsAt, activity.endsAt)}</Text>
        </InfoRow>
        <InfoRow label='地点'>
          <Text>{activity.location}</Text>
        </InfoRow>
        <InfoRow label='主办'>
          <Text>{activity.organizerDepartment}</Text>
        </InfoRow>
        {!cancelled && (
          <InfoRow label='报名'>
            <Text className={`detail__window detail__window--${registration.tone}`}>{registration.text}</Text>
            {registration.sub && <Text className='detail__sub'>{registration.sub}</Text>}
          </InfoRow>
        )}
        {activity.eligibleDepartments.length > 0 && (
          <InfoRow label='范围'>
            <Text>仅限 {activity.eligibleDepartments.join('、')}</Text>
          </InfoRow>
        )}
        {activity.volunteerHours > 0 && (
          <InfoRow label='时长'>
            <Text>计志愿服务 {activity.volunteerHours} 小时</Text>
          </InfoRow>
        )}
        {!cancelled && <SeatsBlock activity={activity} />}
      </View>

      {mine && (
        <View className='wm-card detail__mine'>
          <View className='detail__mine-head'>
            <Text className='detail__card-title'>我的报名</Text>
            <RegistrationChip
              status={mine.status}
              position={mine.position}
              checkedIn={Boolean(mine.checkedInAt)}
              activityCancelled={cancelled}
            />
          </View>
          {!cancelled && mine.status === 'waitlisted' && (
            <View className='detail__queue'>
              <Text className='detail__queue-number'>候补第 {mine.position ?? '—'} 位</Text>
              <Text className='detail__queue-hint'>
                有同事取消报名时，将按候补顺序自动为你递补，届时这里会显示“已报名”。
              </Text>
            </View>
          )}
          {!cancelled && mine.status === 'confirmed' && !mine.checkedInAt && (
            <Text className='detail__mine-hint'>报名成功，请按时参加。</Text>
          )}
          {mine.checkedInAt && (
            <Text className='detail__mine-hint detail__mine-hint--done'>
              已于 {formatDateTime(mine.checkedInAt)} 签到
            </Text>
          )}
          {mine.options.length > 0 && (
            <InfoRow label='项目'>
              <Text>
                {mine.options.map((key) => activity.options.find((o) => o.key === key)?.label ?? key).join('、')}
              </Text>
            </InfoRow>
          )}
          {activity.formFields
            .filter((field) => mine.form[field.key] !== undefined)
            .map((field) => {
              const value = mine.form[field.key]
              return (
                <InfoRow key={field.key} label={field.label}>
                  <Text>{Array.isArray(value) ? value.join('、') : String(value)}</Text>
                </InfoRow>
              )
            })}
          {mine.status === 'confirmed' && !mine.checkedInAt && activity.checkinOpen && (
            <CheckinPanel activityId={activity.id} onCheckIn={doCheckIn} />
          )}
          {activity.canCancel && !mine.checkedInAt && (
            <Button block fill='outline' className='detail__cancel' onClick={cancel}>
              取消报名
            </Button>
          )}
        </View>
      )}

      {canRegister && <RegistrationForm key={activity.id} activity={activity} employee={me} onSubmit={submit} />}
      {notice && (
        <View className='wm-card detail__notice'>
          <Text>{notice}</Text>
        </View>
      )}
      {!mine && (notice || cancelled || activity.status === 'ended') && (
        <Button block fill='outline' type='primary' className='detail__elsewhere' onClick={browseActivities}>
          看看其他活动
        </Button>
      )}

      {paragraphs.length > 0 && (
        <View className='wm-card'>
          <Text className='detail__card-title'>活动介绍</Text>
          {paragraphs.map((p, i) => (
            <Text key={i} className='detail__para'>
              {p}
            </Text>
          ))}
        </View>
      )}

      {activity.planItems.length > 0 && (
        <View className='wm-card detail__points'>
          <Text className='detail__card-title'>落实的工作要点</Text>
          {activity.planItems.map((item) => (
            <View
              key={item.id}
              className='detail__point'
              role='link'
              onClick={() =>
                Taro.navigateTo({ url: `/packages/plan/point/index?planId=${item.planId}&itemId=${item.id}` })
              }
            >
              <Text className='detail__point-number'>
                主题{formatChineseNumber(item.sectionNumber)} · 第{item.number}项
              </Text>
              <View className='detail__point-line'>
                <Text className='detail__point-heading'>{item.heading}</Text>
                <Text className='detail__chevron'>›</Text>
              </View>
            </View>
          ))}
        </View>
      )}

      {manages && (
        <View className='wm-card detail__organizer'>
          <Text className='detail__card-title'>组织者</Text>
          <Text className='detail__mine-hint'>在签到台出示签到码，参加者在本页输入即可签到。</Text>
          <Button block type='primary' fill='outline' className='detail__code-btn' onClick={showCode}>
            签到码
          </Button>
          {codeError && (
            <View className='register__error' role='alert'>
              {codeError}
            </View>
          )}
        </View>
      )}

      {code && (
        <View className='code-sheet' role='dialog' aria-label='签到码' onClick={() => setCode(null)}>
          <View className='code-sheet__panel' onClick={(e) => e.stopPropagation()}>
            <Text className='code-sheet__title'>签到码</Text>
            <Text className='code-sheet__digits'>{code.code}</Text>
            <Text className='code-sheet__hint'>有效至 {formatDateTime(code.validUntil)}，过期后点“刷新”取新码</Text>
            <View className='code-sheet__actions'>
              <Button fill='outline' className='code-sheet__btn' onClick={() => setCode(null)}>
                关闭
              </Button>
              <Button type='primary' className='code-sheet__btn' onClick={showCode}>
                刷新
              </Button>
            </View>
          </View>
        </View>
      )}
    </View>
  )
}

export default scaledPage(ActivityPage)
