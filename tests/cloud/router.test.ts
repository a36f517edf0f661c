import { ERROR_STATUS } from '../../src/domain/errors'
import { createInProcess, type InProcess } from './helpers'

let app: InProcess
let admin: { employeeId: number }
let employee: { employeeId: number }

beforeAll(async () => {
  app = await createInProcess()
  admin = { employeeId: (await app.store.getEmployeeByNo('E0001'))!.id }
  employee = { employeeId: (await app.store.getEmployeeByNo('E0150'))!.id }
})

afterAll(() => app.close())

describe('router', () => {
  it('answers an unknown action with 404 unknown_action', async () => {
    const result = await app.call('nope.nothing', {}, employee)
    expect(result.status).toBe(404)
    expect(result.body).toEqual({
      ok: false,
      error: { code: 'unknown_action', message: expect.stringContaining('不支持') },
    })
  })

  it('does not treat Object.prototype names as actions', async () => {
    const result = await app.call('constructor', {}, employee)
    expect(result.status).toBe(404)
  })

  it('refuses an action that needs an employee when there is no identity', async () => {
    const result = await app.call('me.get', {}, {})
    expect(result.status).toBe(401)
    expect(result.body.ok).toBe(false)
  })

  it('checks identity before the input schema', async () => {
    const result = await app.call('plan.get', { id: 'not a number' }, {})
    expect(result.status).toBe(401)
  })

  it('rejects a payload with unknown fields with a Chinese message', async () => {
    const result = await app.call('plan.get', { id: 1, extra: true }, employee)
    expect(result.status).toBe(400)
    if (result.body.ok) throw new Error('expected an error')
    expect(result.body.error.code).toBe('invalid_input')
    expect(result.body.error.message).toMatch(/[\u4e00-\u9fa5]/)
  })

  it.each([[{ id: '1' }], [{ id: -1 }], [{ id: 1.5 }], [{}], [[1]], ['text'], [{ id: 2 ** 40 }]])(
    'rejects plan.get with bad input %j as 400',
    async (payload) => {
      const result = await app.call('plan.get', payload, employee)
      expect(result.status).toBe(400)
    },
  )

  it('resolves identity from an OPENID bound to the roster', async () => {
    const bind = await app.call(
      'auth.bind',
      { employeeNo: 'E0042', name: (await app.store.getEmployeeByNo('E0042'))!.name },
      { openid: 'wx-openid-42' },
    )
    expect(bind.status).toBe(200)
    const me = await app.call('me.get', {}, { openid: 'wx-openid-42' })
    expect(me.body).toMatchObject({ ok: true, data: { employee: { employeeNo: 'E0042' } } })
  })

  it('refuses to bind when the name does not match the roster', async () => {
    const result = await app.call('auth.bind', { employeeNo: 'E0043', name: '不存在的人' }, { openid: 'wx-openid-43' })
    expect(result.status).toBe(404)
    expect(await app.store.getEmployeeByOpenid('wx-openid-43')).toBeNull()
  })

  it('refuses to bind a second roster entry to the same WeChat user', async () => {
    const other = (await app.store.getEmployeeByNo('E0044'))!
    const result = await app.call('auth.bind', { employeeNo: 'E0044', name: other.name }, { openid: 'wx-openid-42' })
    expect(result.status).toBe(409)
    expect((await app.store.getEmployeeByOpenid('wx-openid-42'))!.employeeNo).toBe('E0042')
  })

  it('asks an unbound WeChat user to bind first', async () => {
    const result = await app.call('plan.current', {}, { openid: 'wx-never-bound' })
    expect(result.status).toBe(401)
    if (result.body.ok) throw new Error('expected an error')
    expect(result.body.error.message).toContain('绑定')
  })

  it('maps every error code to the status of the contract', () => {
    expect(ERROR_STATUS).toMatchObject({
      invalid_input: 400,
      unauthenticated: 401,
      forbidden: 403,
      not_found: 404,
      conflict: 409,
      payload_too_large: 413,
      internal: 500,
    })
  })

  it('never lets the payload choose the caller', async () => {
    const result = await app.call('me.get', { employeeId: admin.employeeId }, employee)
    expect(result.status).toBe(400)
    const me = await app.call('me.get', {}, employee)
    expect(me.body).toMatchObject({ ok: true, data: { employee: { employeeNo: 'E0150' } } })
  })
})
