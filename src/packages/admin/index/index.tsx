import { Button } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { useState } from 'react'
import { fetchManagedActivities } from '../../../api/admin'
import { EmptyState, ErrorState, LoadingSkeleton } from '../../../components/state-view'
import {
  ACTIVITY_CATEGORIES,
  ACTIVITY_STATUSES,
  type ActivityStatus,
  type ActivitySummary,
} from '../../../domain/activity'
import { ROLE_LABELS } from '../../../domain/roles'
import { formatTimeRange } from '../../../domain/time'
import StatusChip, { type ChipTone } from '../../../components/status-chip'
import { LoadMore, NotAllowed, Segmented } from '../shared/ui'
import { usePaged } from '../shared/use-paged'
import { useMe } from '../shared/use-me'
import scaledPage from '../../../components/scaled-page'
import './index.scss'

const PAGE_SIZE = 20

const STATUS_TONES: Record<ActivityStatus, ChipTone> = {
  open: 'green',
  upcoming: 'gold',
  ongoing: 'blue',
  ended: 'grey',
  cancelled: 'grey',
}

type StatusFilter = ActivityStatus | 'all'
const FILTERS: { value: StatusFilter; label: string }[] = [
  { value: 'all', label: '全部' },
  ...(Object.keys(ACTIVITY_STATUSES) as ActivityStatus[]).map((s) => ({ value: s, label: ACTIVITY_STATUSES[s] })),
]

const open = (url: string) => Taro.navigateTo({ url })

function seatsText(a: ActivitySummary): string {
  const seats =
    a.capacity === null ? `已报名 ${a.confirmedCount} 人（不限名额）` : `已报名 ${a.confirmedCount}/${a.capacity}`
  return a.waitlistCount > 0 ? `${seats} · 候补 ${a.waitlistCount}` : seats
}

function ManagedActivity({ activity }: { activity: ActivitySummary }) {
  const cancelled = activity.status === 'cancelled'
  return (
    <View className='wm-card console__activity'>
      <View className='console__activity-top'>
        <Text className='console__category'>{ACTIVITY_CATEGORIES[activity.category]}</Text>
        <StatusChip
          label={cancelled ? '活动已取消' : ACTIVITY_STATUSES[activity.status]}
          tone={STATUS_TONES[activity.status]}
        />
      </View>
      <Text className='console__title'>{activity.title}</Text>
      <Text className='console__meta'>{formatTimeRange(activity.startsAt, activity.endsAt)}</Text>
      <Text className='console__meta'>
        {activity.location} · {activity.organizerDepartment}
      </Text>
      <Text className='console__seats'>{cancelled ? activity.cancelReason || '活动已取消' : seatsText(activity)}</Text>
      <View className='console__actions'>
        <View
          className='adm-action'
          role='button'
          aria-label={`编辑 ${activity.title}`}
          onClick={() => open(`/packages/admin/activity-edit/index?id=${activity.id}`)}
        >
          {cancelled ? '查看' : '编辑'}
        </View>
        <View
          className='adm-action'
          role='button'
          aria-label={`${activity.title} 的报名名单`}
          onClick={() => open(`/packages/admin/registrants/index?id=${activity.id}`)}
        >
          报名名单
        </View>
        {!cancelled && (
          <View
            className='adm-action adm-action--primary'
            role='button'
            aria-label={`${activity.title} 的签到台`}
            onClick={() => open(`/packages/admin/checkin-desk/index?id=${activity.id}`)}
          >
            签到台
          </View>
        )}
      </View>
    </View>
  )
}

/** 活动管理: the activities I manage with their tools, and the way to the rest of the console. */
function ConsolePage() {
  const me = useMe()
  const [status, setStatus] = useState<StatusFilter>('all')
  const list = usePaged(
    (page) => fetchManagedActivities({ status: status === 'all' ? undefined : status, page, pageSize: PAGE_SIZE }),
    [status],
    { refreshOnShow: true },
  )

  usePullDownRefresh(() => {
    list.reload()
    Taro.stopPullDownRefresh()
  })

  if (me.employee && !me.canOrganize) return <NotAllowed who='活动组织者和管理员' />

  const entries = [
    { label: '参与情况', hint: '各部门参与率', url: '/packages/admin/participation/index', glyph: '统' },
    ...(me.isAdmin
      ? [
          { label: '职工名册', hint: '导入与维护', url: '/packages/admin/roster/index', glyph: '册' },
          { label: '工作要点', hint: '导入与发布', url: '/packages/admin/plans/index', glyph: '要' },
          { label: '操作日志', hint: '谁改了什么', url: '/packages/admin/audit/index', glyph: '志' },
        ]
      : []),
  ]

  return (
    <View className='wm-page console'>
      <View className='console__hero'>
        <Text className='console__who'>
          {me.employee ? `${me.employee.name} · ${me.employee.department} · ${ROLE_LABELS[me.employee.role]}` : ' '}
        </Text>
        <Text className='console__scope'>
          {me.isAdmin ? '全部部门的活动' : me.employee ? `${me.employee.department}主办的活动` : '我管理的活动'}
        </Text>
        <Button type='primary' className='console__create' onClick={() => open('/packages/admin/activity-edit/index')}>
          ＋ 新建活动
        </Button>
      </View>

      <View className='console__entries'>
        {entries.map((e) => (
          <View key={e.url} className='console__entry' role='link' onClick={() => open(e.url)}>
            <View className='console__entry-glyph' aria-hidden>
              {e.glyph}
            </View>
            <View className='console__entry-text'>
              <Text className='console__entry-label'>{e.label}</Text>
              <Text className='console__entry-hint'>{e.hint}</Text>
            </View>
          </View>
        ))}
      </View>

      <View className='wm-section-title'>
        <Text>活动</Text>
        {list.items && <Text className='console__count'>共 {list.total} 项</Text>}
      </View>
      <Segmented label='按状态筛选' scroll choices={FILTERS} value={status} onChange={setStatus} />

      {list.loading && !list.items && <LoadingSkeleton blocks={3} />}
      {list.error && !list.items && <ErrorState message={list.error} onRetry={list.reload} />}
      {list.items && list.items.length === 0 && (
        <EmptyState
          title={status === 'all' ? '还没有活动' : `没有${ACTIVITY_STATUSES[status]}的活动`}
          hint={
            status === 'all' ? '点“新建活动”发布第一项活动，职工即可在“活动”页报名' : '换个状态看看，或新建一项活动'
          }
          actionText='新建活动'
          onAction={() => open('/packages/admin/activity-edit/index')}
        />
      )}
      {list.items?.map((a) => (
        <ManagedActivity key={a.id} activity={a} />
      ))}
      {list.items && (
        <LoadMore
          shown={list.items.length}
          total={list.total}
          loading={list.loading}
          onMore={list.loadMore}
          unit='项'
        />
      )}
      {list.error && list.items && <Text className='adm-error'>{list.error}</Text>}
    </View>
  )
}

export default scaledPage(ConsolePage)
