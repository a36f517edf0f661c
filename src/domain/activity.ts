/** Activity categories of the plan, with their labels on screen. */
export const ACTIVITY_CATEGORIES = {
  reading: '书香阅读',
  sports: '文体活动',
  festival: '我们的节日',
  volunteer: '志愿服务',
  lecture: '道德讲堂',
  contest: '比赛与征集',
} as const
export type ActivityCategory = keyof typeof ACTIVITY_CATEGORIES
export const CATEGORY_KEYS = Object.keys(ACTIVITY_CATEGORIES) as ActivityCategory[]

/** Where an activity stands in time, as filtered and shown in lists. */
export const ACTIVITY_STATUSES = {
  open: '报名中',
  upcoming: '未开始',
  ongoing: '进行中',
  ended: '已结束',
  cancelled: '已取消',
} as const
export type ActivityStatus = keyof typeof ACTIVITY_STATUSES

export const REGISTRATION_STATUSES = {
  confirmed: '已报名',
  waitlisted: '候补中',
  cancelled: '已取消',
} as const
export type RegistrationStatus = keyof typeof REGISTRATION_STATUSES

export interface ActivityOption {
  key: string
  label: string
  capacity: number | null
}

export type FormFieldType = 'text' | 'number' | 'single' | 'multiple'

export interface FormField {
  key: string
  label: string
  type: FormFieldType
  required: boolean
  choices?: string[]
}

/** An activity as stored and served; every time is an ISO 8601 UTC string. */
export interface Activity {
  id: number
  category: ActivityCategory
  title: string
  description: string
  planItemIds: number[]
  organizerDepartment: string
  location: string
  startsAt: string
  endsAt: string
  registrationOpensAt: string
  registrationClosesAt: string
  cancelCutoffAt: string
  checkinOpensAt: string
  checkinClosesAt: string
  capacity: number | null
  waitlistEnabled: boolean
  eligibleDepartments: string[]
  options: ActivityOption[]
  maxOptions: number
  formFields: FormField[]
  volunteerHours: number
  cancelledAt: string | null
  cancelReason: string | null
}

/** One person's registration. */
export interface Registration {
  id: number
  activityId: number
  employeeId: number
  status: RegistrationStatus
  options: string[]
  form: Record<string, string | number | string[]>
  createdAt: string
  updatedAt: string
  cancelledAt: string | null
  checkedInAt: string | null
  /** 1-based place in the waitlist, for waitlisted registrations. */
  position?: number
}

const t = (iso: string): number => Date.parse(iso)

/** Where the activity stands at `now`. */
export function getActivityStatus(activity: Activity, now: Date): ActivityStatus {
  const at = now.getTime()
  if (activity.cancelledAt) return 'cancelled'
  if (at >= t(activity.endsAt)) return 'ended'
  if (at >= t(activity.startsAt)) return 'ongoing'
  if (at >= t(activity.registrationOpensAt) && at < t(activity.registrationClosesAt)) return 'open'
  return 'upcoming'
}

export type WindowCheck = 'open' | 'not_yet_open' | 'closed' | 'cancelled'

/** Whether registration is open at `now`. */
export function checkRegistrationWindow(activity: Activity, now: Date): WindowCheck {
  if (activity.cancelledAt) return 'cancelled'
  const at = now.getTime()
  if (at < t(activity.registrationOpensAt)) return 'not_yet_open'
  if (at >= t(activity.registrationClosesAt)) return 'closed'
  return 'open'
}

/** Whether someone of `department` may register. */
export function isEligible(activity: Pick<Activity, 'eligibleDepartments'>, department: string): boolean {
  return activity.eligibleDepartments.length === 0 || activity.eligibleDepartments.includes(department)
}

/** Whether a registration may still be cancelled by its owner at `now`. */
export function canCancel(activity: Activity, now: Date): boolean {
  return !activity.cancelledAt && now.getTime() < t(activity.cancelCutoffAt)
}

export interface SeatCounts {
  confirmed: number
  /** Confirmed registrations per option key. */
  byOption: Record<string, number>
}

/**
 * Whether a new registration choosing `options` gets a seat now: the activity and each chosen option must
 * have room. Otherwise it waits, or is refused when the activity keeps no waitlist.
 */
