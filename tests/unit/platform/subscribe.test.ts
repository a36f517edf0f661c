/**
 * The weapp's request for subscribe messages in the register tap: made synchronously (WeChat shows its dialog only
 * from the synchronous part of a tap), with the build's templates, and unable to fail the registration.
 */
import { askForActivityNotices, parseTemplateIds } from '../../../src/platform/subscribe.weapp'

const requestSubscribeMessage = jest.fn()

jest.mock('@tarojs/taro', () => ({
  __esModule: true,
  default: { requestSubscribeMessage: (...args: unknown[]) => requestSubscribeMessage(...args) },
}))

beforeEach(() => requestSubscribeMessage.mockReset())

describe('template ids from the build', () => {
  it('splits on commas, drops blanks and keeps at most three', () => {
    expect(parseTemplateIds(' t-reminder, t-promoted,,t-cancelled , t-extra')).toEqual([
      't-reminder',
      't-promoted',
      't-cancelled',
    ])
    expect(parseTemplateIds('')).toEqual([])
    expect(parseTemplateIds(undefined)).toEqual([])
  })
})

describe('asking for the activity notices in the tap', () => {
  it('calls wx.requestSubscribeMessage before it returns, with the templates', () => {
    requestSubscribeMessage.mockReturnValue(new Promise(() => undefined))
    askForActivityNotices(['t-reminder', 't-promoted'])
    expect(requestSubscribeMessage).toHaveBeenCalledTimes(1)
    expect(requestSubscribeMessage).toHaveBeenCalledWith({ tmplIds: ['t-reminder', 't-promoted'] })
  })

  it('asks nothing when the build names no templates', () => {
    askForActivityNotices([])
    expect(requestSubscribeMessage).not.toHaveBeenCalled()
  })

  it('swallows a refusal and a missing API, so the registration that follows goes ahead', async () => {
    const unhandled: unknown[] = []
    const onUnhandled = (reason: unknown) => unhandled.push(reason)
    process.on('unhandledRejection', onUnhandled)
    try {
      requestSubscribeMessage.mockReturnValueOnce(Promise.reject({ errCode: 20004, errMsg: 'main switch is off' }))
      expect(() => askForActivityNotices(['t-reminder'])).not.toThrow()
      requestSubscribeMessage.mockImplementationOnce(() => {
        throw new TypeError('requestSubscribeMessage is not a function')
      })
      expect(() => askForActivityNotices(['t-reminder'])).not.toThrow()
      // Let Node report rejections nobody handled (it does so after the microtask queue drains).
      await new Promise((resolve) => setImmediate(resolve))
      expect(unhandled).toEqual([])
      expect(requestSubscribeMessage).toHaveBeenCalledTimes(2)
    } finally {
      process.off('unhandledRejection', onUnhandled)
    }
  })
})
