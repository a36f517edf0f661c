import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useEffect, useState } from 'react'
import { fetchPlan } from '../../api/client'
import { EmptyState, ErrorState, LoadingSkeleton, SinglePageNotice } from '../../components/state-view'
import { pickThemeStyle } from '../../components/theme-card/theme-style'
import { formatChineseNumber } from '../../domain/plan'
import { useRemote } from '../../hooks/use-remote'
import { isTimelineSinglePage } from '../../hooks/single-page'
import { SHARE_IMAGES, useShare } from '../../hooks/use-share'
import ThemeActivities from './theme-activities'
import scaledPage from '../../components/scaled-page'
import './index.scss'

/** A theme: its work points, each opening onto its full text, and the activities that carry them out. */
function ThemePage() {
  const { params } = useRouter()
  const planId = Number(params.planId)
  const sectionNumber = Number(params.section)
  const { data: plan, error, loading, reload } = useRemote(() => fetchPlan(planId), [planId])
  const section = plan?.sections.find((s) => s.number === sectionNumber)
  const [singlePage] = useState(isTimelineSinglePage)
  useShare(
    section ? `主题${formatChineseNumber(section.number)}：${section.title}` : '精神文明建设工作要点',
    undefined,
    SHARE_IMAGES.theme,
  )

  useEffect(() => {
    if (section) Taro.setNavigationBarTitle({ title: `主题${formatChineseNumber(section.number)}` })
  }, [section])

  if (singlePage) {
    return (
      <View className='wm-page'>
        <SinglePageNotice glyph='要' title='精神文明建设工作要点' hint='工作要点全文和相关活动只对本单位职工开放。' />
      </View>
    )
  }
  if (loading && !plan)
    return (
      <View className='wm-page'>
        <LoadingSkeleton blocks={3} />
      </View>
    )
  if (error && !plan)
    return (
      <View className='wm-page'>
        <ErrorState message={error} onRetry={reload} />
      </View>
    )
  if (!plan || !section) {
    return (
      <View className='wm-page'>
        <EmptyState
          title='没有找到这个主题'
          hint='要点可能已更新，请回到首页重新进入'
          actionText='回到首页'
          onAction={() => Taro.switchTab({ url: '/pages/home/index' })}
        />
      </View>
    )
  }

  const style = pickThemeStyle(section.title, section.number - 1)
  return (
    <View className='wm-page theme'>
      <View className='theme__head' style={{ background: style.tint }}>
        <View className='theme__seal' style={{ color: style.ink, borderColor: style.ink }} aria-hidden>
          {style.glyph}
        </View>
        <Text className='theme__number' style={{ color: style.ink }}>
          主题{formatChineseNumber(section.number)} · {section.items.length} 项工作要点
        </Text>
        <Text className='theme__title'>{section.title}</Text>
        {section.intro && <Text className='theme__intro'>{section.intro}</Text>}
      </View>
      {section.items.length === 0 && <EmptyState title='本主题下暂无具体工作要点' hint='可返回首页查看其他主题' />}
      {section.items.map((item) => (
        <View
          key={item.id}
          className='wm-card theme__item'
          role='link'
          onClick={() => Taro.navigateTo({ url: `/packages/plan/point/index?planId=${plan.id}&itemId=${item.id}` })}
        >
          <View className='theme__item-head'>
            <Text className='theme__item-number' style={{ background: style.tint, color: style.ink }}>
              {item.number}
            </Text>
            <Text className='theme__item-heading'>{item.heading}</Text>
          </View>
          {item.body && <Text className='theme__item-body'>{item.body.replace(/\n/g, '')}</Text>}
          <Text className='theme__item-more'>阅读全文 ›</Text>
        </View>
      ))}
      {section.items.length > 0 && <ThemeActivities itemIds={section.items.map((item) => item.id)} />}
    </View>
  )
}

export default scaledPage(ThemePage)
