import dayjs from 'dayjs'
import timezone from 'dayjs/plugin/timezone'
import utc from 'dayjs/plugin/utc'
import type { ActivityCreatePayload } from '../../../api/admin'
import {
  CATEGORY_KEYS,
  type Activity,
  type ActivityCategory,
  type ActivityOption,
  type FormField,
  type FormFieldType,
} from '../../../domain/activity'
import { DISPLAY_TZ, fromLocal, toLocalDate } from '../../../domain/time'

dayjs.extend(utc)
dayjs.extend(timezone)

/** A wall-clock time in Beijing, as the pickers hold it. */
export interface LocalTime {
  date: string
  time: string
}

export const TIME_KEYS = [
  'start',
  'end',
  'regOpens',
  'regCloses',
  'cancelCutoff',
  'checkinOpens',
  'checkinCloses',
] as const
export type TimeKey = (typeof TIME_KEYS)[number]

export const TIME_LABELS: Record<TimeKey, string> = {
  start: '开始时间',
  end: '结束时间',
  regOpens: '报名开始',
  regCloses: '报名截止',
  cancelCutoff: '取消截止',
  checkinOpens: '签到开始',
  checkinCloses: '签到结束',
}

export interface OptionDraft {
  key: string
  label: string
  capacity: string
}

export interface FieldDraft {
  key: string
  label: string
  type: FormFieldType
  required: boolean
  /** One choice per line. */
  choices: string
}

/** The activity as the form holds it: texts as typed, times as local date + time. */
export interface ActivityDraft {
  category: ActivityCategory | ''
  title: string
  description: string
  planItemIds: number[]
  organizerDepartment: string
  location: string
  times: Record<TimeKey, LocalTime>
  /** Times the organizer set by hand; the others follow the start and end. */
  pinned: TimeKey[]
  unlimited: boolean
  capacity: string
  waitlist: boolean
  eligibleDepartments: string[]
  options: OptionDraft[]
  maxOptions: string
  formFields: FieldDraft[]
  volunteerHours: string
}

export const FIELD_TYPES: { value: FormFieldType; label: string }[] = [
  { value: 'text', label: '文字' },
  { value: 'number', label: '数字' },
  { value: 'single', label: '单选' },
  { value: 'multiple', label: '多选' },
]

const local = (iso: string): LocalTime => ({
  date: toLocalDate(iso),
  time: dayjs.utc(iso).tz(DISPLAY_TZ).format('HH:mm'),
})
const toIso = (t: LocalTime): string => fromLocal(t.date, t.time)
const shift = (t: LocalTime, minutes: number): LocalTime => local(dayjs(toIso(t)).add(minutes, 'minute').toISOString())
const minutesBetween = (a: LocalTime, b: LocalTime) => (Date.parse(toIso(b)) - Date.parse(toIso(a))) / 60000

/** What a time follows when the organizer has not set it: registration and cancelling close at the start, and so on. */
function derive(key: TimeKey, start: LocalTime, end: LocalTime): LocalTime | null {
  if (key === 'regCloses' || key === 'cancelCutoff') return start
  if (key === 'checkinOpens') return shift(start, -30)
  if (key === 'checkinCloses') return end
  return null
}

/** A fresh activity: tomorrow 14:30–16:30, registration open from now. */
export function newDraft(now: Date, department: string): ActivityDraft {
  const tomorrow = dayjs(now).tz(DISPLAY_TZ).add(1, 'day').format('YYYY-MM-DD')
  const start = { date: tomorrow, time: '14:30' }
  const end = { date: tomorrow, time: '16:30' }
  const times = { start, end, regOpens: local(now.toISOString()) } as Record<TimeKey, LocalTime>
  for (const key of TIME_KEYS) times[key] = times[key] ?? derive(key, start, end)!
  return {
    category: '',
    title: '',
    description: '',
    planItemIds: [],
    organizerDepartment: department,
    location: '',
    times,
    pinned: [],
    unlimited: false,
    capacity: '',
    waitlist: true,
    eligibleDepartments: [],
    options: [],
    maxOptions: '1',
    formFields: [],
    volunteerHours: '',
  }
}

