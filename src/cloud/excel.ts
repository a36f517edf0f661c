import { Readable } from 'node:stream'
import ExcelJS from 'exceljs'
import { ACTIVITY_CATEGORIES, REGISTRATION_STATUSES, type Activity } from '../domain/activity'
import type { ExportFile, ParticipationReport, Registrant } from '../domain/admin'
import { formatDateTime, formatTimeRange, toLocalDate } from '../domain/time'

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return ''
  if (value instanceof Date) return value.toISOString().slice(0, 10)
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('')
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue)
    if ('text' in value) return String(value.text)
    return ''
  }
  return String(value)
}

/** Text of a CSV file: UTF-8 (with or without BOM), or GB18030 as Excel saves it on Chinese Windows. */
function decodeCsv(buffer: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buffer).replace(/^\uFEFF/, '')
  } catch {
    return new TextDecoder('gb18030').decode(buffer)
  }
}

/** The first sheet of an .xlsx or a .csv file as rows of text. */
export async function readTable(fileName: string, buffer: Buffer): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook()
  let sheet: ExcelJS.Worksheet | undefined
  if (/\.csv$/i.test(fileName)) {
    // Keep every cell as text: 工号 like 000123 and phone numbers must not become numbers.
    sheet = await workbook.csv.read(Readable.from([decodeCsv(buffer)]), { map: (value: unknown) => value } as never)
  } else {
    await workbook.xlsx.load(buffer as never)
    sheet = workbook.worksheets[0]
  }
  if (!sheet) return []
  const rows: string[][] = []
  sheet.eachRow({ includeEmpty: true }, (row) => {
    // Array.from, not map: row.values is sparse where a cell is empty, and map would keep the holes.
    rows.push(Array.from((row.values as ExcelJS.CellValue[]).slice(1), cellText))
  })
  return rows
}

function styleHeader(sheet: ExcelJS.Worksheet): void {
  const header = sheet.getRow(1)
  header.font = { bold: true }
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF6E7E7' } }
  sheet.views = [{ state: 'frozen', ySplit: 1 }]
}

