import type { Employee } from '../../domain/employee'
import { emptyInput } from '../../domain/schemas'
import { toEmployeeView } from './auth'
import { defineAction } from './define'

export const meActions = {
  'me.get': defineAction({
    auth: 'employee',
    write: false,
    input: emptyInput,
    async handler({ employee }): Promise<{ employee: Employee }> {
      return { employee: toEmployeeView(employee!) }
    },
  }),
}
