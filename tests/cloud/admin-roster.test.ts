import type { Principal } from '../../src/cloud/context'
import { csvText, dataOf, encodeGb18030, errorOf, xlsxBase64 } from './admin-helpers'
import { createInProcess, type InProcess } from './helpers'

let app: InProcess
let admin: Principal

beforeEach(async () => {
  app = await createInProcess()
  admin = await app.as('E0001')
})

afterEach(() => app.close())

const HEADER = ['工号', '姓名', '部门', '手机', '角色']

// Two good rows (one new, one an existing 工号) and one bad row of each kind.
const MIXED_ROWS = [
  HEADER,
  ['N1001', '王小明', '办公室', '13800001111', '职工'],
  ['E0005', '周新名', '人事教育科', '138-0000-2222', '组织者'],
  ['N1001', '李重复', '办公室', '', ''],
  ['N1002', '', '办公室', '', ''],
  ['N1003', '赵电话', '办公室', '1380000', ''],
  ['N1004', '钱角色', '办公室', '', '局长'],
  ['N1005', '孙部门', '', '', ''],
]

const importRoster = (fileName: string, contentBase64: string, commit = false) =>
  app.call('admin.roster.import', { fileName, contentBase64, commit }, admin)

const utf8Csv = (rows: string[][]) => Buffer.from('\uFEFF' + csvText(rows)).toString('base64')