const safeFileName = (s: string) => s.replace(/[\\/:*?"<>|\s]+/g, '')

async function toFile(workbook: ExcelJS.Workbook, fileName: string): Promise<ExportFile> {
  const buffer = Buffer.from(await workbook.xlsx.writeBuffer())
  return { fileName, mimeType: XLSX_MIME, base64: buffer.toString('base64') }
}

/** Status of a registrant in Chinese, as the sheet shows it. */
export function describeRegistrant(r: Registrant, activity: Pick<Activity, 'cancelledAt'>): string {
  if (activity.cancelledAt) return '活动已取消'
  if (r.status === 'confirmed' && r.checkedInAt) return '已签到'
  if (r.status === 'waitlisted') return `候补第 ${r.position} 位`
  return REGISTRATION_STATUSES[r.status]
}

/** The registrants of an activity as an .xlsx: one sheet of people, one explaining the statuses. */
export async function buildRegistrantsWorkbook(
  activity: Activity,
  registrants: Registrant[],
  showPhone: (phone: string | null) => string | null,
  now: Date,
): Promise<ExportFile> {
  const workbook = new ExcelJS.Workbook()
  workbook.creator = '文明实践'
  const sheet = workbook.addWorksheet('报名名单')
  sheet.columns = [
    { header: '序号', key: 'index', width: 6 },
    { header: '工号', key: 'employeeNo', width: 10 },
    { header: '姓名', key: 'name', width: 10 },
    { header: '部门', key: 'department', width: 16 },
    { header: '手机', key: 'phone', width: 14 },
    { header: '状态', key: 'status', width: 12 },
    { header: '报名项目', key: 'options', width: 16 },
    { header: '报名表', key: 'form', width: 28 },
    { header: '报名时间', key: 'createdAt', width: 20 },
    { header: '签到时间', key: 'checkedInAt', width: 20 },
  ]
  const optionLabel = (key: string) => activity.options.find((o) => o.key === key)?.label ?? key
  const fieldLabel = (key: string) => activity.formFields.find((f) => f.key === key)?.label ?? key
  registrants.forEach((r, i) => {
    sheet.addRow({
      index: i + 1,
      employeeNo: r.employee.employeeNo,
      name: r.employee.name,
      department: r.employee.department,
      phone: showPhone(r.employee.phone) ?? '',
      status: describeRegistrant(r, activity),
      options: r.options.map(optionLabel).join('、'),
      form: Object.entries(r.form)
        .map(([k, v]) => `${fieldLabel(k)}：${Array.isArray(v) ? v.join('、') : v}`)
        .join('；'),
      createdAt: formatDateTime(r.createdAt),
      checkedInAt: r.checkedInAt ? formatDateTime(r.checkedInAt) : '',
    })
  })
  styleHeader(sheet)
  const notes = workbook.addWorksheet('说明')
  notes.columns = [
    { header: '项目', key: 'k', width: 14 },
    { header: '说明', key: 'v', width: 60 },
  ]
  for (const [k, v] of [
    ['活动', activity.title],
    ['时间', formatTimeRange(activity.startsAt, activity.endsAt)],
    ['地点', activity.location],
    ['名额', activity.capacity === null ? '不限' : String(activity.capacity)],
    ['已报名', '已确认参加，占用名额'],
    ['已签到', '已报名并在现场签到'],
    ['候补第 N 位', '名额已满，按报名先后排队；有人取消时依次递补'],
    ['已取消', '本人取消了报名，记录保留备查'],
    ['活动已取消', '活动由主办方取消，全部报名随之作废'],
    ['导出时间', formatDateTime(now.toISOString())],
  ]) {
    notes.addRow({ k, v })
  }
  styleHeader(notes)
  const fileName = `${safeFileName(activity.title)}-${toLocalDate(activity.startsAt)}-报名名单.xlsx`
  return toFile(workbook, fileName)
}

/** The participation report as an .xlsx: per department, and who has not taken part. */
export async function buildParticipationWorkbook(report: ParticipationReport): Promise<ExportFile> {
  const workbook = new ExcelJS.Workbook()
  workbook.creator = '文明实践'
  const categories = Object.keys(ACTIVITY_CATEGORIES) as (keyof typeof ACTIVITY_CATEGORIES)[]
  const sheet = workbook.addWorksheet('部门参与情况')
  sheet.columns = [
    { header: '部门', key: 'department', width: 16 },
    { header: '在册人数', key: 'headcount', width: 10 },
    { header: '参与人数', key: 'participants', width: 10 },
    { header: '参与率', key: 'rate', width: 10 },
    ...categories.map((c) => ({ header: ACTIVITY_CATEGORIES[c], key: c, width: 12 })),
    ...Array.from({ length: 12 }, (_, m) => ({ header: `${m + 1}月`, key: `m${m + 1}`, width: 7 })),
  ]
  for (const d of [...report.departments, { department: '合计', ...report.total, byCategory: {}, byMonth: [] }]) {
    const row = sheet.addRow({
      department: d.department,
      headcount: d.headcount,
      participants: d.participants,
      rate: d.rate,
      ...Object.fromEntries(categories.map((c) => [c, d.byCategory[c] ?? ''])),
      ...Object.fromEntries(d.byMonth.map((n, m) => [`m${m + 1}`, n])),
    })
    row.getCell('rate').numFmt = '0.0%'
  }
  styleHeader(sheet)
  const absent = workbook.addWorksheet('未参与人员')
  absent.columns = [
    { header: '工号', key: 'employeeNo', width: 10 },
    { header: '姓名', key: 'name', width: 10 },
    { header: '部门', key: 'department', width: 16 },
  ]
  for (const p of report.nonParticipants) absent.addRow(p)
  styleHeader(absent)
  const notes = workbook.addWorksheet('说明')
  notes.addRow([
    '统计口径',
    `${report.year} 年内开始、未被取消的活动中，报名确认并签到的在职人员计为“参与”；同一人多次参与只计一次。`,
  ])
  notes.getColumn(2).width = 80
  return toFile(workbook, `${report.year}年度精神文明建设活动参与情况.xlsx`)
}
