import { Picker, Text, View } from '@tarojs/components'
import { useEffect, useState } from 'react'
import { fetchDepartments, fetchEmployees } from '../../../api/admin'
import { EmptyState, ErrorState, LoadingSkeleton } from '../../../components/state-view'
import type { EmployeeAdminView } from '../../../domain/admin'
import { ROLE_LABELS } from '../../../domain/roles'
import { useRemote } from '../../../hooks/use-remote'
import StatusChip from '../../../components/status-chip'
import { LoadMore, NotAllowed, SearchBox, Segmented } from '../shared/ui'
import { useMe } from '../shared/use-me'
import { usePaged } from '../shared/use-paged'
import EmployeeEditor from './employee-editor'
import RosterImport from './roster-import'
import scaledPage from '../../../components/scaled-page'
import './index.scss'

const PAGE_SIZE = 20
const ALL_DEPARTMENTS = '全部部门'
type ActiveFilter = 'all' | 'active' | 'inactive'

function EmployeeRow({ employee: e, onOpen }: { employee: EmployeeAdminView; onOpen: () => void }) {
  return (
    <View className='roster__row' role='button' onClick={onOpen}>
      <View className='roster__row-main'>
        <View className='roster__row-line'>
          <Text className='roster__name'>{e.name}</Text>
          <Text className='roster__no'>{e.employeeNo}</Text>
        </View>
        <Text className='roster__meta'>
          {e.department}
          {e.phone ? ` · ${e.phone}` : ''}
        </Text>
        <View className='roster__chips'>
          {e.role !== 'employee' && (
            <StatusChip label={ROLE_LABELS[e.role]} tone={e.role === 'admin' ? 'red' : 'gold'} />
          )}
          <StatusChip label={e.bound ? '已绑定微信' : '未绑定微信'} tone={e.bound ? 'green' : 'grey'} />
          {!e.active && <StatusChip label='已停用' tone='grey' />}
        </View>
      </View>
      <Text className='roster__chevron'>›</Text>
    </View>
  )
}

/** 职工名册 (administrators): find and edit employees, unbind WeChat, import a roster file. */
function RosterPage() {
  const me = useMe()
  const [tab, setTab] = useState<'list' | 'import'>('list')
  const [typed, setTyped] = useState('')
  const [q, setQ] = useState('')
  const [department, setDepartment] = useState(ALL_DEPARTMENTS)
  const [active, setActive] = useState<ActiveFilter>('all')
  const [editing, setEditing] = useState<EmployeeAdminView | null>(null)
  const departments = useRemote(fetchDepartments)
  const names = [ALL_DEPARTMENTS, ...(departments.data ?? []).map((d) => d.department)]

  useEffect(() => {
    // Search as they type, once they pause.
    const timer = setTimeout(() => setQ(typed.trim()), 400)
    return () => clearTimeout(timer)
  }, [typed])

  const list = usePaged(
    (page) =>
      fetchEmployees({
        q: q || undefined,
        department: department === ALL_DEPARTMENTS ? undefined : department,
        active: active === 'all' ? undefined : active === 'active',
        page,
        pageSize: PAGE_SIZE,
      }),
    [q, department, active],
  )

  if (me.employee && !me.isAdmin) return <NotAllowed />
  const filtered = q !== '' || department !== ALL_DEPARTMENTS || active !== 'all'

  return (
    <View className='wm-page roster'>
      <Segmented
        label='名册或导入'
        choices={[
          { value: 'list', label: '职工名册' },
          { value: 'import', label: '批量导入' },
        ]}
        value={tab}
        onChange={setTab}
      />

      {tab === 'import' ? (
        <RosterImport
          onImported={() => {
            list.reload()
            departments.reload()
          }}
        />
      ) : (
        <>
          <SearchBox placeholder='按姓名或工号搜索' value={typed} onChange={setTyped} />
          <View className='roster__filters'>
            <Picker
              mode='selector'
              range={names}
              value={Math.max(0, names.indexOf(department))}
              onChange={(e) => setDepartment(names[Number(e.detail.value)])}
            >
              <View className='adm-picker' role='button'>
                <Text>{department}</Text>
                <Text className='adm-picker__arrow'>›</Text>
              </View>
            </Picker>
          </View>
          <Segmented
            label='账号状态'
            choices={[
              { value: 'all', label: '全部' },
              { value: 'active', label: '在用' },
              { value: 'inactive', label: '已停用' },
            ]}
            value={active}
            onChange={setActive}
          />

          {list.items && (
            <Text className='adm-count'>{filtered ? `找到 ${list.total} 人` : `名册共 ${list.total} 人`}</Text>
          )}
          {list.loading && !list.items && <LoadingSkeleton blocks={3} />}
          {list.error && !list.items && <ErrorState message={list.error} onRetry={list.reload} />}
          {list.items && list.items.length === 0 && (
            <EmptyState
              title={filtered ? '没有找到符合条件的职工' : '名册还是空的'}
              hint={filtered ? '换个姓名、工号或部门试试' : '可以从 Excel 批量导入本单位职工'}
              actionText={filtered ? '清除筛选' : '批量导入'}
              onAction={() => {
                if (!filtered) return setTab('import')
                setTyped('')
                setQ('')
                setDepartment(ALL_DEPARTMENTS)
                setActive('all')
              }}
            />
          )}
          {list.items && list.items.length > 0 && (
            <View className='wm-card roster__list'>
              {list.items.map((e) => (
                <EmployeeRow key={e.id} employee={e} onOpen={() => setEditing(e)} />
              ))}
            </View>
          )}
          {list.items && (
            <LoadMore
              shown={list.items.length}
              total={list.total}
              loading={list.loading}
              onMore={list.loadMore}
              unit='人'
            />
          )}
          {list.error && list.items && <Text className='adm-error'>{list.error}</Text>}
        </>
      )}

      {editing && (
        <EmployeeEditor
          employee={editing}
          departments={(departments.data ?? []).map((d) => d.department)}
          isSelf={editing.id === me.employee?.id}
          onSaved={(next) => {
            list.replace((e) => e.id === next.id, next)
            setEditing(null)
          }}
          onClose={() => setEditing(null)}
        />
      )}
    </View>
  )
}

export default scaledPage(RosterPage)
