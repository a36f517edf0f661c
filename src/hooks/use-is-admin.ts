import { useEffect, useState } from 'react'
import { fetchMe } from '../api/client'
import { getSavedEmployee } from '../api/session'
import { hasRole } from '../domain/roles'
import { isTimelineSinglePage } from './single-page'

/** Whether the caller is an administrator, from the saved login (asked once when nothing is saved); the cloud enforces it anyway. */
export function useIsAdmin(): { isAdmin: boolean; known: boolean } {
  const [role, setRole] = useState(() => getSavedEmployee()?.role ?? null)
  useEffect(() => {
    if (role || isTimelineSinglePage()) return
    // A failure here only hides the administrator's links; the page's own load reports the problem.
    fetchMe().then(
      (me) => setRole(me.role),
      () => undefined,
    )
  }, [role])
  return { isAdmin: role !== null && hasRole(role, 'admin'), known: role !== null }
}