describe('roster import', () => {
  it('previews a roster with bad rows line by line and writes nothing', async () => {
    const count = await app.store.countEmployees()
    const e0005 = await app.store.getEmployeeByNo('E0005')
    const preview = dataOf(await importRoster('花名册.xlsx', await xlsxBase64(MIXED_ROWS)))
    expect(preview).toMatchObject({ valid: 2, invalid: 5 })
    expect(preview.imported).toBeUndefined()
    expect(preview.rows.map((r: any) => [r.line, r.employeeNo, r.action, r.errors])).toEqual([
      [2, 'N1001', 'create', []],
      [3, 'E0005', 'update', []],
      [4, 'N1001', null, ['工号与第 2 行重复']],
      [5, 'N1002', null, ['缺少姓名']],
      [6, 'N1003', null, ['手机号“1380000”格式不正确']],
      [7, 'N1004', null, ['未知角色“局长”（可填：职工、组织者、管理员）']],
      [8, 'N1005', null, ['缺少部门']],
    ])
    expect(await app.store.countEmployees()).toBe(count)
    expect(await app.store.getEmployeeByNo('N1001')).toBeNull()
    expect(await app.store.getEmployeeByNo('E0005')).toEqual(e0005)
  })

  it('imports only the valid rows on commit, creating new 工号 and updating existing ones', async () => {
    const count = await app.store.countEmployees()
    const result = dataOf(await importRoster('花名册.xlsx', await xlsxBase64(MIXED_ROWS), true))
    expect(result.imported).toEqual({ created: 1, updated: 1 })
    expect(await app.store.countEmployees()).toBe(count + 1)
    expect(await app.store.getEmployeeByNo('N1001')).toMatchObject({
      name: '王小明',
      department: '办公室',
      phone: '13800001111',
      role: 'employee',
      active: true,
    })
    expect(await app.store.getEmployeeByNo('E0005')).toMatchObject({
      name: '周新名',
      department: '人事教育科',
      phone: '13800002222',
      role: 'organizer',
    })
    for (const no of ['N1002', 'N1003', 'N1004', 'N1005']) expect(await app.store.getEmployeeByNo(no)).toBeNull()
  })

  it('reads the columns by their headers, in any order', async () => {
    const file = await xlsxBase64([
      ['角色', '手机', '姓名', '部门', '工号'],
      ['管理员', '13700001234', '陈晓', '财务审计科', 'n2001'],
    ])
    const preview = dataOf(await importRoster('roster.xlsx', file))
    expect(preview.rows).toEqual([
      {
        line: 2,
        employeeNo: 'N2001',
        name: '陈晓',
        department: '财务审计科',
        phone: '13700001234',
        role: 'admin',
        errors: [],
        action: 'create',
      },
    ])
  })

  it('reads an .xlsx whose header row leaves a column empty', async () => {
    const file = await xlsxBase64([
      ['工号', '姓名', null, '部门'],
      ['N2002', '林静', '备注', '机关党委'],
    ])
    const preview = dataOf(await importRoster('roster.xlsx', file))
    expect(preview.rows.map((r: any) => [r.employeeNo, r.name, r.department, r.errors])).toEqual([
      ['N2002', '林静', '机关党委', []],
    ])
  })

  it('names the missing header columns and imports nothing from such a file', async () => {
    const file = await xlsxBase64([
      ['工号', '手机'],
      ['N3001', '13800003333'],
    ])
    const preview = dataOf(await importRoster('roster.xlsx', file))
    expect(preview).toMatchObject({ valid: 0, invalid: 1 })
    expect(preview.rows[0].line).toBe(1)
    expect(preview.rows[0].errors[0]).toContain('表头缺少：姓名、部门')
    const count = await app.store.countEmployees()
    const commit = await importRoster('roster.xlsx', file, true)
    expect(commit.status).toBe(400)
    expect(await app.store.countEmployees()).toBe(count)
  })

  it('answers 400 with a Chinese message to a file that is not a spreadsheet', async () => {
    const count = await app.store.countEmployees()
    const text = Buffer.from('工号 姓名 部门\nN4001 张三 办公室').toString('base64')
    const result = await importRoster('roster.xlsx', text, true)
    expect(result.status).toBe(400)
    expect(errorOf(result).message).toContain('无法读取这个文件')
    expect(await app.store.countEmployees()).toBe(count)
  })

  it('answers 400 to a file name that is neither .xlsx nor .csv', async () => {
    const result = await importRoster('roster.pdf', await xlsxBase64(MIXED_ROWS), true)
    expect(result.status).toBe(400)
    expect(errorOf(result).message).toContain('请上传 .xlsx 或 .csv 文件')
  })

  it('imports a UTF-8 CSV with a byte-order mark, keeping 工号 and phone as text', async () => {
    const file = utf8Csv([HEADER, ['000123', '欧阳娜娜', '财务审计科', '13900000001', '']])
    const result = dataOf(await importRoster('roster.csv', file, true))
    expect(result.imported).toEqual({ created: 1, updated: 0 })
    expect(await app.store.getEmployeeByNo('000123')).toMatchObject({
      name: '欧阳娜娜',
      department: '财务审计科',
      phone: '13900000001',
    })
  })

  it('imports a GB18030 CSV as Excel saves it on Chinese Windows', async () => {
    const bytes = encodeGb18030(csvText([HEADER, ['N5001', '诸葛亮', '应急指挥中心', '13900000002', '联络员']]))
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow()
    const result = dataOf(await importRoster('花名册.csv', bytes.toString('base64'), true))
    expect(result.imported).toEqual({ created: 1, updated: 0 })
    expect(await app.store.getEmployeeByNo('N5001')).toMatchObject({
      name: '诸葛亮',
      department: '应急指挥中心',
      role: 'organizer',
    })
  })
})

