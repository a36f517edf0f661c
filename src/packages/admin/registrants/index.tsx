import { Button } from '@nutui/nutui-react-taro'
import { Picker, Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import { useMemo, useState } from 'react'
import { exportRegistrants, fetchRegistrants } from '../../../api/admin'
import { fetchActivity } from '../../../api/client'
import { saveExportFile } from '../../../api/save-file'
import { EmptyState, ErrorState, LoadingSkeleton } from '../../../components/state-view'
import type { ActivityDetail } from '../../../domain/activity'
import type { Registrant } from '../../../domain/admin'
import { formatDateTime, formatTimeRange } from '../../../domain/time'
import { useRemote } from '../../../hooks/use-remote'
import { describeFailure, showToast } from '../shared/feedback'
import { NotAllowed, RegistrantChip, SearchBox, Segmented } from '../shared/ui'
import { useMe } from '../shared/use-me'
import scaledPage from '../../../components/scaled-page'
import './index.scss'

type StatusFilter = 'all' | 'confirmed' | 'checkedIn' | 'waitlisted' | 'cancelled'

const ALL_DEPARTMENTS = '全部部门'

function matches(r: Registrant, status: StatusFilter): boolean {
  if (status === 'all') return true
  if (status === 'checkedIn') return r.status === 'confirmed' && Boolean(r.checkedInAt)
  return r.status === status
}

function countBy(list: Registrant[]) {
  return {
    confirmed: list.filter((r) => r.status === 'confirmed').length,
    checkedIn: list.filter((r) => r.status === 'confirmed' && r.checkedInAt).length,
    waitlisted: list.filter((r) => r.status === 'waitlisted').length,
    cancelled: list.filter((r) => r.status === 'cancelled').length,
  }
}

function answers(r: Registrant, activity: ActivityDetail): string[] {
  const lines: string[] = []
  if (r.options.length > 0) {
    lines.push(`项目：${r.options.map((k) => activity.options.find((o) => o.key === k)?.label ?? k).join('、')}`)
  }
  for (const [key, value] of Object.entries(r.form)) {
    const label = activity.formFields.find((f) => f.key === key)?.label ?? key
    lines.push(`${label}：${Array.isArray(value) ? value.join('、') : value}`)
  }
  return lines
}

function RegistrantRow({ registrant: r, activity }: { registrant: Registrant; activity: ActivityDetail }) {
  return (
    <View className='wm-card people__row'>
      <View className='people__head'>
        <View className='people__who'>
          <Text className='people__name'>{r.employee.name}</Text>
          <Text className='people__meta'>
            {r.employee.employeeNo} · {r.employee.department}
          </Text>
        </View>
        <RegistrantChip registrant={r} />
      </View>
      {r.employee.phone && <Text className='people__line'>手机 {r.employee.phone}</Text>}
      {answers(r, activity).map((line) => (
        <Text key={line} className='people__line'>
          {line}
        </Text>
      ))}
      <Text className='people__time'>
        {formatDateTime(r.createdAt)} 报名
        {r.checkedInAt ? ` · ${formatDateTime(r.checkedInAt)} 签到` : ''}
        {r.cancelledAt ? ` · ${formatDateTime(r.cancelledAt)} 取消` : ''}
      </Text>
    </View>
  )
}

/** 报名名单: who registered, filtered by status and department, searched by name, exported to Excel. */
function RegistrantsPage() {
  const { params } = useRouter()
  const id = Number(params.id)
  const me = useMe()
  const remote = useRemote(
    async () => {
      const [activity, registrants] = await Promise.all([fetchActivity(id), fetchRegistrants(id)])
      return { activity, registrants }
    },
    [id],
    { refreshOnShow: true },
  )
  const [status, setStatus] = useState<StatusFilter>('all')
  const [department, setDepartment] = useState(ALL_DEPARTMENTS)
  const [query, setQuery] = useState('')
  const [exporting, setExporting] = useState(false)

  usePullDownRefresh(() => {
    remote.reload()
    Taro.stopPullDownRefresh()
  })

  const all = useMemo(() => remote.data?.registrants ?? [], [remote.data])
  const departments = useMemo(() => [ALL_DEPARTMENTS, ...new Set(all.map((r) => r.employee.department))], [all])
  const counts = countBy(all)
  const q = query.trim().toUpperCase()
  const shown = all.filter(
    (r) =>
      matches(r, status) &&
      (department === ALL_DEPARTMENTS || r.employee.department === department) &&
      (!q || r.employee.name.includes(query.trim()) || r.employee.employeeNo.includes(q)),
  )
  const filtered = status !== 'all' || department !== ALL_DEPARTMENTS || q !== ''

  if (me.employee && !me.canOrganize) return <NotAllowed who='活动组织者和管理员' />
  if (!remote.data)
    return (
      <View className='wm-page'>
        {remote.error ? <ErrorState message={remote.error} onRetry={remote.reload} /> : <LoadingSkeleton blocks={3} />}
      </View>
    )
  const { activity } = remote.data

  const doExport = async () => {
    setExporting(true)
    try {
      await saveExportFile(await exportRegistrants(id))
      showToast('名单已导出', true)
    } catch (e) {
      showToast(describeFailure(e, '导出没有成功，请重试'))
    } finally {
      setExporting(false)
    }
  }

  return (
    <View className='wm-page people'>
      <View className='people__activity'>
        <Text className='people__title'>{activity.title}</Text>
        <Text className='people__meta'>
          {formatTimeRange(activity.startsAt, activity.endsAt)} · {activity.location}
        </Text>
      </View>

      <View className='adm-stats'>
        <View className='adm-stat'>
          <Text className='adm-stat__value'>
            {counts.confirmed}
            {activity.capacity !== null && <Text className='people__of'>/{activity.capacity}</Text>}
          </Text>
          <Text className='adm-stat__label'>已报名</Text>
        </View>
        <View className='adm-stat'>
          <Text className='adm-stat__value people__blue'>{counts.checkedIn}</Text>
          <Text className='adm-stat__label'>已签到</Text>
        </View>
        <View className='adm-stat'>
          <Text className='adm-stat__value people__orange'>{counts.waitlisted}</Text>
          <Text className='adm-stat__label'>候补</Text>
        </View>
        <View className='adm-stat'>
          <Text className='adm-stat__value people__grey'>{counts.cancelled}</Text>
          <Text className='adm-stat__label'>已取消</Text>
        </View>
      </View>

      <Button type='primary' block className='people__export' loading={exporting} onClick={doExport}>
        导出 Excel
      </Button>

      <SearchBox className='people__search' placeholder='按姓名或工号搜索' value={query} onChange={setQuery} />
      <Segmented
        label='按状态筛选'
        scroll
        choices={[
          { value: 'all', label: `全部 ${all.length}` },
          { value: 'confirmed', label: '已报名' },
          { value: 'checkedIn', label: '已签到' },
          { value: 'waitlisted', label: '候补' },
          { value: 'cancelled', label: '已取消' },
        ]}
        value={status}
        onChange={setStatus}
      />
      <Picker
        mode='selector'
        range={departments}
        value={Math.max(0, departments.indexOf(department))}
        onChange={(e) => setDepartment(departments[Number(e.detail.value)])}
      >
        <View className='adm-picker people__department' role='button'>
          <Text>{department}</Text>
          <Text className='adm-picker__arrow'>切换部门 ›</Text>
        </View>
      </Picker>

      {all.length === 0 && (
        <EmptyState
          title='还没有人报名'
          hint='报名开始后，名单会实时显示在这里。可以在工作群里提醒大家报名。'
          actionText='刷新'
          onAction={remote.reload}
        />
      )}
      {all.length > 0 && shown.length === 0 && (
        <EmptyState
          title='没有符合条件的人员'
          hint='换个条件试试'
          actionText='清除筛选'
          onAction={() => {
            setStatus('all')
            setDepartment(ALL_DEPARTMENTS)
            setQuery('')
          }}
        />
      )}
      {shown.length > 0 && (
        <Text className='adm-count'>{filtered ? `符合条件 ${shown.length} 人` : `共 ${shown.length} 条报名记录`}</Text>
      )}
      {shown.map((r) => (
        <RegistrantRow key={r.registrationId} registrant={r} activity={activity} />
      ))}
    </View>
  )
}

export default scaledPage(RegistrantsPage)
