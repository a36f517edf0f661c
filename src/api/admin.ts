import type { z } from 'zod'
import type { Activity, ActivityPage } from '../domain/activity'
import type { activityCreateInput, activityUpdateInput } from '../domain/activity-schemas'
import type {
  AuditEntry,
  EmployeeAdminView,
  EmployeePage,
  ExportFile,
  ParticipationReport,
  Registrant,
  RosterPreview,
} from '../domain/admin'
import type { employeeListInput, employeeUpdateInput, registrantListInput } from '../domain/admin-schemas'
import type { PlanView } from '../domain/plan'
import type { ParseResult } from '../plan'
import { callApi, type ActivityQuery } from './client'

export type { ParsedPlan, ParseResult } from '../plan'

export type ActivityCreatePayload = z.input<typeof activityCreateInput>
export type ActivityUpdatePayload = z.input<typeof activityUpdateInput>
export type EmployeeQuery = z.input<typeof employeeListInput>
export type EmployeePatch = z.input<typeof employeeUpdateInput>
export type RegistrantFilter = Omit<z.input<typeof registrantListInput>, 'activityId'>

export interface DepartmentHeadcount {
  department: string
  headcount: number
}

export interface AuditPage {
  items: AuditEntry[]
  total: number
}

/** The activities the caller manages: their department's, or all of them for administrators. */
export function fetchManagedActivities(query: ActivityQuery = {}): Promise<ActivityPage> {
  return callApi<ActivityPage>('admin.activity.list', query)
}

/** Every department on the roster with its active headcount. */
export function fetchDepartments(): Promise<DepartmentHeadcount[]> {
  return callApi<DepartmentHeadcount[]>('admin.departments')
}

/** Creates an activity; the cloud layer fills in the times left out. */
export function createActivity(input: ActivityCreatePayload): Promise<Activity> {
  return callApi<Activity>('admin.activity.create', input)
}

/** Changes an activity; those waiting move up when seats were added. */
export function updateActivity(input: ActivityUpdatePayload): Promise<Activity> {
  return callApi<Activity>('admin.activity.update', input)
}

/** Calls an activity off; everyone registered gets a message with the reason. */
export function cancelActivity(id: number, reason: string): Promise<Activity> {
  return callApi<Activity>('admin.activity.cancel', { id, reason })
}

/** Who registered for an activity (phones masked for organizers), optionally filtered. */
export function fetchRegistrants(activityId: number, filter: RegistrantFilter = {}): Promise<Registrant[]> {
  return callApi<Registrant[]>('admin.registration.list', { activityId, ...filter })
}

/** Checks a registrant in at the desk, on their behalf. */
export function checkInManually(activityId: number, registrationId: number): Promise<Registrant> {
  return callApi<Registrant>('admin.checkin.manual', { activityId, registrationId })
}

/** The registrants of an activity as an Excel file. */
export function exportRegistrants(id: number): Promise<ExportFile> {
  return callApi<ExportFile>('admin.activity.export', { id })
}

/** Who took part in the year's activities, per department. */
export function fetchParticipation(year: number): Promise<ParticipationReport> {
  return callApi<ParticipationReport>('admin.participation', { year })
}

/** The participation report of a year as an Excel file. */
export function exportParticipation(year: number): Promise<ExportFile> {
  return callApi<ExportFile>('admin.participation.export', { year })
}

/** A page of the roster, searched and filtered. */
export function fetchEmployees(query: EmployeeQuery = {}): Promise<EmployeePage> {
  return callApi<EmployeePage>('admin.employee.list', query)
}

/** Changes an employee's department, phone, role or whether they are active. */
export function updateEmployee(patch: EmployeePatch): Promise<EmployeeAdminView> {
  return callApi<EmployeeAdminView>('admin.employee.update', patch)
}

/** Frees a roster entry from the WeChat account bound to it. */
export function unbindEmployee(id: number): Promise<{ ok: true }> {
  return callApi<{ ok: true }>('admin.employee.unbind', { id })
}

/** Checks a roster file row by row; with `commit`, imports its valid rows. */
export function importRoster(fileName: string, contentBase64: string, commit: boolean): Promise<RosterPreview> {
  return callApi<RosterPreview>('admin.roster.import', { fileName, contentBase64, commit })
}

/** What a pasted plan text would become, and the noise cut from it; saves nothing. */
export function previewPlanText(text: string): Promise<ParseResult> {
  return callApi<ParseResult>('admin.plan.preview', { text })
}

/** Saves the plans found in a pasted text as drafts. */
export function importPlanText(text: string, indexes?: number[]): Promise<{ ids: number[] }> {
  return callApi<{ ids: number[] }>('admin.plan.import', indexes ? { text, indexes } : { text })
}

/** Publishes a plan and makes it the current one. */
export function publishPlan(id: number): Promise<PlanView> {
  return callApi<PlanView>('admin.plan.publish', { id })
}

/** The noise that was cut from a plan's text when it was imported. */
export function fetchRemovedNoise(id: number): Promise<string[]> {
  return callApi<string[]>('admin.plan.removed', { id })
}

/** A page of the audit log, newest first. */
export function fetchAudit(page = 1, pageSize = 30): Promise<AuditPage> {
  return callApi<AuditPage>('admin.audit.list', { page, pageSize })
}
