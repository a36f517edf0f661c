import type { Activity } from '../../../../src/domain/activity'
import {
  checkDraft,
  draftFromActivity,
  newDraft,
  setTime,
  toPayload,
  type ActivityDraft,
} from '../../../../src/packages/admin/activity-edit/draft'

// 2026-03-04 10:07 in Beijing.
const NOW = new Date('2026-03-04T02:07:30.000Z')

function filled(patch: Partial<ActivityDraft> = {}): ActivityDraft {
  return { ...newDraft(NOW, '机关党委'), category: 'lecture', title: '道德讲堂', capacity: '30', ...patch }
}

describe('the activity form', () => {
  it('starts a new activity tomorrow afternoon with registration open from now', () => {
    const payload = toPayload(filled())
    expect(payload.startsAt).toBe('2026-03-05T06:30:00.000Z')
    expect(payload.endsAt).toBe('2026-03-05T08:30:00.000Z')
    expect(payload.registrationOpensAt).toBe('2026-03-04T02:07:00.000Z')
    expect(payload.registrationClosesAt).toBe(payload.startsAt)
    expect(payload.checkinOpensAt).toBe('2026-03-05T06:00:00.000Z')
    expect(payload.organizerDepartment).toBe('机关党委')
  })

  it('carries the end and the times not set by hand along when the start moves', () => {
    const moved = setTime(filled(), 'start', { date: '2026-03-10', time: '09:00' })
    expect(moved.times.end).toEqual({ date: '2026-03-10', time: '11:00' })
    expect(moved.times.regCloses).toEqual({ date: '2026-03-10', time: '09:00' })
    expect(moved.times.checkinOpens).toEqual({ date: '2026-03-10', time: '08:30' })
    expect(moved.times.checkinCloses).toEqual({ date: '2026-03-10', time: '11:00' })
  })

  it('keeps a time the organizer set by hand when the start moves', () => {
    const pinned = setTime(filled(), 'regCloses', { date: '2026-03-05', time: '12:00' })
    const moved = setTime(pinned, 'start', { date: '2026-03-10', time: '09:00' })
    expect(moved.times.regCloses).toEqual({ date: '2026-03-05', time: '12:00' })
  })

  it('lists what is missing in Chinese, in the order of the form', () => {
    expect(checkDraft(filled({ category: '', title: ' ', capacity: '' }))).toEqual([
      '请选择活动类别',
      '请填写活动名称',
      '名额应为 1 至 100000 之间的整数，或选择“不限名额”',
    ])
  })

  it('refuses an end before the start and a choice field with one choice', () => {
    const draft = setTime(
      filled({ formFields: [{ key: 'f1', label: '尺码', type: 'single', required: true, choices: 'M' }] }),
      'end',
      { date: '2026-03-05', time: '13:00' },
    )
    const problems = checkDraft(draft)
    expect(problems).toContain('结束时间应晚于开始时间')
    expect(problems).toContain('报名表“尺码”至少需要两个选项（每行一个）')
  })

  it('sends no capacity when unlimited, and choices split one per line or by 顿号', () => {
    const payload = toPayload(
      filled({
        unlimited: true,
        formFields: [{ key: 'f1', label: '尺码', type: 'multiple', required: false, choices: 'S、M\nL' }],
        options: [{ key: 'o1', label: '拔河', capacity: '' }],
      }),
    )
    expect(payload.capacity).toBeNull()
    expect(payload.formFields).toEqual([
      { key: 'f1', label: '尺码', type: 'multiple', required: false, choices: ['S', 'M', 'L'] },
    ])
    expect(payload.options).toEqual([{ key: 'o1', label: '拔河', capacity: null }])
    expect(checkDraft(filled({ unlimited: true }))).toEqual([])
  })

  it('gives back an existing activity unchanged when nothing is edited', () => {
    const activity: Activity = {
      id: 7,
      category: 'sports',
      title: '趣味运动会',
      description: '设拔河、跳绳两个项目',
      planItemIds: [3],
      organizerDepartment: '办公室',
      location: '机关篮球场',
      startsAt: '2026-05-09T01:00:00.000Z',
      endsAt: '2026-05-09T04:00:00.000Z',
      registrationOpensAt: '2026-04-20T00:00:00.000Z',
      registrationClosesAt: '2026-05-08T10:00:00.000Z',
      cancelCutoffAt: '2026-05-08T10:00:00.000Z',
      checkinOpensAt: '2026-05-09T00:30:00.000Z',
      checkinClosesAt: '2026-05-09T04:00:00.000Z',
      capacity: 40,
      waitlistEnabled: false,
      eligibleDepartments: ['办公室'],
      options: [{ key: 'tug', label: '拔河', capacity: 20 }],
      maxOptions: 1,
      formFields: [{ key: 'size', label: '尺码', type: 'single', required: true, choices: ['M', 'L'] }],
      volunteerHours: 2,
      cancelledAt: null,
      cancelReason: null,
    }
    const draft = draftFromActivity(activity)
    expect(draft.pinned).toEqual(['start', 'end', 'regOpens', 'regCloses', 'cancelCutoff'])
    expect(toPayload(draft)).toEqual({
      category: 'sports',
      title: '趣味运动会',
      description: '设拔河、跳绳两个项目',
      planItemIds: [3],
      organizerDepartment: '办公室',
      location: '机关篮球场',
      startsAt: activity.startsAt,
      endsAt: activity.endsAt,
      registrationOpensAt: activity.registrationOpensAt,
      registrationClosesAt: activity.registrationClosesAt,
      cancelCutoffAt: activity.cancelCutoffAt,
      checkinOpensAt: activity.checkinOpensAt,
      checkinClosesAt: activity.checkinClosesAt,
      capacity: 40,
      waitlist: false,
      eligibleDepartments: ['办公室'],
      options: activity.options,
      maxOptions: 1,
      formFields: activity.formFields,
      volunteerHours: 2,
    })
  })
})
