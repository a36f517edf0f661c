import { useEffect, useState } from 'react'
import { ApiError, fetchMe } from '../../../api/client'
import { getSavedEmployee } from '../../../api/session'
import type { Employee } from '../../../domain/employee'
import { hasRole } from '../../../domain/roles'
import { goToLogin } from '../../../hooks/use-remote'

export interface Me {
  employee: Employee | null
  /** Organizers and administrators. */
  canOrganize: boolean
  isAdmin: boolean
}

/** Who is using the console, from the saved login (asked once when nothing is saved); the cloud enforces roles anyway. */
export function useMe(): Me {
  const [employee, setEmployee] = useState<Employee | null>(() => getSavedEmployee())
  useEffect(() => {
    if (employee) return
    fetchMe().then(setEmployee, (e: unknown) => {
      if (e instanceof ApiError && e.code === 'unauthenticated') goToLogin()
    })
  }, [employee])
  return {
    employee,
    canOrganize: employee !== null && hasRole(employee.role, 'organizer'),
    isAdmin: employee !== null && hasRole(employee.role, 'admin'),
  }
}
