import dayjs from 'dayjs'
import type { ActivityCategory, ActivityOption, FormField } from '../../domain/activity'
import { getFestivalDate, type FestivalKey } from '../../domain/festivals'
import { fromLocal, toLocalDate } from '../../domain/time'
import type { NewActivity, Store } from '../store/types'
import { DEMO_DEPARTMENTS } from './roster'

interface DemoActivity {
  category: ActivityCategory
  title: string
  description: string
  /** Words that find the work point it serves in the current plan. */
  serves: string
  department: string
  location: string
  /** Local date (YYYY-MM-DD) and times. */
  date: string
  from: string
  to: string
  endDate?: string
  /** Registration opens this many days before the start (negative: already open), closes `closeDaysBefore` before. */
  opensDaysBefore: number
  closeDaysBefore?: number
  capacity: number | null
  waitlist?: boolean
  options?: ActivityOption[]
  maxOptions?: number
  formFields?: FormField[]
  volunteerHours?: number
}

const shift = (date: string, days: number) => dayjs(date).add(days, 'day').format('YYYY-MM-DD')

/** This year's date of a fixed-day observance, or next year's once it has passed. */
function nextFixed(today: string, month: number, day: number): string {
  const year = Number(today.slice(0, 4))
  const thisYear = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
  return thisYear >= today ? thisYear : `${year + 1}${thisYear.slice(4)}`
}

/** This year's date of a festival (from the lunar calendar), or next year's once it has passed. */
function nextFestival(today: string, key: FestivalKey, offsetDays = 0): string {
  const year = Number(today.slice(0, 4))
  const thisYear = shift(getFestivalDate(key, year), offsetDays)
  return thisYear >= today ? thisYear : shift(getFestivalDate(key, year + 1), offsetDays)
}

const SIZES: FormField = {
  key: 'size',
  label: '服装尺码',
  type: 'single',
  required: true,
  choices: ['S', 'M', 'L', 'XL', 'XXL'],
}

