import { Button, Dialog, Input, TextArea } from '@nutui/nutui-react-taro'
import { Picker, Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useEffect, useMemo, useState, type ReactNode } from 'react'
import { cancelActivity, createActivity, fetchDepartments, updateActivity } from '../../../api/admin'
import { fetchActivity, fetchCurrentPlan } from '../../../api/client'
import { ErrorState, LoadingSkeleton } from '../../../components/state-view'
import LabelledSwitch from '../../../components/labelled-switch'
import {
  ACTIVITY_CATEGORIES,
  CATEGORY_KEYS,
  type ActivityCategory,
  type ActivityDetail,
  type ActivityPlanItem,
} from '../../../domain/activity'
import { formatChineseNumber, type PlanView } from '../../../domain/plan'
import { formatDateTime } from '../../../domain/time'
import { useRemote } from '../../../hooks/use-remote'
import { CONSOLE_HOME, describeFailure, goBackOr, showToast } from '../shared/feedback'
import { NotAllowed, Segmented } from '../shared/ui'
import { useMe } from '../shared/use-me'
import ActivityPreview from './activity-preview'
import {
  FIELD_TYPES,
  TIME_LABELS,
  checkDraft,
  draftFromActivity,
  freshKey,
  newDraft,
  setTime,
  toActivity,
  toPayload,
  type ActivityDraft,
  type FieldDraft,
  type OptionDraft,
  type TimeKey,
} from './draft'
import TimeField from './time-field'
import scaledPage from '../../../components/scaled-page'
import './index.scss'

const FOLLOWS: Partial<Record<TimeKey, string>> = {
  regCloses: '默认随开始时间',
  cancelCutoff: '默认随开始时间',
  checkinOpens: '默认开始前 30 分钟',
  checkinCloses: '默认随结束时间',
}

function Field({
  label,
  required,
  hint,
  children,
}: {
  label: string
  required?: boolean
  hint?: string
  children: ReactNode
}) {
  return (
    <View className='edit__field'>
      <Text className='edit__label'>
        {label}
        {required && <Text className='edit__required'> *</Text>}
      </Text>
      {children}
      {hint && <Text className='edit__hint'>{hint}</Text>}
    </View>
  )
}

function Card({ title, children }: { title: string; children: ReactNode }) {
  return (
    <View className='wm-card edit__card'>
      <Text className='edit__card-title'>{title}</Text>
      {children}
    </View>
  )
}

/** Work points of a plan, keyed for lookup. */
function planItemsOf(plan: PlanView | null): ActivityPlanItem[] {
  if (!plan) return []
  return plan.sections.flatMap((s) =>
    s.items.map((i) => ({ id: i.id, planId: plan.id, sectionNumber: s.number, number: i.number, heading: i.heading })),
  )
}

function PointPicker({
  plan,
  known,
  chosen,
  onChange,
}: {
  plan: PlanView | null
  known: Map<number, ActivityPlanItem>
  chosen: number[]
  onChange: (ids: number[]) => void
}) {
  const [open, setOpen] = useState(false)
  const toggle = (id: number) => onChange(chosen.includes(id) ? chosen.filter((x) => x !== id) : [...chosen, id])
  return (
    <View>
      {chosen.map((id) => {
        const item = known.get(id)
        return (
          <View key={id} className='edit__chosen'>
            <Text className='edit__chosen-text'>
              {item
                ? `主题${formatChineseNumber(item.sectionNumber)} · ${item.number}. ${item.heading}`
                : `工作要点 #${id}`}
            </Text>
            <View className='edit__remove' role='button' aria-label='移除这项工作要点' onClick={() => toggle(id)}>
              ×
            </View>
          </View>
        )
      })}
      {plan ? (
        <View className='edit__link' role='button' onClick={() => setOpen(!open)}>
          {open ? '收起工作要点' : chosen.length > 0 ? '＋ 继续选择工作要点' : '＋ 选择工作要点'}
        </View>
      ) : (
        <Text className='edit__hint'>本年度工作要点尚未发布，暂时无法关联。</Text>
      )}
      {open &&
        plan?.sections.map((section) => (
          <View key={section.id} className='edit__points-section'>
            <Text className='edit__points-theme'>
              {formatChineseNumber(section.number)}、{section.title}
            </Text>
            {section.items.map((item) => {
              const on = chosen.includes(item.id)
              return (
                <View
                  key={item.id}
                  className={`edit__point${on ? ' edit__point--on' : ''}`}
                  role='checkbox'
                  aria-checked={on}
                  onClick={() => toggle(item.id)}
                >
                  <View className='edit__box'>{on ? '✓' : ''}</View>
                  <Text className='edit__point-text'>
                    {item.number}. {item.heading}
                  </Text>
                </View>
              )
            })}
          </View>
        ))}
    </View>
  )
}

