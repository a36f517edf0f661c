import { configure as configureIcons } from '@nutui/icons-react-taro'
import Taro, { useDidShow, useLaunch } from '@tarojs/taro'
import type { PropsWithChildren } from 'react'
import { initFontScale, refreshSystemFontScale } from './hooks/use-font-scale'
import { makeScrollersFocusable } from './platform/focusable-scrollers'
import './app.scss'

// NutUI draws its icons (the buttons' spinners among them) as <i>, which a mini-program has no template for and
// so never shows; a view takes the same class and mask there. H5 keeps <i>.
if (process.env.TARO_ENV !== 'h5') configureIcons({ tag: 'view' })

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