export function decideSeat(
  activity: Pick<Activity, 'capacity' | 'waitlistEnabled' | 'options'>,
  counts: SeatCounts,
  options: string[],
): 'confirmed' | 'waitlisted' | 'full' {
  const activityHasRoom = activity.capacity === null || counts.confirmed < activity.capacity
  const optionsHaveRoom = options.every((key) => {
    const option = activity.options.find((o) => o.key === key)
    return !option || option.capacity === null || (counts.byOption[key] ?? 0) < option.capacity
  })
  if (activityHasRoom && optionsHaveRoom) return 'confirmed'
  return activity.waitlistEnabled ? 'waitlisted' : 'full'
}

/** Why a set of options or form answers is not acceptable, or null when it is. */
export function validateChoices(
  activity: Pick<Activity, 'options' | 'maxOptions' | 'formFields'>,
  options: string[],
  form: Record<string, unknown>,
): string | null {
  if (activity.options.length > 0) {
    if (options.length === 0) return '请至少选择一个项目'
    if (new Set(options).size !== options.length) return '项目不能重复选择'
    if (options.length > activity.maxOptions) return `每人最多选择 ${activity.maxOptions} 个项目`
    const unknown = options.find((key) => !activity.options.some((o) => o.key === key))
    if (unknown) return `没有名为“${unknown}”的项目`
  } else if (options.length > 0) return '本活动无需选择项目'
  for (const key of Object.keys(form)) {
    if (!activity.formFields.some((f) => f.key === key)) return `报名表中没有“${key}”这一项`
  }
  for (const field of activity.formFields) {
    const value = form[field.key]
    const empty = value === undefined || value === '' || (Array.isArray(value) && value.length === 0)
    if (empty) {
      if (field.required) return `请填写“${field.label}”`
      continue
    }
    if (field.type === 'text' && typeof value !== 'string') return `“${field.label}”应为文字`
    if (field.type === 'number' && (typeof value !== 'number' || !Number.isFinite(value)))
      return `“${field.label}”应为数字`
    if (field.type === 'single' && (typeof value !== 'string' || !field.choices?.includes(value))) {
      return `“${field.label}”请从给定选项中选择`
    }
    if (
      field.type === 'multiple' &&
      (!Array.isArray(value) || value.some((v) => typeof v !== 'string' || !field.choices?.includes(v)))
    ) {
      return `“${field.label}”请从给定选项中选择`
    }
  }
  return null
}

/** Whether a check-in at `now` falls in the activity's check-in window. */
export function isCheckinOpen(activity: Activity, now: Date): boolean {
  const at = now.getTime()
  return !activity.cancelledAt && at >= t(activity.checkinOpensAt) && at < t(activity.checkinClosesAt)
}

/** An activity in a list, with where it stands and the caller's own state. */
export interface ActivitySummary {
  id: number
  category: ActivityCategory
  title: string
  location: string
  organizerDepartment: string
  startsAt: string
  endsAt: string
  registrationOpensAt: string
  registrationClosesAt: string
  capacity: number | null
  waitlistEnabled: boolean
  status: ActivityStatus
  confirmedCount: number
  waitlistCount: number
  cancelReason: string | null
  /** The caller's active registration status, if any. */
  myStatus: RegistrationStatus | null
  myCheckedIn: boolean
}

/** A work point an activity serves, enough to link to it. */
export interface ActivityPlanItem {
  id: number
  planId: number
  sectionNumber: number
  number: number
  heading: string
}

/** An activity with everything its page shows. */
export interface ActivityDetail extends Activity {
  status: ActivityStatus
  confirmedCount: number
  waitlistCount: number
  /** Confirmed registrations per option key. */
  optionCounts: Record<string, number>
  planItems: ActivityPlanItem[]
  eligible: boolean
  canCancel: boolean
  checkinOpen: boolean
  myRegistration: Registration | null
}

export interface ActivityPage {
  items: ActivitySummary[]
  total: number
  page: number
  pageSize: number
}

/** One of my registrations, with the activity it is for. */
export interface MyRegistration extends Registration {
  activity: ActivitySummary
  /** Whether I may still cancel it (before the activity's cancellation cutoff). */
  canCancel: boolean
}

export interface RegistrationResult {
  registration: Registration
  status: 'confirmed' | 'waitlisted'
  position?: number
  /** True when this call found an existing registration instead of making a new one. */
  existing: boolean
}

export interface CheckinCode {
  code: string
  qrPayload: string
  validUntil: string
}
