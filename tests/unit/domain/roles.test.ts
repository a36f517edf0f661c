import { hasRole } from '../../../src/domain/roles'

describe('hasRole', () => {
  it('lets an administrator do what an organizer may', () => {
    expect(hasRole('admin', 'organizer')).toBe(true)
  })

  it('does not let an employee do what an organizer may', () => {
    expect(hasRole('employee', 'organizer')).toBe(false)
  })

  it('lets every role do what an employee may', () => {
    expect(['employee', 'organizer', 'admin'].every((r) => hasRole(r as 'employee', 'employee'))).toBe(true)
  })
})
