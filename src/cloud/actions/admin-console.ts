import { maskPhone, type ExportFile, type Registrant } from '../../domain/admin'
import type { ActivityPage } from '../../domain/activity'
import { activityListInput } from '../../domain/activity-schemas'
import { manualCheckinInput, registrantListInput } from '../../domain/admin-schemas'
import { hasRole } from '../../domain/roles'
import { emptyInput, idInput } from '../../domain/schemas'
import { buildRegistrantsWorkbook } from '../excel'
import { AppError } from '../errors'
import type { EmployeeRecord } from '../store/types'
import { assertCanManage, listActivityPage, loadActivity } from './activity-common'
import { recordAudit } from './audit'
import { defineAction } from './define'

/** Administrators see phone numbers; organizers see them masked. */
const phoneFor = (viewer: EmployeeRecord) => (phone: string | null) =>
  hasRole(viewer.role, 'admin') ? phone : maskPhone(phone)

export const adminConsoleActions = {
  // The activities the caller manages: their department's, or all for administrators.
  'admin.activity.list': defineAction({
    auth: 'employee',
    role: 'organizer',
    write: false,
    input: activityListInput,
    async handler({ input, store, employee, now }): Promise<ActivityPage> {
      const department = hasRole(employee!.role, 'admin') ? undefined : employee!.department
      return listActivityPage(store, input, employee!, now, department)
    },
  }),

  'admin.departments': defineAction({
    auth: 'employee',
    role: 'organizer',
    write: false,
    input: emptyInput,
    async handler({ store }): Promise<{ department: string; headcount: number }[]> {
      return store.listDepartments()
    },
  }),

  'admin.registration.list': defineAction({
    auth: 'employee',
    role: 'organizer',
    write: false,
    input: registrantListInput,
    async handler({ input, store, employee }): Promise<Registrant[]> {
      const activity = await loadActivity(store, input.activityId)
      assertCanManage(employee!, activity)
      const show = phoneFor(employee!)
      return (await store.listRegistrants(activity.id))
        .filter((r) => !input.status || r.status === input.status)
        .filter((r) => !input.department || r.employee.department === input.department)
        .filter(
          (r) => !input.q || r.employee.name.includes(input.q) || r.employee.employeeNo.includes(input.q.toUpperCase()),
        )
        .map((r) => ({ ...r, employee: { ...r.employee, phone: show(r.employee.phone) } }))
    },
  }),

  'admin.checkin.manual': defineAction({
    auth: 'employee',
    role: 'organizer',
    write: true,
    input: manualCheckinInput,
    async handler({ input, store, employee, now }): Promise<Registrant> {
      const activity = await loadActivity(store, input.activityId)
      assertCanManage(employee!, activity)
      if (activity.cancelledAt) throw new AppError('conflict', '活动已取消，不能签到')
      const registrant = (await store.listRegistrants(activity.id)).find(
        (r) => r.registrationId === input.registrationId,
      )
      if (!registrant) throw new AppError('not_found', '这条报名不属于该活动')
      if (registrant.status !== 'confirmed')
        throw new AppError('conflict', '只有已报名（非候补、未取消）的人员可以签到')
      if (registrant.checkedInAt) return registrant
      const at = now.toISOString()
      await store.markCheckedIn(registrant.registrationId, {
        registrationId: registrant.registrationId,
        type: 'checked_in_by_organizer',
        actorId: employee!.id,
        at,
      })
      await recordAudit(
        store,
        employee!.id,
        'checkin.manual',
        `活动 #${activity.id} 报名 #${registrant.registrationId}（${registrant.employee.name}）`,
        { checkedInAt: null },
        { checkedInAt: at },
        now,
      )
      return {
        ...registrant,
        checkedInAt: at,
        employee: { ...registrant.employee, phone: phoneFor(employee!)(registrant.employee.phone) },
      }
    },
  }),

  'admin.activity.export': defineAction({
    auth: 'employee',
    role: 'organizer',
    write: false,
    input: idInput,
    async handler({ input, store, employee, now }): Promise<ExportFile> {
      const activity = await loadActivity(store, input.id)
      assertCanManage(employee!, activity)
      return buildRegistrantsWorkbook(activity, await store.listRegistrants(activity.id), phoneFor(employee!), now)
    },
  }),
}
