import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { fetchVolunteerCandidates } from '../../../api/community'
import ChoiceBar from '../../../components/choice-bar'
import { EmptyState, ErrorState, LoadingSkeleton } from '../../../components/state-view'
import { useRemote } from '../../../hooks/use-remote'
import { formatHours } from './hours'

const THRESHOLDS = [4, 8, 16, 24]

/** Administrators: everyone who reached the chosen hours in the year, the pool for 优秀志愿者. */
export default function VolunteerCandidates({ year, refreshKey }: { year: number; refreshKey: number }) {
  const [minHours, setMinHours] = useState(8)
  const {
    data: people,
    error,
    loading,
    reload,
  } = useRemote(() => fetchVolunteerCandidates(year, minHours), [year, minHours, refreshKey])
  return (
    <>
      <View className='wm-section-title'>
        <Text>优秀志愿者候选</Text>
        {people && <Text className='vol-count'>{people.length} 人</Text>}
      </View>
      <Text className='vol-note'>全年服务时长达到所选小时数的职工（仅管理员可见）</Text>
      <ChoiceBar
        label='最低服务时长'
        value={minHours}
        onChange={setMinHours}
        choices={THRESHOLDS.map((h) => ({ value: h, label: `≥ ${h} 小时` }))}
      />
      {loading && !people && <LoadingSkeleton blocks={1} />}
      {error && !people && <ErrorState message={error} onRetry={reload} />}
      {people && people.length === 0 && (
        <EmptyState
          title={`还没有人达到 ${minHours} 小时`}
          hint={minHours > THRESHOLDS[0] ? '可以降低时长要求再看看' : '志愿服务活动签到后会计入时长'}
          actionText={minHours > THRESHOLDS[0] ? `看看 ≥ ${THRESHOLDS[0]} 小时` : undefined}
          onAction={() => setMinHours(THRESHOLDS[0])}
        />
      )}
      {people && people.length > 0 && (
        <View className='wm-card vol-list'>
          {people.map((p) => (
            <View key={p.employeeNo} className='vol-person'>
              <View className='vol-person__who'>
                <Text className='vol-person__name'>{p.name}</Text>
                <Text className='vol-person__meta'>
                  {p.employeeNo} · {p.department} · {p.activities} 次
                </Text>
              </View>
              <Text className='vol-person__hours'>{formatHours(p.hours)} 小时</Text>
            </View>
          ))}
        </View>
      )}
    </>
  )
}
