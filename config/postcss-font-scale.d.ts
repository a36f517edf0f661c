import type { PluginCreator } from 'postcss'

/** config/postcss-font-scale.js: every font size times --wm-font-scale, a floor under absolute line heights. */
declare const fontScale: PluginCreator<unknown> & {
  scaleFontSize(value: string): string
  floorLineHeight(value: string): string
}
export = fontScale