/** The form of an existing activity; times that match what they would follow stay following. */
export function draftFromActivity(a: Activity): ActivityDraft {
  const times: Record<TimeKey, LocalTime> = {
    start: local(a.startsAt),
    end: local(a.endsAt),
    regOpens: local(a.registrationOpensAt),
    regCloses: local(a.registrationClosesAt),
    cancelCutoff: local(a.cancelCutoffAt),
    checkinOpens: local(a.checkinOpensAt),
    checkinCloses: local(a.checkinClosesAt),
  }
  const pinned = TIME_KEYS.filter((key) => {
    const follows = derive(key, times.start, times.end)
    return !follows || follows.date !== times[key].date || follows.time !== times[key].time
  })
  return {
    category: a.category,
    title: a.title,
    description: a.description,
    planItemIds: a.planItemIds,
    organizerDepartment: a.organizerDepartment,
    location: a.location === '待定' ? '' : a.location,
    times,
    pinned,
    unlimited: a.capacity === null,
    capacity: a.capacity === null ? '' : String(a.capacity),
    waitlist: a.waitlistEnabled,
    eligibleDepartments: a.eligibleDepartments,
    options: a.options.map((o) => ({
      key: o.key,
      label: o.label,
      capacity: o.capacity === null ? '' : String(o.capacity),
    })),
    maxOptions: String(a.maxOptions),
    formFields: a.formFields.map((f) => ({
      key: f.key,
      label: f.label,
      type: f.type,
      required: f.required,
      choices: (f.choices ?? []).join('\n'),
    })),
    volunteerHours: a.volunteerHours ? String(a.volunteerHours) : '',
  }
}

/** Sets one time; moving the start carries the end (same length) and every time not set by hand along with it. */
export function setTime(draft: ActivityDraft, key: TimeKey, value: LocalTime): ActivityDraft {
  const times = { ...draft.times, [key]: value }
  let pinned = draft.pinned
  if (key === 'start') {
    const length = minutesBetween(draft.times.start, draft.times.end)
    if (length > 0) times.end = shift(value, length)
  } else if (!pinned.includes(key)) {
    pinned = [...pinned, key]
  }
  for (const k of TIME_KEYS) {
    if (pinned.includes(k)) continue
    const follows = derive(k, times.start, times.end)
    if (follows) times[k] = follows
  }
  return { ...draft, times, pinned }
}

/** A key not used yet among `taken`, like `o3` or `f2`. */
export function freshKey(prefix: string, taken: string[]): string {
  let n = taken.length + 1
  while (taken.includes(`${prefix}${n}`)) n++
  return `${prefix}${n}`
}

/** The choices of a single/multiple field, one per line (Chinese or ASCII commas also separate). */
export function splitChoices(text: string): string[] {
  return text
    .split(/[\n,，、;；]/)
    .map((c) => c.trim())
    .filter(Boolean)
}

const isWhole = (s: string, min: number, max: number) => /^\d+$/.test(s.trim()) && +s >= min && +s <= max

/** Everything to fix before the activity can be saved, in the order of the form; empty when it is ready. */
export function checkDraft(d: ActivityDraft): string[] {
  const problems: string[] = []
  if (!d.category) problems.push('请选择活动类别')
  if (!d.title.trim()) problems.push('请填写活动名称')
  else if (d.title.trim().length > 60) problems.push('活动名称不能超过 60 个字')
  if (d.description.length > 5000) problems.push('活动介绍不能超过 5000 个字')
  if (d.location.trim().length > 100) problems.push('地点不能超过 100 个字')
  if (!d.organizerDepartment) problems.push('请选择主办部门')
  const t = (key: TimeKey) => Date.parse(toIso(d.times[key]))
  if (t('end') <= t('start')) problems.push('结束时间应晚于开始时间')
  if (t('regCloses') <= t('regOpens')) problems.push('报名截止时间应晚于报名开始时间')
  if (t('regCloses') > t('end')) problems.push('报名截止时间不能晚于活动结束时间')
  if (t('cancelCutoff') > t('end')) problems.push('取消截止时间不能晚于活动结束时间')
  if (t('checkinCloses') <= t('checkinOpens')) problems.push('签到结束时间应晚于签到开始时间')
  if (!d.unlimited && !isWhole(d.capacity, 1, 100000))
    problems.push('名额应为 1 至 100000 之间的整数，或选择“不限名额”')
  d.options.forEach((o, i) => {
    const name = o.label.trim() ? `项目“${o.label.trim()}”` : `第 ${i + 1} 个项目`
    if (!o.label.trim()) problems.push(`请填写${name}的名称`)
    else if (o.label.trim().length > 30) problems.push(`${name}的名称不能超过 30 个字`)
    if (o.capacity.trim() && !isWhole(o.capacity, 1, 100000)) problems.push(`${name}的名额应为正整数，不限可留空`)
  })
  const labels = d.options.map((o) => o.label.trim()).filter(Boolean)
  if (new Set(labels).size !== labels.length) problems.push('项目名称不能重复')
  if (d.options.length > 0 && !isWhole(d.maxOptions, 1, d.options.length)) {
    problems.push(`每人可选项目数应在 1 至 ${d.options.length} 之间`)
  }
  d.formFields.forEach((f, i) => {
    const name = f.label.trim() ? `报名表“${f.label.trim()}”` : `报名表第 ${i + 1} 项`
    if (!f.label.trim()) problems.push(`请填写${name}的名称`)
    else if (f.label.trim().length > 30) problems.push(`${name}的名称不能超过 30 个字`)
    if (f.type === 'single' || f.type === 'multiple') {
      const choices = splitChoices(f.choices)
      if (choices.length < 2) problems.push(`${name}至少需要两个选项（每行一个）`)
      else if (choices.length > 20) problems.push(`${name}最多 20 个选项`)
      else if (choices.some((c) => c.length > 30)) problems.push(`${name}的每个选项不能超过 30 个字`)
      else if (new Set(choices).size !== choices.length) problems.push(`${name}的选项不能重复`)
    }
  })
  const hours = d.volunteerHours.trim()
  if (hours && !(/^\d+(\.\d+)?$/.test(hours) && +hours <= 24)) problems.push('志愿服务时长应为 0 至 24 之间的数字')
  return problems
}