/** A year of activities around `today` (local date): some past, some running, some open, some to come. */
export function buildDemoActivities(today: string): DemoActivity[] {
  const [office, party, , , safety, disaster] = DEMO_DEPARTMENTS
  return [
    {
      category: 'reading',
      title: '书香机关·读书分享会',
      description:
        '围绕“我心中的好书”，每位报名的同事用五分钟分享一本近期读过的好书，谈谈读书心得。\n现场设图书漂流角，欢迎带一本好书来交换。',
      serves: '书香阅读',
      department: party,
      location: '机关三楼图书阅览室',
      date: shift(today, 10),
      from: '14:30',
      to: '16:30',
      opensDaysBefore: 12,
      closeDaysBefore: 1,
      capacity: 40,
      formFields: [{ key: 'book', label: '分享书目', type: 'text', required: true }],
    },
    {
      category: 'reading',
      title: '征集“我心中的好书”书目',
      description: '请推荐一本你读过、愿意推荐给同事的好书，写下推荐理由。征集结果将用于充实图书阅览室。',
      serves: '我心中',
      department: party,
      location: '线上征集',
      date: shift(today, -5),
      from: '09:00',
      to: '18:00',
      endDate: shift(today, 25),
      opensDaysBefore: 5,
      closeDaysBefore: -30,
      capacity: null,
      waitlist: false,
      formFields: [
        { key: 'title', label: '书名', type: 'text', required: true },
        { key: 'reason', label: '推荐理由', type: 'text', required: false },
      ],
    },
    {
      category: 'sports',
      title: '“快乐工作，健康生活”职工趣味运动会',
      description: '设拔河、跳绳、踢毽子、投篮四个项目，每人最多报两项。拔河以部门为单位组队，请穿运动鞋。',
      serves: '趣味运动会',
      department: office,
      location: '市全民健身中心二号馆',
      date: shift(today, 14),
      from: '09:00',
      to: '12:00',
      opensDaysBefore: 16,
      closeDaysBefore: 2,
      capacity: 60,
      options: [
        { key: 'tug', label: '拔河', capacity: 24 },
        { key: 'rope', label: '跳绳', capacity: 12 },
        { key: 'shuttlecock', label: '踢毽子', capacity: 12 },
        { key: 'basket', label: '投篮', capacity: 12 },
      ],
      maxOptions: 2,
      formFields: [SIZES],
    },
    {
      category: 'contest',
      title: '“奋进新征程 建功新时代”演讲比赛',
      description: '每人演讲时间不超过 6 分钟，题目自拟，围绕应急管理工作中的感人故事。评选一、二、三等奖。',
      serves: '演讲比赛',
      department: party,
      location: '机关一楼多功能厅',
      date: shift(today, 24),
      from: '14:00',
      to: '17:00',
      opensDaysBefore: 20,
      closeDaysBefore: 5,
      capacity: 16,
      formFields: [{ key: 'topic', label: '演讲题目', type: 'text', required: true }],
    },
    {
      category: 'lecture',
      title: '道德讲堂：身边好人事迹分享',
      description: '邀请本年度“身边好人”讲述自己的故事，全体干部职工参加。',
      serves: '道德讲堂',
      department: party,
      location: '机关一楼多功能厅',
      date: shift(today, -20),
      from: '15:00',
      to: '16:30',
      opensDaysBefore: 10,
      closeDaysBefore: 0,
      capacity: 120,
    },
    {
      category: 'volunteer',
      title: '学雷锋志愿服务：走进社区宣传应急知识',
      description: '3月5日学雷锋纪念日，到结对社区开展应急管理知识宣传和文明劝导。签到后计入志愿服务时长。',
      serves: '学雷锋',
      department: party,
      location: '幸福里社区服务中心',
      date: nextFixed(today, 3, 5),
      from: '09:00',
      to: '11:30',
      opensDaysBefore: 14,
      closeDaysBefore: 1,
      capacity: 30,
      volunteerHours: 2.5,
    },
    {
      category: 'volunteer',
      title: '防灾减灾日宣传进社区',
      description: '5月12日防灾减灾日，普及避灾自救技能，发放宣传资料。',
      serves: '防灾减灾日',
      department: disaster,
      location: '人民广场',
      date: nextFixed(today, 5, 12),
      from: '09:00',
      to: '12:00',
      opensDaysBefore: 14,
      closeDaysBefore: 1,
      capacity: 40,
      volunteerHours: 3,
    },
    {
      category: 'contest',
      title: '“安全生产月”安全知识竞赛',
      description: '以部门为单位组队参赛，每队三人，内容为安全生产法律法规和应急常识。',
      serves: '安全生产月',
      department: safety,
      location: '机关一楼多功能厅',
      date: nextFixed(today, 6, 16),
      from: '14:30',
      to: '17:00',
      opensDaysBefore: 20,
      closeDaysBefore: 3,
      capacity: 24,
    },
    {
      category: 'festival',
      title: '春节·写春联送祝福',
      description: '请书法爱好者现场写春联、写福字，赠送给结对社区的老人。',
      serves: '我们的节日',
      department: office,
      location: '机关一楼大厅',
      date: nextFestival(today, 'chunjie', -7),
      from: '14:00',
      to: '16:30',
      opensDaysBefore: 14,
      closeDaysBefore: 1,
      capacity: 30,
    },
    {
      category: 'festival',
      title: '元宵节·猜灯谜',
      description: '机关大院挂灯笼、猜灯谜，猜中有小奖品。',
      serves: '我们的节日',
      department: office,
      location: '机关大院',
      date: nextFestival(today, 'yuanxiao'),
      from: '12:00',
      to: '13:30',
      opensDaysBefore: 10,
      closeDaysBefore: 0,
      capacity: null,
    },
    {
      category: 'festival',
      title: '清明节·缅怀英烈',
      description: '到烈士陵园敬献花篮、重温入党誓词，缅怀革命先烈。',
      serves: '我们的节日',
      department: party,
      location: '烈士陵园',
      date: nextFestival(today, 'qingming', -1),
      from: '09:00',
      to: '11:00',
      opensDaysBefore: 14,
      closeDaysBefore: 2,
      capacity: 50,
    },
    {
      category: 'festival',
      title: '端午节·包粽子',
      description: '一起包粽子、挂艾草，粽子送给一线值班的同事。',
      serves: '我们的节日',
      department: office,
      location: '机关食堂',
      date: nextFestival(today, 'duanwu', -1),
      from: '15:00',
      to: '17:00',
      opensDaysBefore: 14,
      closeDaysBefore: 1,
      capacity: 40,
    },
    {
      category: 'festival',
      title: '中秋节·诗会',
      description: '“月满中秋”诗词朗诵会，可朗诵古典诗词或原创作品。',
      serves: '我们的节日',
      department: party,
      location: '机关一楼多功能厅',
      date: nextFestival(today, 'zhongqiu', -1),
      from: '15:00',
      to: '17:00',
      opensDaysBefore: 14,
      closeDaysBefore: 2,
      capacity: 60,
      formFields: [{ key: 'poem', label: '朗诵篇目', type: 'text', required: false }],
    },
    {
      category: 'festival',
      title: '重阳节·敬老慰问',
      description: '看望离退休老同志，陪老人聊聊天、包饺子。',
      serves: '我们的节日',
      department: office,
      location: '离退休干部活动中心',
      date: nextFestival(today, 'chongyang'),
      from: '09:30',
      to: '11:30',
      opensDaysBefore: 14,
      closeDaysBefore: 1,
      capacity: 20,
      volunteerHours: 2,
    },
  ]
}

