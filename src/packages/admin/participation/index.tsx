import { Button } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { useState } from 'react'
import { exportParticipation, fetchParticipation } from '../../../api/admin'
import { saveExportFile } from '../../../api/save-file'
import { EmptyState, ErrorState, LoadingSkeleton } from '../../../components/state-view'
import { ACTIVITY_CATEGORIES, CATEGORY_KEYS } from '../../../domain/activity'
import type { ParticipationReport } from '../../../domain/admin'
import { useRemote } from '../../../hooks/use-remote'
import { describeFailure, showToast } from '../shared/feedback'
import { NotAllowed, Section } from '../shared/ui'
import { useMe } from '../shared/use-me'
import scaledPage from '../../../components/scaled-page'
import './index.scss'

const FIRST_YEAR = 2020
const SHOW_AT_FIRST = 30

const percent = (rate: number) => `${(rate * 100).toFixed(rate > 0 && rate < 0.1 ? 1 : 0)}%`

function totals(report: ParticipationReport) {
  const byCategory = CATEGORY_KEYS.map((c) => ({
    key: c,
    label: ACTIVITY_CATEGORIES[c],
    count: report.departments.reduce((n, d) => n + (d.byCategory[c] ?? 0), 0),
  }))
  const byMonth = Array.from({ length: 12 }, (_, m) => report.departments.reduce((n, d) => n + (d.byMonth[m] ?? 0), 0))
  return { byCategory, byMonth }
}

function Bar({ value, max, tone = 'red' }: { value: number; max: number; tone?: 'red' | 'gold' }) {
  const width = max > 0 ? Math.max(value > 0 ? 2 : 0, Math.round((value / max) * 100)) : 0
  return (
    <View className='part__bar'>
      <View className={`part__bar-fill part__bar-fill--${tone}`} style={{ width: `${width}%` }} />
    </View>
  )
}