describe('employee accounts', () => {
  it('shuts a deactivated employee out and lets them back in when reactivated', async () => {
    const target = (await app.store.getEmployeeByNo('E0150'))!
    const principal = { employeeId: target.id }
    dataOf(await app.call('admin.employee.update', { id: target.id, active: false }, admin))
    const refused = await app.call('me.get', {}, principal)
    expect(refused.status).toBe(403)
    expect(errorOf(refused).message).toContain('已停用')
    dataOf(await app.call('admin.employee.update', { id: target.id, active: true }, admin))
    expect(dataOf(await app.call('me.get', {}, principal)).employee.employeeNo).toBe('E0150')
  })

  it('refuses with 409 an administrator deactivating their own account', async () => {
    const result = await app.call('admin.employee.update', { id: admin.employeeId, active: false }, admin)
    expect(result.status).toBe(409)
    expect((await app.store.getEmployeeById(admin.employeeId!))!.active).toBe(true)
    expect((await app.call('me.get', {}, admin)).status).toBe(200)
  })

  it('refuses with 409 an administrator removing their own administrator role', async () => {
    const result = await app.call('admin.employee.update', { id: admin.employeeId, role: 'organizer' }, admin)
    expect(result.status).toBe(409)
    expect((await app.store.getEmployeeById(admin.employeeId!))!.role).toBe('admin')
  })

  it('keeps everyone’s role when the file has no 角色 column', async () => {
    const me = (await app.store.getEmployeeByNo('E0001'))!
    const organizer = (await app.store.getEmployeeByNo('E0003'))!
    const file = utf8Csv([
      ['工号', '姓名', '部门'],
      ['E0001', me.name, me.department],
      ['E0003', organizer.name, organizer.department],
      ['E0150', '新名字', '办公室'],
    ])
    const result = dataOf(await importRoster('花名册.csv', file, true))
    expect(result.imported).toEqual({ created: 0, updated: 3 })
    expect((await app.store.getEmployeeByNo('E0001'))!.role).toBe('admin')
    expect((await app.store.getEmployeeByNo('E0003'))!.role).toBe('organizer')
    expect((await app.store.getEmployeeByNo('E0150'))!.role).toBe('employee')
  })

  it('never lets a roster import take away the importing administrator’s own role', async () => {
    const me = (await app.store.getEmployeeByNo('E0001'))!
    const file = utf8Csv([
      ['工号', '姓名', '部门', '角色'],
      ['E0001', me.name, me.department, '职工'],
      ['E0150', '新名字', '办公室', '职工'],
    ])
    const result = dataOf(await importRoster('花名册.csv', file, true))
    expect(result.rows[0]).toMatchObject({ employeeNo: 'E0001', action: null })
    expect(result.rows[0].errors).toEqual(['不能通过导入取消自己的管理员权限'])
    expect(result.imported).toEqual({ created: 0, updated: 1 })
    expect((await app.store.getEmployeeByNo('E0001'))!.role).toBe('admin')
    expect((await app.call('admin.employee.list', {}, admin)).status).toBe(200)
  })

  it('returns the updated employee even when another 工号 contains theirs', async () => {
    dataOf(
      await importRoster(
        'r.csv',
        utf8Csv([HEADER, ['112', '张一', '办公室', '', ''], ['12', '李二', '办公室', '', '']]),
        true,
      ),
    )
    const twelve = (await app.store.getEmployeeByNo('12'))!
    const updated = dataOf(await app.call('admin.employee.update', { id: twelve.id, name: '李二新' }, admin))
    expect(updated).toMatchObject({ id: twelve.id, employeeNo: '12', name: '李二新' })
    expect((await app.store.getEmployeeByNo('112'))!.name).toBe('张一')
  })

  it('frees a WeChat binding so that another WeChat account can bind the entry', async () => {
    const target = (await app.store.getEmployeeByNo('E0042'))!
    const bind = { employeeNo: 'E0042', name: target.name }
    dataOf(await app.call('auth.bind', bind, { openid: 'wx-old-phone' }))
    const listed = () => app.call('admin.employee.list', { q: 'E0042' }, admin)
    expect(dataOf(await listed()).items[0].bound).toBe(true)
    dataOf(await app.call('admin.employee.unbind', { id: target.id }, admin))
    expect(dataOf(await listed()).items[0].bound).toBe(false)
    expect((await app.call('me.get', {}, { openid: 'wx-old-phone' })).status).toBe(401)
    dataOf(await app.call('auth.bind', bind, { openid: 'wx-new-phone' }))
    expect(dataOf(await app.call('me.get', {}, { openid: 'wx-new-phone' })).employee.employeeNo).toBe('E0042')
  })

  it('refuses to bind a roster entry that another WeChat account already holds', async () => {
    const target = (await app.store.getEmployeeByNo('E0042'))!
    const bind = { employeeNo: 'E0042', name: target.name }
    dataOf(await app.call('auth.bind', bind, { openid: 'wx-owner' }))
    const takeover = await app.call('auth.bind', bind, { openid: 'wx-someone-else' })
    expect(takeover.status).toBe(409)
    expect((await app.store.getEmployeeByOpenid('wx-owner'))?.employeeNo).toBe('E0042')
  })
})