function DepartmentChips({
  departments,
  chosen,
  onChange,
}: {
  departments: string[]
  chosen: string[]
  onChange: (next: string[]) => void
}) {
  return (
    <View className='edit__chips'>
      {departments.map((d) => {
        const on = chosen.includes(d)
        return (
          <View
            key={d}
            className={`edit__chip${on ? ' edit__chip--on' : ''}`}
            role='checkbox'
            aria-checked={on}
            onClick={() => onChange(on ? chosen.filter((x) => x !== d) : [...chosen, d])}
          >
            {d}
          </View>
        )
      })}
    </View>
  )
}

function OptionRow({
  option,
  index,
  onChange,
  onRemove,
}: {
  option: OptionDraft
  index: number
  onChange: (o: OptionDraft) => void
  onRemove: () => void
}) {
  return (
    <View className='edit__sub'>
      <View className='edit__sub-head'>
        <Text className='edit__sub-title'>项目 {index + 1}</Text>
        <View className='edit__remove-text' role='button' onClick={onRemove}>
          删除
        </View>
      </View>
      <View className='edit__input'>
        <Input
          placeholder='项目名称，例如 拔河'
          value={option.label}
          maxLength={30}
          onChange={(v) => onChange({ ...option, label: v })}
          aria-label={`项目 ${index + 1} 名称`}
        />
      </View>
      <View className='edit__input'>
        <Input
          type='number'
          placeholder='本项目名额，不限可留空'
          value={option.capacity}
          maxLength={6}
          onChange={(v) => onChange({ ...option, capacity: v })}
          aria-label={`项目 ${index + 1} 名额`}
        />
      </View>
    </View>
  )
}

function FormFieldRow({
  field,
  index,
  onChange,
  onRemove,
}: {
  field: FieldDraft
  index: number
  onChange: (f: FieldDraft) => void
  onRemove: () => void
}) {
  const withChoices = field.type === 'single' || field.type === 'multiple'
  return (
    <View className='edit__sub'>
      <View className='edit__sub-head'>
        <Text className='edit__sub-title'>第 {index + 1} 项</Text>
        <View className='edit__remove-text' role='button' onClick={onRemove}>
          删除
        </View>
      </View>
      <View className='edit__input'>
        <Input
          placeholder='要填写的内容，例如 服装尺码'
          value={field.label}
          maxLength={30}
          onChange={(v) => onChange({ ...field, label: v })}
          aria-label={`报名表第 ${index + 1} 项名称`}
        />
      </View>
      <Segmented
        label='填写方式'
        choices={FIELD_TYPES}
        value={field.type}
        onChange={(type) => onChange({ ...field, type })}
      />
      {withChoices && (
        <View className='edit__textarea'>
          <TextArea
            placeholder='选项，每行一个，也可用顿号隔开'
            value={field.choices}
            maxLength={700}
            rows={3}
            autoSize
            onChange={(v) => onChange({ ...field, choices: v })}
          />
        </View>
      )}
      <View className='edit__switch-row'>
        <Text>必须填写</Text>
        <LabelledSwitch
          label='必须填写'
          checked={field.required}
          onChange={(required) => onChange({ ...field, required })}
        />
      </View>
    </View>
  )
}

interface Loaded {
  activity: ActivityDetail | null
  departments: string[]
  plan: PlanView | null
}

