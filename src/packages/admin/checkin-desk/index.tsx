import { Button } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro, { useDidHide, useDidShow, useRouter } from '@tarojs/taro'
import { useEffect, useState } from 'react'
import { checkInManually, fetchRegistrants } from '../../../api/admin'
import { fetchActivity } from '../../../api/client'
import { EmptyState, ErrorState, LoadingSkeleton } from '../../../components/state-view'
import type { Registrant } from '../../../domain/admin'
import { formatTimeRange } from '../../../domain/time'
import { useRemote } from '../../../hooks/use-remote'
import { describeFailure, showToast } from '../shared/feedback'
import StatusChip from '../../../components/status-chip'
import { NotAllowed, RegistrantChip, SearchBox } from '../shared/ui'
import { useMe } from '../shared/use-me'
import QrCode from '../shared/qr-code'
import { useCheckinCode } from './use-checkin-code'
import scaledPage from '../../../components/scaled-page'
import './index.scss'

const POLL_MS = 15_000
const SHOW_AT_MOST = 50

const clock = (seconds: number) => `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`

/** Not yet checked in first, then checked in, then the waitlist; by name within each. */
function deskOrder(a: Registrant, b: Registrant): number {
  const rank = (r: Registrant) => (r.status === 'waitlisted' ? 2 : r.checkedInAt ? 1 : 0)
  return rank(a) - rank(b) || a.employee.name.localeCompare(b.employee.name, 'zh')
}

