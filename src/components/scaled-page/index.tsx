import { View } from '@tarojs/components'
import type { ComponentType, CSSProperties } from 'react'
import { useFontScale } from '../../hooks/use-font-scale'

/** From this scale on, some rows hold fewer items (`.wm-scaled--large` in the page styles). */
const LARGE = 1.4

/**
 * A page whose text follows 大字模式: its root carries `--wm-font-scale`, by which every font size of the app and of
 * NutUI is multiplied (config/postcss-font-scale.ts). On weapp a page's own root is the only place to set it: the
 * `page` element cannot be styled from code.
 */
export default function scaledPage<P extends object>(Page: ComponentType<P>): ComponentType<P> {
  function ScaledPage(props: P) {
    const scale = useFontScale()
    return (
      <View
        className={`wm-scaled${scale >= LARGE ? ' wm-scaled--large' : ''}`}
        style={{ '--wm-font-scale': String(scale) } as CSSProperties}
      >
        <Page {...props} />
      </View>
    )
  }
  ScaledPage.displayName = `Scaled(${Page.displayName ?? Page.name})`
  return ScaledPage
}
