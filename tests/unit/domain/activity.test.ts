import {
  canCancel,
  checkRegistrationWindow,
  decideSeat,
  getActivityStatus,
  isCheckinOpen,
  isEligible,
  validateChoices,
  type Activity,
} from '../../../src/domain/activity'

const activity = (overrides: Partial<Activity> = {}): Activity => ({
  id: 1,
  category: 'sports',
  title: '趣味运动会',
  description: '',
  planItemIds: [],
  organizerDepartment: '办公室',
  location: '体育馆',
  registrationOpensAt: '2026-03-01T00:00:00.000Z',
  registrationClosesAt: '2026-03-10T00:00:00.000Z',
  cancelCutoffAt: '2026-03-14T00:00:00.000Z',
  startsAt: '2026-03-15T01:00:00.000Z',
  endsAt: '2026-03-15T04:00:00.000Z',
  checkinOpensAt: '2026-03-15T00:30:00.000Z',
  checkinClosesAt: '2026-03-15T04:00:00.000Z',
  capacity: 2,
  waitlistEnabled: true,
  eligibleDepartments: [],
  options: [],
  maxOptions: 1,
  formFields: [],
  volunteerHours: 0,
  cancelledAt: null,
  cancelReason: null,
  ...overrides,
})
const at = (iso: string) => new Date(iso)

describe('activity status', () => {
  it.each([
    ['2026-02-28T00:00:00.000Z', 'upcoming'],
    ['2026-03-05T00:00:00.000Z', 'open'],
    ['2026-03-12T00:00:00.000Z', 'upcoming'],
    ['2026-03-15T02:00:00.000Z', 'ongoing'],
    ['2026-03-15T04:00:00.000Z', 'ended'],
  ])('at %s is %s', (now, status) => {
    expect(getActivityStatus(activity(), at(now))).toBe(status)
  })

  it('is cancelled once cancelled, whatever the time', () => {
    expect(
      getActivityStatus(activity({ cancelledAt: '2026-03-02T00:00:00.000Z' }), at('2026-03-05T00:00:00.000Z')),
    ).toBe('cancelled')
  })
})

describe('registration window', () => {
  it('is not yet open before it opens', () => {
    expect(checkRegistrationWindow(activity(), at('2026-02-28T23:59:59.000Z'))).toBe('not_yet_open')
  })

  it('is open from the opening moment', () => {
    expect(checkRegistrationWindow(activity(), at('2026-03-01T00:00:00.000Z'))).toBe('open')
  })

  it('is closed from the closing moment', () => {
    expect(checkRegistrationWindow(activity(), at('2026-03-10T00:00:00.000Z'))).toBe('closed')
  })

  it('is shut for a cancelled activity', () => {
    expect(checkRegistrationWindow(activity({ cancelledAt: 'x' }), at('2026-03-05T00:00:00.000Z'))).toBe('cancelled')
  })
})

describe('seats', () => {
  it('confirms while seats remain', () => {
    expect(decideSeat(activity(), { confirmed: 1, byOption: {} }, [])).toBe('confirmed')
  })

  it('waitlists when the activity is full and keeps a waitlist', () => {
    expect(decideSeat(activity(), { confirmed: 2, byOption: {} }, [])).toBe('waitlisted')
  })

  it('refuses when full and without a waitlist', () => {
    expect(decideSeat(activity({ waitlistEnabled: false }), { confirmed: 2, byOption: {} }, [])).toBe('full')
  })

  it('never fills an unlimited activity', () => {
    expect(decideSeat(activity({ capacity: null }), { confirmed: 10000, byOption: {} }, [])).toBe('confirmed')
  })

  it('waitlists when a chosen option is full even if the activity has room', () => {
    const a = activity({ capacity: 10, options: [{ key: 'rope', label: '跳绳', capacity: 1 }] })
    expect(decideSeat(a, { confirmed: 1, byOption: { rope: 1 } }, ['rope'])).toBe('waitlisted')
  })
})

describe('choices', () => {
  const sports = activity({
    options: [
      { key: 'tug', label: '拔河', capacity: null },
      { key: 'rope', label: '跳绳', capacity: null },
      { key: 'ball', label: '投篮', capacity: null },
    ],
    maxOptions: 2,
    formFields: [
      { key: 'size', label: '服装尺码', type: 'single', required: true, choices: ['M', 'L'] },
      { key: 'age', label: '年龄', type: 'number', required: false },
    ],
  })

  it('accepts valid options and answers', () => {
    expect(validateChoices(sports, ['tug', 'rope'], { size: 'M', age: 30 })).toBeNull()
  })

  it('requires at least one option when the activity has options', () => {
    expect(validateChoices(sports, [], { size: 'M' })).toContain('至少选择')
  })

  it('limits how many options one person may take', () => {
    expect(validateChoices(sports, ['tug', 'rope', 'ball'], { size: 'M' })).toContain('最多选择 2')
  })

  it('refuses an option the activity does not have', () => {
    expect(validateChoices(sports, ['chess'], { size: 'M' })).toContain('chess')
  })

  it('requires required fields', () => {
    expect(validateChoices(sports, ['tug'], {})).toContain('服装尺码')
  })

  it('refuses an answer outside the given choices', () => {
    expect(validateChoices(sports, ['tug'], { size: 'XXXL' })).toContain('给定选项')
  })

  it('refuses text where a number is asked', () => {
    expect(validateChoices(sports, ['tug'], { size: 'M', age: '三十' })).toContain('数字')
  })

  it('refuses fields the form does not have', () => {
    expect(validateChoices(sports, ['tug'], { size: 'M', role: 'admin' })).toContain('role')
  })
})

describe('eligibility, cancellation and check-in', () => {
  it('lets anyone register when no departments are named', () => {
    expect(isEligible(activity(), '财务审计科')).toBe(true)
  })

  it('keeps out departments that are not named', () => {
    expect(isEligible(activity({ eligibleDepartments: ['办公室'] }), '财务审计科')).toBe(false)
  })

  it('allows cancelling before the cutoff only', () => {
    expect(canCancel(activity(), at('2026-03-13T23:59:59.000Z'))).toBe(true)
    expect(canCancel(activity(), at('2026-03-14T00:00:00.000Z'))).toBe(false)
  })

  it('opens check-in only within its window', () => {
    expect(isCheckinOpen(activity(), at('2026-03-15T00:29:59.000Z'))).toBe(false)
    expect(isCheckinOpen(activity(), at('2026-03-15T00:30:00.000Z'))).toBe(true)
    expect(isCheckinOpen(activity(), at('2026-03-15T04:00:00.000Z'))).toBe(false)
  })
})
