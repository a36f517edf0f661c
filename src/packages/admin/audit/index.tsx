import { Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { useState } from 'react'
import { fetchAudit } from '../../../api/admin'
import { EmptyState, ErrorState, LoadingSkeleton } from '../../../components/state-view'
import type { AuditEntry } from '../../../domain/admin'
import { ROLE_LABELS, type Role } from '../../../domain/roles'
import { formatDateTime } from '../../../domain/time'
import { CONSOLE_HOME, goBackOr } from '../shared/feedback'
import { LoadMore, NotAllowed } from '../shared/ui'
import { useMe } from '../shared/use-me'
import { usePaged } from '../shared/use-paged'
import scaledPage from '../../../components/scaled-page'
import './index.scss'

const PAGE_SIZE = 30

const ACTION_LABELS: Record<string, string> = {
  'activity.create': '新建活动',
  'activity.update': '修改活动',
  'activity.cancel': '取消活动',
  'checkin.manual': '代为签到',
  'roster.import': '导入名册',
  'employee.update': '修改职工信息',
  'employee.unbind': '解绑微信',
  'plan.import': '导入要点草稿',
  'plan.publish': '发布工作要点',
}

// What the fields of the logged records are called on screen.
const FIELD_LABELS: Record<string, string> = {
  title: '名称',
  category: '类别',
  description: '介绍',
  location: '地点',
  organizerDepartment: '主办部门',
  planItemIds: '关联工作要点',
  startsAt: '开始时间',
  endsAt: '结束时间',
  registrationOpensAt: '报名开始',
  registrationClosesAt: '报名截止',
  cancelCutoffAt: '取消截止',
  checkinOpensAt: '签到开始',
  checkinClosesAt: '签到结束',
  capacity: '名额',
  waitlistEnabled: '允许候补',
  eligibleDepartments: '可报名部门',
  options: '报名项目',
  maxOptions: '每人可选项目数',
  formFields: '报名表',
  volunteerHours: '志愿服务时长',
  cancelledAt: '取消时间',
  cancelReason: '取消原因',
  checkedInAt: '签到时间',
  currentPlanId: '当前要点编号',
  name: '姓名',
  employeeNo: '工号',
  department: '部门',
  phone: '手机',
  role: '角色',
  active: '账号可用',
  openid: '微信绑定',
  bound: '微信绑定',
  updatedAt: '更新时间',
  createdAt: '创建时间',
  created: '新增人数',
  updated: '更新人数',
  rows: '导入行数',
  titles: '要点名称',
}

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)
/** A logged value in plain words: times in Beijing, yes/no, roles by name. */
function show(key: string, v: unknown): string {
  if (v === undefined || v === null || v === '') return '（空）'
  if (typeof v === 'boolean') return v ? '是' : '否'
  if (typeof v === 'string' && ISO_TIME.test(v)) return formatDateTime(v)
  if (key === 'role' && typeof v === 'string' && v in ROLE_LABELS) return ROLE_LABELS[v as Role]
  if (key === 'openid') return '已绑定'
  if (typeof v === 'string') return v
  return JSON.stringify(v)
}

const labelOf = (key: string) => FIELD_LABELS[key] ?? key

// A record that did not exist yet (or no longer) counts as an empty one.
const asRecord = (v: unknown): Record<string, unknown> | null => (isRecord(v) ? v : v === null ? {} : null)

/** The fields that differ between before and after, when both are records. */
function changedKeys(before: unknown, after: unknown): string[] {
  const a = asRecord(before)
  const b = asRecord(after)
  if (!a || !b) return []
  const keys = new Set([...Object.keys(a), ...Object.keys(b)])
  return [...keys].filter((k) => k !== 'id' && JSON.stringify(a[k]) !== JSON.stringify(b[k]))
}

function AuditRow({ entry }: { entry: AuditEntry }) {
  const [open, setOpen] = useState(false)
  const changed = changedKeys(entry.before, entry.after)
  const hasDetail = entry.before !== null || entry.after !== null
  return (
    <View className='wm-card audit__row'>
      <View className='audit__head'>
        <Text className='audit__action'>{ACTION_LABELS[entry.action] ?? entry.action}</Text>
        <Text className='audit__time'>{formatDateTime(entry.at)}</Text>
      </View>
      <Text className='audit__target'>{entry.target}</Text>
      <Text className='audit__actor'>{entry.actor ? `${entry.actor.name}（${entry.actor.employeeNo}）` : '系统'}</Text>
      {changed.length > 0 && (
        <Text className='audit__changed'>
          改动：{changed.slice(0, 6).map(labelOf).join('、')}
          {changed.length > 6 ? ` 等 ${changed.length} 项` : ''}
        </Text>
      )}
      {hasDetail && (
        <View className='audit__toggle' role='button' aria-expanded={open} onClick={() => setOpen(!open)}>
          {open ? '收起详情' : '查看变更前后'}
        </View>
      )}
      {open && (
        <View className='audit__detail'>
          {changed.length > 0 ? (
            changed.map((k) => {
              const before = asRecord(entry.before)?.[k]
              const after = asRecord(entry.after)?.[k]
              return (
                <View key={k} className='audit__diff'>
                  <Text className='audit__key'>{labelOf(k)}</Text>
                  <Text className='audit__before'>前：{show(k, before)}</Text>
                  <Text className='audit__after'>后：{show(k, after)}</Text>
                </View>
              )
            })
          ) : (
            <>
              <Text className='audit__label'>变更前</Text>
              <Text className='audit__json'>{JSON.stringify(entry.before, null, 2) ?? 'null'}</Text>
              <Text className='audit__label'>变更后</Text>
              <Text className='audit__json'>{JSON.stringify(entry.after, null, 2) ?? 'null'}</Text>
            </>
          )}
        </View>
      )}
    </View>
  )
}

/** 操作日志 (administrators): who changed what and when, newest first, with before and after. */
function AuditPage() {
  const me = useMe()
  const list = usePaged((page) => fetchAudit(page, PAGE_SIZE), [])

  usePullDownRefresh(() => {
    list.reload()
    Taro.stopPullDownRefresh()
  })

  if (me.employee && !me.isAdmin) return <NotAllowed />

  return (
    <View className='wm-page audit'>
      {list.loading && !list.items && <LoadingSkeleton blocks={4} />}
      {list.error && !list.items && <ErrorState message={list.error} onRetry={list.reload} />}
      {list.items && list.items.length === 0 && (
        <EmptyState
          title='还没有操作记录'
          hint='新建活动、导入名册、发布要点等操作都会记录在这里'
          actionText='回到活动管理'
          onAction={() => goBackOr(CONSOLE_HOME)}
        />
      )}
      {list.items?.map((entry) => (
        <AuditRow key={entry.id} entry={entry} />
      ))}
      {list.items && (
        <LoadMore shown={list.items.length} total={list.total} loading={list.loading} onMore={list.loadMore} />
      )}
      {list.error && list.items && <Text className='adm-error'>{list.error}</Text>}
    </View>
  )
}

export default scaledPage(AuditPage)
