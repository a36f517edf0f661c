import { bindInput, devLoginInput, idInput } from '../../../src/domain/schemas'

describe('input schemas', () => {
  it('normalises a 工号 to upper case without spaces', () => {
    expect(devLoginInput.parse({ employeeNo: ' e0012 ' })).toEqual({ employeeNo: 'E0012' })
  })

  it.each(['', 'E', 'E-0001', '<script>', 'E0001; DROP TABLE', 'E'.repeat(100)])(
    'rejects the 工号 %j',
    (employeeNo) => {
      expect(devLoginInput.safeParse({ employeeNo }).success).toBe(false)
    },
  )

  it('rejects unknown fields', () => {
    expect(devLoginInput.safeParse({ employeeNo: 'E0001', role: 'admin' }).success).toBe(false)
  })

  it('requires a name of at most 32 characters to bind', () => {
    expect(bindInput.safeParse({ employeeNo: 'E0001', name: '' }).success).toBe(false)
    expect(bindInput.safeParse({ employeeNo: 'E0001', name: '张'.repeat(33) }).success).toBe(false)
    expect(bindInput.safeParse({ employeeNo: 'E0001', name: '张三' }).success).toBe(true)
  })

  it('accepts only positive integer ids', () => {
    expect(idInput.safeParse({ id: 3 }).success).toBe(true)
    for (const id of [0, -3, 1.5, '3', null, Number.NaN]) expect(idInput.safeParse({ id }).success).toBe(false)
  })
})
