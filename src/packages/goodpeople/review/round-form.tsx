import { Button, Input } from '@nutui/nutui-react-taro'
import { Picker, Text, View } from '@tarojs/components'
import { fetchCurrentPlan } from '../../../api/client'
import { createRound } from '../../../api/community'
import LabelledSwitch from '../../../components/labelled-switch'
import { addDays, countChars, TEXT_LIMITS } from '../../../domain/community'
import type { Round } from '../../../domain/goodpeople'
import { formatDay, fromLocal, toLocalDate } from '../../../domain/time'
import { useDraft } from '../../../hooks/use-draft'
import { useRemote } from '../../../hooks/use-remote'
import { useSubmit } from '../../../hooks/use-submit'
import './round-form.scss'

interface Draft {
  title: string
  nominateFrom: string
  nominateTo: string
  voteFrom: string
  voteTo: string
  votesPerDay: number
  votesPerCandidatePerDay: number
  showTallies: boolean
  linkPoint: boolean
}

function initialDraft(): Draft {
  const today = toLocalDate(new Date().toISOString())
  return {
    title: `${today.slice(0, 4)}年“身边好人”推荐评选`,
    nominateFrom: today,
    nominateTo: addDays(today, 13),
    voteFrom: addDays(today, 17),
    voteTo: addDays(today, 23),
    votesPerDay: 3,
    votesPerCandidatePerDay: 1,
    showTallies: false,
    linkPoint: true,
  }
}

/** What is wrong with the draft, or null when it can be sent. */
function findProblem(d: Draft): string | null {
  const n = countChars(d.title)
  if (n < TEXT_LIMITS.roundTitle.min || n > TEXT_LIMITS.roundTitle.max) return '评选名称应为 2–60 个字'
  if (d.nominateTo < d.nominateFrom) return '推荐截止日期不能早于开始日期'
  if (d.voteFrom <= d.nominateTo) return '投票开始日期应晚于推荐截止日期，中间留出评议审核的时间'
  if (d.voteTo < d.voteFrom) return '投票截止日期不能早于开始日期'
  return null
}

function DateField({ label, value, onChange }: { label: string; value: string; onChange: (v: string) => void }) {
  return (
    <Picker mode='date' value={value} onChange={(e) => onChange(String(e.detail.value))}>
      <View className='gp-form__field' role='button' aria-label={`${label} ${value}`}>
        <Text className='gp-form__key'>{label}</Text>
        <Text className='gp-form__value'>{formatDay(fromLocal(value))}</Text>
        <Text className='gp-form__arrow'>›</Text>
      </View>
    </Picker>
  )
}

function Stepper({
  label,
  value,
  min,
  max,
  onChange,
}: {
  label: string
  value: number
  min: number
  max: number
  onChange: (v: number) => void
}) {
  return (
    <View className='gp-form__field'>
      <Text className='gp-form__key gp-form__key--wide'>{label}</Text>
      <View className='gp-form__stepper'>
        <View
          className={`gp-form__step${value <= min ? ' gp-form__step--off' : ''}`}
          role='button'
          aria-label={`${label} 减少`}
          onClick={() => value > min && onChange(value - 1)}
        >
          −
        </View>
        <Text className='gp-form__number'>{value}</Text>
        <View
          className={`gp-form__step${value >= max ? ' gp-form__step--off' : ''}`}
          role='button'
          aria-label={`${label} 增加`}
          onClick={() => value < max && onChange(value + 1)}
        >
          +
        </View>
      </View>
    </View>
  )
}

/** Administrators: a new round with its nomination and voting windows (whole days) and vote limits. */
export default function RoundForm({
  onCreated,
  onCancel,
}: {
  onCreated: (round: Round) => void
  onCancel: () => void
}) {
  const { draft, update } = useDraft<Draft>(initialDraft)
  const submit = useSubmit()
  // The work point of the plan that calls for 身边好人, so that the round shows among its outputs.
  const { data: point } = useRemote(async () => {
    const plan = await fetchCurrentPlan()
    return plan.sections.flatMap((s) => s.items).find((i) => /身边好人|道德模范/.test(i.body)) ?? null
  })
  const problem = findProblem(draft)

  const send = async () => {
    if (problem) return
    const round = await submit.run(
      'create',
      () =>
        createRound({
          title: draft.title.trim(),
          planItemId: draft.linkPoint && point ? point.id : null,
          nominateOpensAt: fromLocal(draft.nominateFrom),
          nominateClosesAt: fromLocal(addDays(draft.nominateTo, 1)),
          voteOpensAt: fromLocal(draft.voteFrom),
          voteClosesAt: fromLocal(addDays(draft.voteTo, 1)),
          votesPerDay: draft.votesPerDay,
          votesPerCandidatePerDay: draft.votesPerCandidatePerDay,
          showTallies: draft.showTallies,
        }),
      { success: '评选已发起' },
    )
    if (round) onCreated(round)
  }

  return (
    <View className='wm-card gp-form'>
      <Text className='gp-form__heading'>发起新一轮评选</Text>
      <View className='gp-form__field'>
        <Text className='gp-form__key'>名称</Text>
        <Input
          className='gp-form__input'
          value={draft.title}
          maxLength={TEXT_LIMITS.roundTitle.max}
          onChange={(title) => update({ title })}
          aria-label='评选名称'
        />
      </View>
      <Text className='gp-form__group'>推荐时间（含首尾两天）</Text>
      <DateField label='开始' value={draft.nominateFrom} onChange={(nominateFrom) => update({ nominateFrom })} />
      <DateField label='截止' value={draft.nominateTo} onChange={(nominateTo) => update({ nominateTo })} />
      <Text className='gp-form__group'>投票时间（推荐截止后到投票开始前为评议审核）</Text>
      <DateField label='开始' value={draft.voteFrom} onChange={(voteFrom) => update({ voteFrom })} />
      <DateField label='截止' value={draft.voteTo} onChange={(voteTo) => update({ voteTo })} />
      <Text className='gp-form__group'>投票规则</Text>
      <Stepper
        label='每人每天可投'
        value={draft.votesPerDay}
        min={1}
        max={50}
        onChange={(votesPerDay) => update({ votesPerDay })}
      />
      <Stepper
        label='同一候选人每天'
        value={draft.votesPerCandidatePerDay}
        min={1}
        max={10}
        onChange={(votesPerCandidatePerDay) => update({ votesPerCandidatePerDay })}
      />
      <View className='gp-form__field'>
        <Text className='gp-form__key gp-form__key--wide'>投票期间公开票数</Text>
        <LabelledSwitch
          label='投票期间公开票数'
          checked={draft.showTallies}
          onChange={(showTallies) => update({ showTallies })}
        />
      </View>
      {point && (
        <View className='gp-form__field'>
          <View className='gp-form__point'>
            <Text className='gp-form__key gp-form__key--wide'>关联工作要点</Text>
            <Text className='gp-form__point-name'>{point.heading || point.body.slice(0, 24)}</Text>
          </View>
          <LabelledSwitch
            label='关联工作要点'
            checked={draft.linkPoint}
            onChange={(linkPoint) => update({ linkPoint })}
          />
        </View>
      )}
      {(submit.error || problem) && (
        <View className='gp-form__error' role='alert'>
          {submit.error ?? problem}
        </View>
      )}
      <View className='gp-form__actions'>
        <Button className='gp-form__button' fill='outline' onClick={onCancel}>
          取消
        </Button>
        <Button
          className='gp-form__button'
          type='primary'
          disabled={problem !== null}
          loading={submit.busy === 'create'}
          onClick={send}
        >
          发起评选
        </Button>
      </View>
    </View>
  )
}
