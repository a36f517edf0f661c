import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { fetchRounds, nominate, type NominatePayload } from '../../../api/community'
import ChoiceBar from '../../../components/choice-bar'
import { EmptyState, ErrorState, LoadingSkeleton } from '../../../components/state-view'
import { FormSubmit, LongText, TextFields, type FieldSpec } from '../../../components/text-form'
import { describeLength, TEXT_LIMITS } from '../../../domain/community'
import { GOOD_PERSON_CATEGORIES, type GoodPersonCategory } from '../../../domain/goodpeople'
import { useDraft } from '../../../hooks/use-draft'
import { useRemote } from '../../../hooks/use-remote'
import { useSubmit } from '../../../hooks/use-submit'
import { GOODPEOPLE_HOME } from '../shared/round'
import scaledPage from '../../../components/scaled-page'
import './index.scss'

type Who = 'colleague' | 'outsider'

const CATEGORY_HINTS: Record<GoodPersonCategory, string> = {
  助人为乐: '热心帮助他人',
  见义勇为: '危难时挺身而出',
  诚实守信: '坚守诚信底线',
  敬业奉献: '爱岗敬业、无私奉献',
  孝老爱亲: '孝敬老人、关爱家人',
}

/** Under the button once the form is complete. */
const RULES = '每人每轮最多推荐 3 人。推荐经评议、审核通过后进入投票。'

interface Draft {
  who: Who
  employeeNo: string
  name: string
  unit: string
  category: GoodPersonCategory | null
  deed: string
}

type NomineeField = 'employeeNo' | 'name' | 'unit'

/** Who is put forward: a colleague by 工号 and name, or someone outside by name and where they work or live. */
const NOMINEE_FIELDS: Record<Who, FieldSpec<NomineeField>[]> = {
  colleague: [
    { key: 'employeeNo', label: '工号', placeholder: '例如 E0023', maxLength: 20, ariaLabel: '同事的工号' },
    {
      key: 'name',
      label: '姓名',
      placeholder: '同事的姓名',
      maxLength: TEXT_LIMITS.nomineeName.max,
      ariaLabel: '同事的姓名',
    },
  ],
  outsider: [
    {
      key: 'name',
      label: '姓名',
      placeholder: '被推荐人的姓名',
      maxLength: TEXT_LIMITS.nomineeName.max,
      ariaLabel: '被推荐人的姓名',
    },
    {
      key: 'unit',
      label: '单位',
      placeholder: '工作单位，或所在社区、村',
      maxLength: TEXT_LIMITS.nomineeUnit.max,
      ariaLabel: '被推荐人的单位',
    },
  ],
}

/** What is still missing before the nomination can be sent, or null when it is complete. */
function findMissing(d: Draft): string | null {
  if (d.who === 'colleague' && !/^[A-Za-z0-9]{2,20}$/.test(d.employeeNo.trim())) return '请填写同事的工号，例如 E0023'
  if (!d.name.trim()) return '请填写被推荐人姓名'
  if (d.who === 'outsider' && !d.unit.trim()) return '请填写被推荐人的工作单位或住址'
  if (!d.category) return '请选择推荐类别'
  return describeLength(d.deed, TEXT_LIMITS.deed, '事迹')
}

function toPayload(roundId: number, d: Draft): NominatePayload {
  const base = { roundId, category: d.category!, deed: d.deed.trim(), nomineeName: d.name.trim() }
  return d.who === 'colleague'
    ? { ...base, nomineeEmployeeNo: d.employeeNo.trim() }
    : { ...base, nomineeUnit: d.unit.trim() }
}

/** 我推荐: a colleague by 工号 or someone outside the bureau, a category, and the deed told in a few paragraphs. */
function NominatePage() {
  const { params } = useRouter()
  const wanted = params.roundId ? Number(params.roundId) : null
  const submit = useSubmit()
  const { draft, update, bind } = useDraft<Draft>({
    who: 'colleague',
    employeeNo: '',
    name: '',
    unit: '',
    category: null,
    deed: '',
  })
  const {
    data: round,
    error,
    loading,
    reload,
  } = useRemote(async () => {
    const rounds = await fetchRounds()
    return rounds.find((r) => (wanted ? r.id === wanted : r.phase === 'nominate')) ?? null
  }, [wanted])

  const missing = findMissing(draft)

  const send = async () => {
    if (!round || missing) return
    const candidate = await submit.run('nominate', () => nominate(toPayload(round.id, draft)), {
      success: '推荐已提交',
    })
    if (candidate) Taro.redirectTo({ url: `/packages/goodpeople/candidate/index?id=${candidate.id}` })
  }

  if (!round && (loading || error)) {
    return (
      <View className='wm-page'>
        {loading ? <LoadingSkeleton blocks={3} /> : <ErrorState message={error!} onRetry={reload} />}
      </View>
    )
  }
  if (!round || round.phase !== 'nominate') {
    return (
      <View className='wm-page'>
        <EmptyState
          title='现在不在推荐时间内'
          hint='推荐开放后可以在这里推荐身边的好人；也可以看看正在评选的候选人'
          actionText='查看身边好人'
          onAction={() => Taro.redirectTo({ url: GOODPEOPLE_HOME })}
        />
      </View>
    )
  }

  return (
    <View className='wm-page gpn'>
      <Text className='gpn__round'>{round.title}</Text>

      <View className='wm-card'>
        <Text className='gpn__label'>推荐谁</Text>
        <ChoiceBar
          label='被推荐人'
          value={draft.who}
          onChange={(who) => update({ who })}
          choices={[
            { value: 'colleague', label: '本单位同事' },
            { value: 'outsider', label: '局外人员' },
          ]}
        />
        <TextFields fields={NOMINEE_FIELDS[draft.who]} bind={bind} />
        {draft.who === 'colleague' && <Text className='gpn__note'>按工号在花名册中核对，部门自动带出。</Text>}
      </View>

      <View className='wm-card'>
        <Text className='gpn__label'>推荐类别</Text>
        <View className='gpn__categories' role='radiogroup' aria-label='推荐类别'>
          {GOOD_PERSON_CATEGORIES.map((c) => (
            <View
              key={c}
              role='radio'
              aria-checked={draft.category === c}
              className={`gpn__category${draft.category === c ? ' gpn__category--on' : ''}`}
              onClick={() => update({ category: c })}
            >
              <Text className='gpn__category-name'>{c}</Text>
              <Text className='gpn__category-hint'>{CATEGORY_HINTS[c]}</Text>
            </View>
          ))}
        </View>
      </View>

      <View className='wm-card'>
        <Text className='gpn__label'>主要事迹</Text>
        <Text className='gpn__note'>写清时间、地点、经过和影响，可分几段。</Text>
        <LongText
          className='gpn__deed'
          placeholder='例如：2025年汛期，他连续二十天驻守在防汛一线……'
          min={TEXT_LIMITS.deed.min}
          max={TEXT_LIMITS.deed.max}
          size='medium'
          ariaLabel='主要事迹'
          {...bind('deed')}
        />
      </View>

      <FormSubmit submit={submit} action='nominate' missing={missing} onSubmit={send} note={RULES}>
        提交推荐
      </FormSubmit>
    </View>
  )
}

export default scaledPage(NominatePage)
