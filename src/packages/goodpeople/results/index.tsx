import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { ApiError } from '../../../api/client'
import { fetchRoundResults, fetchRounds } from '../../../api/community'
import RankBadge from '../../../components/rank-badge'
import { EmptyState, ErrorState, LoadingSkeleton } from '../../../components/state-view'
import { formatDay } from '../../../domain/time'
import { useRemote } from '../../../hooks/use-remote'
import { GOODPEOPLE_HOME } from '../shared/round'
import scaledPage from '../../../components/scaled-page'
import './index.scss'

/** The result of a round, or null when it has not been published yet. */
async function loadResults(wanted: number | null) {
  const id = wanted ?? (await fetchRounds()).find((r) => r.publishedAt)?.id
  if (!id) return null
  try {
    return await fetchRoundResults(id)
  } catch (e) {
    if (e instanceof ApiError && e.code === 'conflict') return null
    throw e
  }
}

/** The published winners of a round, ranked by votes. */
function ResultsPage() {
  const { params } = useRouter()
  const wanted = params.id ? Number(params.id) : null
  const { data, error, loading, reload } = useRemote(() => loadResults(wanted), [wanted])

  if (!data) {
    return (
      <View className='wm-page'>
        {loading && <LoadingSkeleton blocks={3} />}
        {error && <ErrorState message={error} onRetry={reload} />}
        {!loading && !error && (
          <EmptyState
            title='评选结果尚未公布'
            hint='投票结束、文明办公布结果后可在这里查看'
            actionText='返回身边好人'
            onAction={() => Taro.redirectTo({ url: GOODPEOPLE_HOME })}
          />
        )}
      </View>
    )
  }

  const { round, winners } = data
  return (
    <View className='wm-page gpr'>
      <View className='gpr__hero'>
        <Text className='gpr__title'>{round.title}</Text>
        <Text className='gpr__meta'>
          {round.publishedAt ? `${formatDay(round.publishedAt)} 公布` : '结果尚未公布（管理员预览）'} · 共{' '}
          {winners.length} 位候选人
        </Text>
      </View>
      {winners.length === 0 && (
        <EmptyState
          title='本轮没有通过审核的候选人'
          hint='可以留意下一轮评选，推荐身边的好人'
          actionText='返回身边好人'
          onAction={() => Taro.redirectTo({ url: GOODPEOPLE_HOME })}
        />
      )}
      {winners.length > 0 && (
        <View className='wm-card gpr__list'>
          {winners.map((w, i) => (
            <View
              key={w.id}
              className='gpr__row'
              role='link'
              aria-label={`第${i + 1}名 ${w.nomineeName}`}
              onClick={() => Taro.navigateTo({ url: `/packages/goodpeople/candidate/index?id=${w.id}` })}
            >
              <RankBadge place={i + 1} large />
              <View className='gpr__who'>
                <Text className='gpr__name'>{w.nomineeName}</Text>
                <Text className='gpr__unit'>
                  {w.nomineeUnit} · {w.category}
                </Text>
              </View>
              <Text className='gpr__votes'>{w.votes ?? 0} 票</Text>
            </View>
          ))}
        </View>
      )}
    </View>
  )
}

export default scaledPage(ResultsPage)