/** 签到台: the rotating code, very large, for the room; manual check-in by name; the count live. */
function CheckinDeskPage() {
  const { params } = useRouter()
  const id = Number(params.id)
  const me = useMe()
  const [active, setActive] = useState(true)
  const live = useCheckinCode(id, active)
  const activity = useRemote(() => fetchActivity(id), [id])
  const [people, setPeople] = useState<Registrant[] | null>(null)
  const [peopleError, setPeopleError] = useState<string | null>(null)
  const [query, setQuery] = useState('')
  const [pending, setPending] = useState<number | null>(null)
  const [round, setRound] = useState(0)

  useDidShow(() => setActive(true))
  useDidHide(() => setActive(false))

  useEffect(() => {
    // A desk stays open for an hour: keep the phone's screen on while it shows.
    if (process.env.TARO_ENV === 'weapp') Taro.setKeepScreenOn({ keepScreenOn: active })
  }, [active])

  useEffect(() => {
    if (!active) return
    let stopped = false
    const load = () =>
      fetchRegistrants(id)
        .then((list) => {
          if (stopped) return
          setPeople(list.filter((r) => r.status !== 'cancelled'))
          setPeopleError(null)
        })
        .catch((e: unknown) => !stopped && setPeopleError(describeFailure(e, '没能取得报名名单')))
    load()
    // Others check themselves in with the code: keep the count current.
    const timer = setInterval(load, POLL_MS)
    return () => {
      stopped = true
      clearInterval(timer)
    }
  }, [id, active, round])

  if (me.employee && !me.canOrganize) return <NotAllowed who='活动组织者和管理员' />

  const confirmed = people?.filter((r) => r.status === 'confirmed') ?? []
  const checkedIn = confirmed.filter((r) => r.checkedInAt).length
  const q = query.trim()
  const matching = (people ?? [])
    .filter((r) => !q || r.employee.name.includes(q) || r.employee.employeeNo.includes(q.toUpperCase()))
    .sort(deskOrder)

  const checkIn = async (r: Registrant) => {
    setPending(r.registrationId)
    try {
      const updated = await checkInManually(id, r.registrationId)
      setPeople((list) => list && list.map((x) => (x.registrationId === r.registrationId ? updated : x)))
      showToast(`${r.employee.name} 已签到`, true)
    } catch (e) {
      showToast(describeFailure(e, '签到没有成功，请重试'))
    } finally {
      setPending(null)
    }
  }

  const progress = live.secondsLeft === null ? 0 : Math.min(100, (live.secondsLeft / 120) * 100)

  return (
    <View className='wm-page desk'>
      <View className='desk__band'>
        {activity.data ? (
          <>
            <Text className='desk__title'>{activity.data.title}</Text>
            <Text className='desk__meta'>
              {formatTimeRange(activity.data.startsAt, activity.data.endsAt)} · {activity.data.location}
            </Text>
          </>
        ) : (
          <Text className='desk__title'>{activity.error ? '签到台' : '正在载入活动…'}</Text>
        )}
      </View>

      <View className='desk__code-card' aria-live='polite'>
        <Text className='desk__code-label'>签到码</Text>
        {live.code ? (
          <>
            <View className='desk__qr'>
              <QrCode text={live.code.qrPayload} width={400} label='签到二维码：在微信中打开活动页面，点“扫码签到”' />
            </View>
            <Text className='desk__code' aria-label={`签到码 ${live.code.code.split('').join(' ')}`}>
              {live.code.code}
            </Text>
            <View className='desk__timer'>
              <View className='desk__timer-fill' style={{ width: `${progress}%` }} />
            </View>
            <Text className='desk__countdown'>
              {live.secondsLeft ? `${clock(live.secondsLeft)} 后自动更换` : '正在更换…'}
            </Text>
          </>
        ) : live.error ? (
          <View className='desk__code-error'>
            <Text className='adm-error'>{live.error}</Text>
            <Button type='primary' className='adm-button' onClick={live.retry}>
              重试
            </Button>
          </View>
        ) : (
          <Text className='desk__code desk__code--waiting'>······</Text>
        )}
        <Text className='desk__how'>参加者打开活动页面，扫描二维码或输入签到码即可签到</Text>
      </View>

      <View className='desk__count' aria-live='polite'>
        <Text className='desk__count-main'>
          已签到 <Text className='desk__count-num'>{people ? checkedIn : '—'}</Text> / 已报名{' '}
          {people ? confirmed.length : '—'}
        </Text>
        {people && confirmed.length > 0 && (
          <Text className='desk__count-side'>还有 {confirmed.length - checkedIn} 人未签到</Text>
        )}
      </View>

      <View className='wm-section-title'>
        <Text>代为签到</Text>
      </View>
      <SearchBox placeholder='输入姓名或工号查找' value={query} onChange={setQuery} />

      {!people && !peopleError && <LoadingSkeleton blocks={2} />}
      {!people && peopleError && <ErrorState message={peopleError} onRetry={() => setRound((n) => n + 1)} />}
      {people && people.length === 0 && (
        <EmptyState title='还没有人报名' hint='有人报名后，可以在这里为忘带手机的同事代为签到' />
      )}
      {people && people.length > 0 && matching.length === 0 && (
        <EmptyState
          title={`没有找到“${q}”`}
          hint='请核对姓名，或确认对方已经报名'
          actionText='清除'
          onAction={() => setQuery('')}
        />
      )}
      {matching.slice(0, SHOW_AT_MOST).map((r) => (
        <View key={r.registrationId} className='desk__person'>
          <View className='desk__who'>
            <Text className='desk__name'>{r.employee.name}</Text>
            <Text className='desk__dept'>
              {r.employee.employeeNo} · {r.employee.department}
            </Text>
          </View>
          {r.status === 'confirmed' && !r.checkedInAt ? (
            <Button
              type='primary'
              className='desk__checkin'
              loading={pending === r.registrationId}
              disabled={pending !== null}
              onClick={() => checkIn(r)}
              aria-label={`为${r.employee.name}签到`}
            >
              签到
            </Button>
          ) : r.checkedInAt ? (
            <StatusChip label='已签到' tone='blue' />
          ) : (
            <RegistrantChip registrant={r} />
          )}
        </View>
      ))}
      {matching.length > SHOW_AT_MOST && (
        <Text className='adm-hint desk__more'>还有 {matching.length - SHOW_AT_MOST} 人未显示，请输入姓名查找</Text>
      )}
    </View>
  )
}

export default scaledPage(CheckinDeskPage)
