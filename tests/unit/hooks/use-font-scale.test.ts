/** The font scale in use: the larger of WeChat's setting and the person's own choice on 我的, kept in storage. */
type Store = typeof import('../../../src/hooks/use-font-scale')

interface FakeTaro {
  storage: Map<string, unknown>
  getAppBaseInfo?: () => unknown
}

/** The store, loaded afresh against a fake Taro with `wechat` as getAppBaseInfo's answer (`null`: no such API). */
function load(wechat: unknown, saved?: unknown): { store: Store; taro: FakeTaro } {
  const taro: FakeTaro = {
    storage: new Map(saved === undefined ? [] : [['wm.fontScale', saved]]),
    getAppBaseInfo: wechat === null ? undefined : () => wechat,
  }
  let store: Store | undefined
  jest.isolateModules(() => {
    jest.doMock('@tarojs/taro', () => ({
      __esModule: true,
      default: {
        get getAppBaseInfo() {
          return taro.getAppBaseInfo
        },
        getStorageSync: (key: string) => (taro.storage.has(key) ? taro.storage.get(key) : ''),
        setStorageSync: (key: string, value: unknown) => void taro.storage.set(key, value),
      },
    }))
    store = require('../../../src/hooks/use-font-scale') as Store
  })
  return { store: store!, taro }
}

describe('font scale', () => {
  it('follows WeChat’s font size when the person chose nothing', () => {
    expect(load({ fontSizeScaleFactor: 1.3 }).store.fontScale()).toBe(1.3)
  })

  it('takes the larger of WeChat’s size and the person’s choice', () => {
    expect(load({ fontSizeScaleFactor: 1.1 }, 1.5).store.fontScale()).toBe(1.5)
    expect(load({ fontSizeScaleFactor: 1.4 }, 1.25).store.fontScale()).toBe(1.4)
  })

  it('never goes below 1, nor above 2', () => {
    expect(load({ fontSizeScaleFactor: 0.85 }).store.fontScale()).toBe(1)
    expect(load({ fontSizeScaleFactor: 3.2 }).store.fontScale()).toBe(2)
  })

  it('is 1 where WeChat says nothing usable: no API (H5, old WeChat), no factor, not a number', () => {
    for (const answer of [null, {}, { fontSizeScaleFactor: 'big' }, { fontSizeScaleFactor: Number.NaN }, undefined]) {
      expect(load(answer).store.fontScale()).toBe(1)
    }
  })

  it('ignores a saved choice that is not one of 标准, 大, 特大', () => {
    expect(load({}, 3).store.fontScaleChoice()).toBe(1)
    expect(load({}, 'large').store.fontScaleChoice()).toBe(1)
  })

  it('keeps the person’s choice in storage and tells the pages', () => {
    const { store, taro } = load({ fontSizeScaleFactor: 1 })
    const seen: number[] = []
    const stop = store.onFontScaleChange(() => seen.push(store.fontScale()))
    store.setFontScaleChoice(1.25)
    expect(seen).toEqual([1.25])
    expect(taro.storage.get('wm.fontScale')).toBe(1.25)
    // The next launch starts from it.
    expect(load({}, taro.storage.get('wm.fontScale')).store.fontScale()).toBe(1.25)
    stop()
    store.setFontScaleChoice(1.5)
    expect(seen).toEqual([1.25])
  })

  it('reads WeChat’s size again when the mini-program comes back to the front', () => {
    const { store, taro } = load({ fontSizeScaleFactor: 1 })
    expect(store.fontScale()).toBe(1)
    taro.getAppBaseInfo = () => ({ fontSizeScaleFactor: 1.4 })
    const seen: number[] = []
    store.onFontScaleChange(() => seen.push(store.fontScale()))
    store.refreshSystemFontScale()
    expect(store.fontScale()).toBe(1.4)
    expect(seen).toEqual([1.4])
  })
})