/** Create or edit an activity: the whole model, checked here, previewed as employees will see it, then saved. */
function ActivityEditPage() {
  const { params } = useRouter()
  const id = params.id ? Number(params.id) : null
  const me = useMe()
  const [now] = useState(() => new Date())
  const remote = useRemote<Loaded>(async () => {
    const [activity, departments, plan] = await Promise.all([
      id ? fetchActivity(id) : Promise.resolve(null),
      fetchDepartments(),
      fetchCurrentPlan().catch(() => null),
    ])
    return { activity, departments: departments.map((d) => d.department), plan }
  }, [id])
  const [draft, setDraft] = useState<ActivityDraft | null>(null)
  const [step, setStep] = useState<'edit' | 'preview'>('edit')
  // Once a preview was refused, the list of problems follows every edit, so it empties as they are fixed.
  const [checked, setChecked] = useState(false)
  const [saveError, setSaveError] = useState<string | null>(null)
  const [saving, setSaving] = useState(false)
  const [cancelling, setCancelling] = useState(false)
  const [reason, setReason] = useState('')
  const [reasonError, setReasonError] = useState<string | null>(null)

  const loaded = remote.data
  const activity = loaded?.activity ?? null
  useEffect(() => {
    if (!loaded || draft || !me.employee) return
    setDraft(loaded.activity ? draftFromActivity(loaded.activity) : newDraft(now, me.employee.department))
  }, [loaded, draft, me.employee, now])
  useEffect(() => {
    Taro.setNavigationBarTitle({ title: id ? '编辑活动' : '新建活动' })
  }, [id])

  const known = useMemo(() => {
    const map = new Map<number, ActivityPlanItem>()
    for (const item of [...(activity?.planItems ?? []), ...planItemsOf(loaded?.plan ?? null)]) map.set(item.id, item)
    return map
  }, [activity, loaded])

  if (me.employee && !me.canOrganize) return <NotAllowed who='活动组织者和管理员' />
  if (remote.error && !loaded)
    return (
      <View className='wm-page'>
        <ErrorState message={remote.error} onRetry={remote.reload} />
      </View>
    )
  if (!loaded || !draft)
    return (
      <View className='wm-page'>
        <LoadingSkeleton blocks={4} />
      </View>
    )

  const cancelled = Boolean(activity?.cancelledAt)
  const problems = checked ? checkDraft(draft) : []
  const update = (patch: Partial<ActivityDraft>) => setDraft({ ...draft, ...patch })
  const departments = loaded.departments.includes(draft.organizerDepartment)
    ? loaded.departments
    : [draft.organizerDepartment, ...loaded.departments]

  const preview = () => {
    const found = checkDraft(draft)
    setChecked(true)
    setSaveError(null)
    if (found.length > 0) {
      showToast(`还有 ${found.length} 处需要修改`)
      Taro.pageScrollTo({ scrollTop: 0, duration: 200 })
      return
    }
    setStep('preview')
    Taro.pageScrollTo({ scrollTop: 0, duration: 0 })
  }

  const save = async () => {
    setSaving(true)
    setSaveError(null)
    try {
      const payload = toPayload(draft)
      if (id) await updateActivity({ id, ...payload })
      else await createActivity(payload)
      showToast(id ? '已保存' : '活动已发布', true)
      goBackOr(CONSOLE_HOME)
    } catch (e) {
      setSaveError(describeFailure(e, '保存没有成功，请重试'))
    } finally {
      setSaving(false)
    }
  }

  const confirmCancel = async () => {
    if (!reason.trim()) {
      setReasonError('请填写取消原因，报名的同事会收到这条说明')
      throw new Error('reason required')
    }
    try {
      await cancelActivity(id!, reason.trim())
    } catch (e) {
      setReasonError(describeFailure(e, '取消没有成功，请重试'))
      throw e
    }
    setCancelling(false)
    showToast('活动已取消', true)
    remote.reload()
  }

  if (step === 'preview' || cancelled) {
    const previewed = cancelled && activity ? activity : toActivity(draft, id ?? 0)
    return (
      <View className='wm-page edit'>
        {cancelled && activity ? (
          <View className='edit__notice edit__notice--cancelled' role='alert'>
            <Text className='edit__notice-title'>活动已于 {formatDateTime(activity.cancelledAt!)} 取消</Text>
            <Text>原因：{activity.cancelReason || '未填写'}</Text>
          </View>
        ) : (
          <View className='edit__notice'>
            <Text className='edit__notice-title'>预览</Text>
            <Text>以下是职工在活动页看到的样子，确认无误后保存。</Text>
          </View>
        )}
        <ActivityPreview
          activity={previewed}
          planItems={previewed.planItemIds.map((pid) => known.get(pid)).filter((x): x is ActivityPlanItem => !!x)}
          now={now}
        />
        {saveError && (
          <View className='adm-error' role='alert'>
            {saveError}
          </View>
        )}
        {!cancelled && (
          <View className='edit__bar'>
            <Button fill='outline' className='edit__bar-btn' onClick={() => setStep('edit')}>
              返回修改
            </Button>
            <Button type='primary' className='edit__bar-btn edit__bar-btn--main' loading={saving} onClick={save}>
              {id ? '保存修改' : '确认发布'}
            </Button>
          </View>
        )}
      </View>
    )
  }

  return (
    <View className='wm-page edit'>
      {problems.length > 0 && (
        <View className='edit__problems' role='alert'>
          <Text className='edit__problems-title'>请先修改以下 {problems.length} 处后再预览：</Text>
          {problems.map((p) => (
            <Text key={p} className='edit__problem'>
              · {p}
            </Text>
          ))}
        </View>
      )}

      <Card title='基本信息'>
        <Field label='活动类别' required>
          <Segmented
            label='活动类别'
            choices={CATEGORY_KEYS.map((c) => ({ value: c, label: ACTIVITY_CATEGORIES[c] }))}
            value={draft.category as ActivityCategory}
            onChange={(category) => update({ category })}
          />
        </Field>
        <Field label='活动名称' required>
          <View className='edit__input'>
            <Input
              placeholder='例如 “我心中的好书”读书分享会'
              value={draft.title}
              maxLength={60}
              onChange={(title) => update({ title })}
              aria-label='活动名称'
            />
          </View>
        </Field>
        <Field label='活动介绍' hint='写清内容、流程和注意事项，空一行分段'>
          <View className='edit__textarea'>
            <TextArea
              placeholder='活动内容、流程、需要准备的物品等'
              value={draft.description}
              maxLength={5000}
              rows={5}
              autoSize
              onChange={(description) => update({ description })}
            />
          </View>
        </Field>
        <Field label='地点' hint='不填写时显示“待定”'>
          <View className='edit__input'>
            <Input
              placeholder='例如 机关三楼会议室'
              value={draft.location}
              maxLength={100}
              onChange={(location) => update({ location })}
              aria-label='地点'
            />
          </View>
        </Field>
        <Field label='主办部门' required hint={me.isAdmin ? undefined : '活动组织者只能以本部门名义主办'}>
          {me.isAdmin ? (
            <Picker
              mode='selector'
              range={departments}
              value={Math.max(0, departments.indexOf(draft.organizerDepartment))}
              onChange={(e) => update({ organizerDepartment: departments[Number(e.detail.value)] })}
            >
              <View className='adm-picker' role='button'>
                <Text>{draft.organizerDepartment || '请选择'}</Text>
                <Text className='adm-picker__arrow'>›</Text>
              </View>
            </Picker>
          ) : (
            <Text className='edit__static'>{draft.organizerDepartment}</Text>
          )}
        </Field>
        <Field label='落实的工作要点' hint='职工可从工作要点页看到这项活动'>
          <PointPicker
            plan={loaded.plan}
            known={known}
            chosen={draft.planItemIds}
            onChange={(planItemIds) => update({ planItemIds })}
          />
        </Field>
      </Card>

      <Card title='时间（北京时间）'>
        {(Object.keys(TIME_LABELS) as TimeKey[]).map((key) => (
          <TimeField
            key={key}
            label={TIME_LABELS[key]}
            value={draft.times[key]}
            follows={draft.pinned.includes(key) ? undefined : FOLLOWS[key]}
            now={now}
            onChange={(value) => setDraft(setTime(draft, key, value))}
          />
        ))}
      </Card>

      <Card title='名额与报名范围'>
        <View className='edit__switch-row'>
          <Text>不限名额</Text>
          <LabelledSwitch label='不限名额' checked={draft.unlimited} onChange={(unlimited) => update({ unlimited })} />
        </View>
        {!draft.unlimited && (
          <Field label='名额' required>
            <View className='edit__input'>
              <Input
                type='number'
                placeholder='例如 40'
                value={draft.capacity}
                maxLength={6}
                onChange={(capacity) => update({ capacity })}
                aria-label='名额'
              />
            </View>
          </Field>
        )}
        <View className='edit__switch-row'>
          <View className='edit__switch-text'>
            <Text>名额满后允许候补</Text>
            <Text className='edit__hint'>有人取消时按顺序自动递补</Text>
          </View>
          <LabelledSwitch
            label='名额满后允许候补'
            checked={draft.waitlist}
            onChange={(waitlist) => update({ waitlist })}
          />
        </View>
        <Field
          label='可报名部门'
          hint={
            draft.eligibleDepartments.length === 0
              ? '未选择时，全体职工均可报名'
              : `仅 ${draft.eligibleDepartments.length} 个部门可报名`
          }
        >
          <DepartmentChips
            departments={loaded.departments}
            chosen={draft.eligibleDepartments}
            onChange={(eligibleDepartments) => update({ eligibleDepartments })}
          />
        </Field>
        <Field label='志愿服务时长（小时）' hint='不计时长可留空'>
          <View className='edit__input'>
            <Input
              type='digit'
              placeholder='例如 2'
              value={draft.volunteerHours}
              maxLength={4}
              onChange={(volunteerHours) => update({ volunteerHours })}
              aria-label='志愿服务时长'
            />
          </View>
        </Field>
      </Card>

      <Card title='报名项目'>
        <Text className='edit__hint'>如运动会的拔河、跳绳，职工报名时从中选择；没有分项可不添加。</Text>
        {draft.options.map((o, i) => (
          <OptionRow
            key={o.key}
            option={o}
            index={i}
            onChange={(next) => update({ options: draft.options.map((x) => (x.key === o.key ? next : x)) })}
            onRemove={() => update({ options: draft.options.filter((x) => x.key !== o.key) })}
          />
        ))}
        <View
          className='edit__link'
          role='button'
          onClick={() =>
            update({
              options: [
                ...draft.options,
                {
                  key: freshKey(
                    'o',
                    draft.options.map((o) => o.key),
                  ),
                  label: '',
                  capacity: '',
                },
              ],
            })
          }
        >
          ＋ 添加项目
        </View>
        {draft.options.length > 0 && (
          <Field label='每人最多可选项目数' required>
            <View className='edit__input'>
              <Input
                type='number'
                value={draft.maxOptions}
                maxLength={2}
                onChange={(maxOptions) => update({ maxOptions })}
                aria-label='每人最多可选项目数'
              />
            </View>
          </Field>
        )}
      </Card>

      <Card title='报名表'>
        <Text className='edit__hint'>报名时需要职工补充填写的内容；姓名、工号、部门无需再填。</Text>
        {draft.formFields.map((f, i) => (
          <FormFieldRow
            key={f.key}
            field={f}
            index={i}
            onChange={(next) => update({ formFields: draft.formFields.map((x) => (x.key === f.key ? next : x)) })}
            onRemove={() => update({ formFields: draft.formFields.filter((x) => x.key !== f.key) })}
          />
        ))}
        <View
          className='edit__link'
          role='button'
          onClick={() =>
            update({
              formFields: [
                ...draft.formFields,
                {
                  key: freshKey(
                    'f',
                    draft.formFields.map((f) => f.key),
                  ),
                  label: '',
                  type: 'text',
                  required: false,
                  choices: '',
                },
              ],
            })
          }
        >
          ＋ 添加填写项
        </View>
      </Card>

      <View className='edit__bar'>
        <Button type='primary' block className='edit__bar-btn edit__bar-btn--main' onClick={preview}>
          预览
        </Button>
      </View>

      {id && (
        <View className='wm-card edit__danger'>
          <Text className='edit__card-title'>取消活动</Text>
          <Text className='edit__hint'>取消后不能恢复；已报名和候补的同事会收到消息通知。</Text>
          <Button fill='outline' className='edit__danger-btn' onClick={() => setCancelling(true)}>
            取消这项活动
          </Button>
        </View>
      )}

      <Dialog
        visible={cancelling}
        title='取消活动'
        confirmText='确定取消活动'
        cancelText='再想想'
        content={
          <View className='edit__reason'>
            <Text className='edit__reason-text'>确定取消“{draft.title}”吗？请写明原因，报名的同事会收到通知。</Text>
            <View className='edit__textarea'>
              <TextArea
                placeholder='例如 因天气原因，活动延期举行，时间另行通知'
                value={reason}
                maxLength={200}
                rows={3}
                onChange={(v) => {
                  setReason(v)
                  setReasonError(null)
                }}
              />
            </View>
            {reasonError && <Text className='adm-error'>{reasonError}</Text>}
          </View>
        }
        onConfirm={confirmCancel}
        onCancel={() => setCancelling(false)}
        onClose={() => setCancelling(false)}
      />
    </View>
  )
}

export default scaledPage(ActivityEditPage)
