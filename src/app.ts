import Taro, { useDidShow, useLaunch } from '@tarojs/taro'
import type { PropsWithChildren } from 'react'
import { initFontScale, refreshSystemFontScale } from './hooks/use-font-scale'
import { makeScrollersFocusable } from './platform/focusable-scrollers'
import './app.scss'

function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    if (process.env.TARO_ENV === 'weapp') Taro.cloud.init({ traceUser: true })
    makeScrollersFocusable()
    initFontScale()
  })
  // WeChat's font size may have changed while the mini-program was in the background.
  useDidShow(refreshSystemFontScale)
  return children
}

export default App