/** Turns a demo entry into a stored activity, linked to the work point its words find. */
function toNewActivity(demo: DemoActivity, planItemIds: number[]): NewActivity {
  const startsAt = fromLocal(demo.date, demo.from)
  const endsAt = fromLocal(demo.endDate ?? demo.date, demo.to)
  const closes = fromLocal(shift(demo.date, -(demo.closeDaysBefore ?? 0)), demo.closeDaysBefore ? '18:00' : demo.from)
  return {
    category: demo.category,
    title: demo.title,
    description: demo.description,
    planItemIds,
    organizerDepartment: demo.department,
    location: demo.location,
    startsAt,
    endsAt,
    registrationOpensAt: fromLocal(shift(demo.date, -demo.opensDaysBefore), '09:00'),
    registrationClosesAt: Date.parse(closes) > Date.parse(endsAt) ? endsAt : closes,
    cancelCutoffAt: fromLocal(shift(demo.date, -1), '18:00'),
    checkinOpensAt: new Date(Date.parse(startsAt) - 30 * 60 * 1000).toISOString(),
    checkinClosesAt: endsAt,
    capacity: demo.capacity,
    waitlistEnabled: demo.waitlist ?? true,
    eligibleDepartments: [],
    options: demo.options ?? [],
    maxOptions: demo.maxOptions ?? 1,
    formFields: demo.formFields ?? [],
    volunteerHours: demo.volunteerHours ?? 0,
  }
}

/** Adds the demo activities, each linked to the current plan's work point that mentions it. */
export async function seedDemoActivities(tx: Store, now: Date): Promise<number> {
  const planId = await tx.getCurrentPlanId()
  const plan = planId === null ? null : await tx.getPlan(planId)
  const items = plan?.sections.flatMap((s) => s.items) ?? []
  const today = toLocalDate(now.toISOString())
  const at = now.toISOString()
  let count = 0
  for (const demo of buildDemoActivities(today)) {
    const item = items.find((i) => (i.heading + i.body).includes(demo.serves))
    const activity = toNewActivity(demo, item ? [item.id] : [])
    const id = await tx.insertActivity(activity, null, at)
    await seedDemoRegistrations(tx, id, activity, now)
    count++
  }
  return count
}

// How many demo colleagues have already signed up, so that lists, seats and reports look like a real year.
const DEMO_SIGNUPS: Partial<Record<string, number>> = {
  '道德讲堂：身边好人事迹分享': 96,
  '书香机关·读书分享会': 37,
  '“快乐工作，健康生活”职工趣味运动会': 22,
  '征集“我心中的好书”书目': 31,
}

/** Registers some demo employees (E0020 onwards); for a past activity most of them checked in. */
async function seedDemoRegistrations(tx: Store, activityId: number, activity: NewActivity, now: Date): Promise<void> {
  const count = DEMO_SIGNUPS[activity.title] ?? 0
  const past = Date.parse(activity.endsAt) <= now.getTime()
  for (let i = 0; i < count; i++) {
    const employee = await tx.getEmployeeByNo(`E${String(20 + ((i * 7) % 180)).padStart(4, '0')}`)
    if (!employee || (await tx.getLiveRegistration(activityId, employee.id))) continue
    const options = activity.options.length ? [activity.options[i % activity.options.length].key] : []
    const form: Record<string, string> = {}
    for (const field of activity.formFields.filter((f) => f.required)) {
      form[field.key] = field.choices
        ? field.choices[i % field.choices.length]
        : field.label === '分享书目'
          ? '《平凡的世界》'
          : '已填写'
    }
    const at = new Date(
      Math.min(now.getTime(), Date.parse(activity.registrationOpensAt) + (i + 1) * 3600 * 1000),
    ).toISOString()
    const registration = await tx.insertRegistration({
      activityId,
      employeeId: employee.id,
      status: 'confirmed',
      options,
      form,
      at,
    })
    // Most people who signed up for a past activity came; a few did not.
    if (past && i % 8 !== 0) {
      await tx.markCheckedIn(registration.id, {
        registrationId: registration.id,
        type: 'checked_in',
        actorId: employee.id,
        at: activity.startsAt,
      })
    }
  }
}
