import type { ActivityDetail, ActivityPage } from '../../domain/activity'
import { activityListInput } from '../../domain/activity-schemas'
import { idInput } from '../../domain/schemas'
import { buildActivityDetail, listActivityPage, loadActivity } from './activity-common'
import { defineAction } from './define'

export const activityActions = {
  'activity.list': defineAction({
    auth: 'employee',
    write: false,
    input: activityListInput,
    async handler({ input, store, employee, now }): Promise<ActivityPage> {
      return listActivityPage(store, input, employee!, now)
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
