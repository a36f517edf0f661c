import { Button, Dialog, TextArea } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { importPlanText, previewPlanText, publishPlan, type ParseResult } from '../../../api/admin'
import { fetchPlans } from '../../../api/client'
import PlanOverview from '../../../components/plan-overview'
import { EmptyState, ErrorState, LoadingSkeleton } from '../../../components/state-view'
import type { PlanSummary } from '../../../domain/plan'
import { formatDateTime } from '../../../domain/time'
import { useRemote } from '../../../hooks/use-remote'
import { describeFailure, showToast } from '../shared/feedback'
import { NotAllowed, Section } from '../shared/ui'
import { useMe } from '../shared/use-me'
import ParsedPlanView from './parsed-plan'
import scaledPage from '../../../components/scaled-page'
import './index.scss'

const SHOW_REMOVED = 12

function RemovedNoise({ removed }: { removed: string[] }) {
  const [all, setAll] = useState(false)
  if (removed.length === 0) return <Text className='adm-hint'>原文很干净，没有需要去除的内容。</Text>
  const shown = all ? removed : removed.slice(0, SHOW_REMOVED)
  return (
    <View>
      {shown.map((text, i) => (
        <Text key={i} className='plans__removed'>
          {text}
        </Text>
      ))}
      {removed.length > shown.length && (
        <View className='wm-link' role='button' onClick={() => setAll(true)}>
          显示全部 {removed.length} 条
        </View>
      )}
    </View>
  )
}

function PlanRow({ plan, fresh, onPublish }: { plan: PlanSummary; fresh: boolean; onPublish: () => void }) {
  return (
    <View className={`wm-card plans__item${fresh ? ' plans__item--fresh' : ''}`}>
      <PlanOverview plan={plan} extra={plan.publishedAt ? ` · ${formatDateTime(plan.publishedAt)} 发布` : ''} />
      <View className='plans__actions'>
        <View
          className='adm-action'
          role='link'
          aria-label={`查看 ${plan.title}`}
          onClick={() => Taro.navigateTo({ url: `/packages/plan/plan/index?id=${plan.id}` })}
        >
          查看
        </View>
        {!plan.isCurrent && (
          <View className='adm-action adm-action--primary' role='button' onClick={onPublish}>
            {plan.publishedAt ? '设为当前' : '发布'}
          </View>
        )}
      </View>
    </View>
  )
}

/** 工作要点管理 (administrators): paste next year's text, preview it as cards, save as a draft, publish. */
function PlansAdminPage() {
  const me = useMe()
  const plans = useRemote(fetchPlans)
  const [text, setText] = useState('')
  const [parsed, setParsed] = useState<ParseResult | null>(null)
  const [parsedText, setParsedText] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState<'preview' | 'save' | null>(null)
  const [fresh, setFresh] = useState<number[]>([])
  const [publishing, setPublishing] = useState<PlanSummary | null>(null)

  if (me.employee && !me.isAdmin) return <NotAllowed />

  const preview = async () => {
    if (!text.trim()) return setError('请先粘贴工作要点全文')
    setBusy('preview')
    setError(null)
    try {
      setParsed(await previewPlanText(text))
      setParsedText(text)
    } catch (e) {
      setParsed(null)
      setError(describeFailure(e, '没能识别这段文字，请重试'))
    } finally {
      setBusy(null)
    }
  }

  const save = async () => {
    setBusy('save')
    setError(null)
    try {
      const { ids } = await importPlanText(parsedText)
      setFresh(ids)
      setParsed(null)
      setText('')
      showToast('已保存为草稿', true)
      plans.reload()
    } catch (e) {
      setError(describeFailure(e, '保存没有成功，请重试'))
    } finally {
      setBusy(null)
    }
  }

  const publish = async () => {
    if (!publishing) return
    try {
      await publishPlan(publishing.id)
    } catch (e) {
      showToast(describeFailure(e, '发布没有成功，请重试'))
      throw e
    }
    setPublishing(null)
    showToast('已发布', true)
    plans.reload()
  }

  return (
    <View className='wm-page plans'>
      <View className='wm-card'>
        <Text className='plans__card-title'>导入新一年的工作要点</Text>
        <Text className='adm-hint'>
          把文件全文复制粘贴到下面。网页上复制来的广告、水印、页码等会自动去除，预览无误后再保存。
        </Text>
        <View className='plans__textarea'>
          <TextArea
            placeholder='在此粘贴工作要点全文'
            value={text}
            maxLength={-1}
            rows={8}
            onChange={(v) => {
              setText(v)
              setError(null)
            }}
          />
        </View>
        <Text className='adm-hint'>已输入 {text.length} 字</Text>
        {error && (
          <View className='adm-error' role='alert'>
            {error}
          </View>
        )}
        <Button
          type='primary'
          fill={parsed ? 'outline' : 'solid'}
          block
          className='plans__btn'
          loading={busy === 'preview'}
          onClick={preview}
        >
          {parsed ? '重新预览' : '预览'}
        </Button>
      </View>

      {parsed && (
        <Section title={`预览：识别到 ${parsed.plans.length} 份要点`}>
          {parsedText !== text && <Text className='adm-error'>文字已改动，请重新预览后再保存。</Text>}
          {parsed.plans.map((plan, i) => (
            <ParsedPlanView key={i} plan={plan} index={i} />
          ))}
          <View className='wm-card'>
            <Text className='plans__card-title'>已自动去除的内容（{parsed.removed.length} 条）</Text>
            <RemovedNoise removed={parsed.removed} />
          </View>
          <Button
            type='primary'
            block
            className='plans__btn'
            disabled={parsedText !== text || busy !== null}
            loading={busy === 'save'}
            onClick={save}
          >
            保存为草稿
          </Button>
          <Text className='adm-hint plans__after'>保存后不会马上对职工显示，需在下方列表中“发布”。</Text>
        </Section>
      )}

      <Section title='全部工作要点'>
        {plans.loading && !plans.data && <LoadingSkeleton blocks={2} />}
        {plans.error && !plans.data && <ErrorState message={plans.error} onRetry={plans.reload} />}
        {plans.data && plans.data.length === 0 && (
          <EmptyState title='还没有工作要点' hint='在上方粘贴全文，预览后保存为草稿，再发布给全体职工' />
        )}
        {plans.data?.map((plan) => (
          <PlanRow key={plan.id} plan={plan} fresh={fresh.includes(plan.id)} onPublish={() => setPublishing(plan)} />
        ))}
      </Section>

      <Dialog
        visible={publishing !== null}
        title={publishing?.publishedAt ? '设为当前要点' : '发布工作要点'}
        content={`发布后，全体职工的首页将显示《${publishing?.title || '精神文明建设工作要点'}》。原来的要点仍可在“往年及其他要点”中查看。`}
        confirmText={publishing?.publishedAt ? '设为当前' : '确定发布'}
        cancelText='再想想'
        onConfirm={publish}
        onCancel={() => setPublishing(null)}
        onClose={() => setPublishing(null)}
      />
    </View>
  )
}

export default scaledPage(PlansAdminPage)
