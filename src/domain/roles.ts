/** Roles, from least to most privileged. */
export const ROLES = ['employee', 'organizer', 'admin'] as const
export type Role = (typeof ROLES)[number]

export const ROLE_LABELS: Record<Role, string> = {
  employee: '职工',
  organizer: '活动组织者',
  admin: '管理员',
}

/** Whether a caller with `role` may do what `required` allows. */
export function hasRole(role: Role, required: Role): boolean {
  return ROLES.indexOf(role) >= ROLES.indexOf(required)
}