/** 参与情况: per department, by category and by month, and who has not taken part yet, for a year. */
function ParticipationPage() {
  const me = useMe()
  const thisYear = new Date().getFullYear()
  const [year, setYear] = useState(thisYear)
  const [focus, setFocus] = useState<string | null>(null)
  const [showAll, setShowAll] = useState(false)
  const [exporting, setExporting] = useState(false)
  const remote = useRemote(() => fetchParticipation(year), [year])
  const report = remote.data?.year === year ? remote.data : null

  usePullDownRefresh(() => {
    remote.reload()
    Taro.stopPullDownRefresh()
  })

  if (me.employee && !me.canOrganize) return <NotAllowed who='活动组织者和管理员' />

  const changeYear = (next: number) => {
    setYear(next)
    setFocus(null)
    setShowAll(false)
  }

  const doExport = async () => {
    setExporting(true)
    try {
      await saveExportFile(await exportParticipation(year))
      showToast('已导出', true)
    } catch (e) {
      showToast(describeFailure(e, '导出没有成功，请重试'))
    } finally {
      setExporting(false)
    }
  }

  const yearSwitch = (
    <View className='part__years' role='group' aria-label='选择年度'>
      <View
        className={`part__year-arrow${year <= FIRST_YEAR ? ' part__year-arrow--off' : ''}`}
        role='button'
        aria-label='上一年'
        onClick={() => year > FIRST_YEAR && changeYear(year - 1)}
      >
        ‹
      </View>
      <Text className='part__year'>{year} 年度</Text>
      <View
        className={`part__year-arrow${year >= thisYear ? ' part__year-arrow--off' : ''}`}
        role='button'
        aria-label='下一年'
        onClick={() => year < thisYear && changeYear(year + 1)}
      >
        ›
      </View>
    </View>
  )

  if (!report)
    return (
      <View className='wm-page part'>
        {yearSwitch}
        {remote.error ? <ErrorState message={remote.error} onRetry={remote.reload} /> : <LoadingSkeleton blocks={3} />}
      </View>
    )

  if (report.total.headcount === 0)
    return (
      <View className='wm-page part'>
        {yearSwitch}
        <EmptyState title='名册中还没有职工' hint='请管理员先在“职工名册”中导入本单位职工' />
      </View>
    )

  const { byCategory, byMonth } = totals(report)
  const maxCategory = Math.max(...byCategory.map((c) => c.count))
  const maxMonth = Math.max(...byMonth)
  const absent = report.nonParticipants.filter((p) => !focus || p.department === focus)
  const listed = showAll ? absent : absent.slice(0, SHOW_AT_FIRST)

  return (
    <View className='wm-page part'>
      {yearSwitch}

      <View className='wm-card part__summary'>
        <Text className='part__rate'>{percent(report.total.rate)}</Text>
        <Text className='part__rate-label'>
          参与率 · {report.total.participants} / {report.total.headcount} 人
        </Text>
        <Text className='adm-hint'>
          {me.isAdmin ? '全单位' : `仅统计${me.employee?.department ?? '本部门'}`}；报名并签到计为参与，一人多次只计一次
        </Text>
        <Button type='primary' block className='part__export' loading={exporting} onClick={doExport}>
          导出 Excel
        </Button>
      </View>

      <Section title='各部门' extra={<Text className='part__extra'>点部门查看未参与人员</Text>}>
        <View className='wm-card part__table'>
          <View className='part__tr part__tr--head'>
            <Text className='part__td part__td--name'>部门</Text>
            <Text className='part__td'>在册</Text>
            <Text className='part__td'>参与</Text>
            <Text className='part__td part__td--rate'>参与率</Text>
          </View>
          {report.departments.map((d) => (
            <View
              key={d.department}
              className={`part__dept${focus === d.department ? ' part__dept--on' : ''}`}
              role='button'
              onClick={() => {
                setFocus(focus === d.department ? null : d.department)
                setShowAll(false)
              }}
            >
              <View className='part__tr'>
                <Text className='part__td part__td--name'>{d.department}</Text>
                <Text className='part__td'>{d.headcount}</Text>
                <Text className='part__td'>{d.participants}</Text>
                <Text className='part__td part__td--rate'>{percent(d.rate)}</Text>
              </View>
              <Bar value={d.rate} max={1} />
            </View>
          ))}
        </View>
      </Section>

      <Section title='按活动类别'>
        <View className='wm-card'>
          {byCategory.map((c) => (
            <View key={c.key} className='part__cat'>
              <Text className='part__cat-label'>{c.label}</Text>
              <View className='part__cat-bar'>
                <Bar value={c.count} max={maxCategory} tone='gold' />
              </View>
              <Text className='part__cat-count'>{c.count} 人</Text>
            </View>
          ))}
        </View>
      </Section>

      <Section title='按月份'>
        <View className='wm-card'>
          <View className='part__months' role='img' aria-label={byMonth.map((n, m) => `${m + 1}月 ${n} 人`).join('，')}>
            {byMonth.map((n, m) => (
              <View key={m} className='part__month'>
                <Text className='part__month-value'>{n > 0 ? n : ''}</Text>
                <View className='part__month-track'>
                  <View
                    className='part__month-fill'
                    style={{ height: `${maxMonth > 0 ? Math.max(n > 0 ? 4 : 0, (n / maxMonth) * 100) : 0}%` }}
                  />
                </View>
                <Text className='part__month-label'>{m + 1}</Text>
              </View>
            ))}
          </View>
          <Text className='adm-hint part__months-note'>单位：人（按活动开始月份统计）</Text>
        </View>
      </Section>

      <Section
        title={`未参与人员（${absent.length} 人）`}
        extra={
          focus ? (
            <Text className='wm-link' onClick={() => setFocus(null)}>
              仅看{focus} · 清除
            </Text>
          ) : undefined
        }
      >
        {absent.length === 0 ? (
          <EmptyState title={focus ? `${focus}全员已参与` : '全员均已参与'} hint='继续保持，可以组织下一项活动' />
        ) : (
          <View className='wm-card part__absent'>
            {listed.map((p) => (
              <View key={p.employeeNo} className='part__person'>
                <Text className='part__person-name'>{p.name}</Text>
                <Text className='part__person-meta'>
                  {p.employeeNo} · {p.department}
                </Text>
              </View>
            ))}
            {absent.length > listed.length && (
              <View className='wm-link part__show-all' role='button' onClick={() => setShowAll(true)}>
                显示全部 {absent.length} 人
              </View>
            )}
          </View>
        )}
      </Section>
    </View>
  )
}

export default scaledPage(ParticipationPage)
