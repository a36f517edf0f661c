import type { ActivityDetail, ActivityPage, ActivityStatus } from '../../domain/activity'
import { activityListInput } from '../../domain/activity-schemas'
import { idInput } from '../../domain/schemas'
import { buildActivityDetail, loadActivity } from './activity-common'
import { defineAction } from './define'

export const activityActions = {
  'activity.list': defineAction({
    auth: 'employee',
    write: false,
    input: activityListInput,
    async handler({ input, store, employee, now }): Promise<ActivityPage> {
      const { rows, total } = await store.listActivities({
        now: now.toISOString(),
        viewerId: employee!.id,
        category: input.category,
        status: input.status as ActivityStatus | undefined,
        planItemId: input.planItemId,
        limit: input.pageSize,
        offset: (input.page - 1) * input.pageSize,
      })
      return { items: rows, total, page: input.page, pageSize: input.pageSize }
    },
  }),

  'activity.get': defineAction({
    auth: 'employee',
    write: false,
    input: idInput,
    async handler({ input, store, employee, now }): Promise<ActivityDetail> {
      return buildActivityDetail(store, await loadActivity(store, input.id), employee!, now)
    },
  }),
}
