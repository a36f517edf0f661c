import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import ThemeCard from '../../../components/theme-card'
import { formatChineseNumber, type PlanSectionView } from '../../../domain/plan'
import type { ParsedPlan } from '../../../api/admin'

/** A parsed section in the shape the theme card takes; ids are made up, the plan is not saved yet. */
export function toSectionView(section: ParsedPlan['sections'][number], planIndex: number): PlanSectionView {
  const base = (planIndex + 1) * 10000 + section.number * 100
  return {
    id: -base,
    number: section.number,
    sourceNumber: section.sourceNumber,
    title: section.title,
    intro: section.intro ?? '',
    items: section.items.map((item, i) => ({ ...item, id: -(base + i + 1) })),
  }
}

/** One plan found in the pasted text, as the theme cards employees will see; tap a card to list its points. */
export default function ParsedPlanView({ plan, index }: { plan: ParsedPlan; index: number }) {
  const [open, setOpen] = useState<number | null>(null)
  const sections = plan.sections.map((s) => toSectionView(s, index))
  const points = sections.reduce((n, s) => n + s.items.length, 0)
  return (
    <View className='plans__parsed'>
      <View className='wm-card plans__parsed-head'>
        <Text className='plans__parsed-org'>
          {[plan.org, plan.year ? `${plan.year}年度` : '年度未识别'].filter(Boolean).join(' · ')}
        </Text>
        <Text className='plans__parsed-title'>{plan.title || '（未识别到标题）'}</Text>
        <Text className='plans__parsed-meta'>
          {sections.length} 个主题 · {points} 项工作要点
        </Text>
        {plan.preamble && <Text className='plans__parsed-preamble'>{plan.preamble}</Text>}
      </View>
      {sections.map((section) => (
        <View key={section.id}>
          <ThemeCard section={section} onOpen={() => setOpen(open === section.number ? null : section.number)} />
          {open === section.number && (
            <View className='wm-card plans__points'>
              {section.items.map((item) => (
                <View key={item.id} className='plans__point'>
                  <Text className='plans__point-heading'>
                    {item.number}. {item.heading}
                  </Text>
                  {item.body && <Text className='plans__point-body'>{item.body}</Text>}
                </View>
              ))}
              {section.items.length === 0 && (
                <Text className='adm-hint'>
                  主题{formatChineseNumber(section.number)}下没有识别到工作要点，请检查原文的编号。
                </Text>
              )}
            </View>
          )}
        </View>
      ))}
    </View>
  )
}