/** The options as the contract wants them. */
export function toOptions(d: ActivityDraft): ActivityOption[] {
  return d.options.map((o) => ({
    key: o.key,
    label: o.label.trim(),
    capacity: o.capacity.trim() ? Number(o.capacity) : null,
  }))
}

/** The form fields as the contract wants them. */
export function toFormFields(d: ActivityDraft): FormField[] {
  return d.formFields.map((f) => ({
    key: f.key,
    label: f.label.trim(),
    type: f.type,
    required: f.required,
    ...(f.type === 'single' || f.type === 'multiple' ? { choices: splitChoices(f.choices) } : {}),
  }))
}

/** The payload of admin.activity.create (and, with an id, of update); times as ISO UTC. */
export function toPayload(d: ActivityDraft): ActivityCreatePayload {
  const iso = (key: TimeKey) => toIso(d.times[key])
  return {
    category: d.category || CATEGORY_KEYS[0],
    title: d.title.trim(),
    description: d.description.trim(),
    planItemIds: d.planItemIds,
    organizerDepartment: d.organizerDepartment,
    location: d.location.trim(),
    startsAt: iso('start'),
    endsAt: iso('end'),
    registrationOpensAt: iso('regOpens'),
    registrationClosesAt: iso('regCloses'),
    cancelCutoffAt: iso('cancelCutoff'),
    checkinOpensAt: iso('checkinOpens'),
    checkinClosesAt: iso('checkinCloses'),
    capacity: d.unlimited ? null : Number(d.capacity),
    waitlist: d.waitlist,
    eligibleDepartments: d.eligibleDepartments,
    options: toOptions(d),
    maxOptions: d.options.length > 0 ? Number(d.maxOptions) : 1,
    formFields: toFormFields(d),
    volunteerHours: d.volunteerHours.trim() ? Number(d.volunteerHours) : 0,
  }
}

/** The activity the payload describes, as an employee's page would show it. */
export function toActivity(d: ActivityDraft, id: number): Activity {
  const p = toPayload(d)
  return {
    id,
    category: p.category as ActivityCategory,
    title: p.title,
    description: p.description ?? '',
    planItemIds: d.planItemIds,
    organizerDepartment: d.organizerDepartment,
    location: p.location || '待定',
    startsAt: p.startsAt,
    endsAt: p.endsAt,
    registrationOpensAt: p.registrationOpensAt!,
    registrationClosesAt: p.registrationClosesAt!,
    cancelCutoffAt: p.cancelCutoffAt!,
    checkinOpensAt: p.checkinOpensAt!,
    checkinClosesAt: p.checkinClosesAt!,
    capacity: p.capacity ?? null,
    waitlistEnabled: d.waitlist,
    eligibleDepartments: d.eligibleDepartments,
    options: toOptions(d),
    maxOptions: p.maxOptions ?? 1,
    formFields: toFormFields(d),
    volunteerHours: p.volunteerHours ?? 0,
    cancelledAt: null,
    cancelReason: null,
  }
}

/** `2026年12月5日 周六` for a picker's label; the year only when it is not this year. */
export function formatPickerDate(date: string, now: Date): string {
  const [y, m, day] = date.split('-').map(Number)
  const weekday = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'][dayjs.tz(date, DISPLAY_TZ).day()]
  const thisYear = Number(dayjs(now).tz(DISPLAY_TZ).format('YYYY'))
  return `${y === thisYear ? '' : `${y}年`}${m}月${day}日 ${weekday}`
}
