/**
 * Large text (适老化) without touching every style sheet: every `font-size` of the app and of NutUI is multiplied by
 * `--wm-font-scale`, which the page root sets (1 when unset). Absolute line heights get a floor of 1.25em so that
 * lines of larger text never overlap; at scale 1 the floor is below every line height we use, so nothing moves.
 *
 * Runs after pxtransform (Taro appends user plugins), so it sees rpx on weapp and rem on H5; the arithmetic is left
 * to calc() and max(), which WeChat's webview and the browsers we support evaluate.
 *
 * A size that is already as large as the screen allows (the check-in code on the desk) opts out with a block comment
 * saying `wm-font-scale: off` right before the declaration.
 *
 * Plain CommonJS: Taro require()s it while building, when only its own files are compiled from TypeScript.
 */

const SCALE = 'var(--wm-font-scale, 1)'

/** Keywords, and sizes relative to the parent (em, %), which follow the parent's scaled size already. */
const KEEP_FONT_SIZE = /^(inherit|initial|unset|revert|revert-layer|smaller|larger|0)$|[0-9.](em|%)/i

/** A line height in an absolute unit, or a variable whose fallback is one. */
const ABSOLUTE_LINE_HEIGHT = /^(?:[0-9.]+(?:px|rpx|rem|vw)|var\(.*[0-9.](?:px|rpx|rem)\))$/i

/** @param {string} value */
function scaleFontSize(value) {
  const trimmed = value.trim()
  if (trimmed.includes('--wm-font-scale') || KEEP_FONT_SIZE.test(trimmed)) return value
  return `calc(${trimmed} * ${SCALE})`
}

/** @param {string} value */
function floorLineHeight(value) {
  const trimmed = value.trim()
  if (!ABSOLUTE_LINE_HEIGHT.test(trimmed)) return value
  return `max(${trimmed}, 1.25em)`
}

/** @param {import('postcss').Declaration} decl */
function optedOut(decl) {
  const before = decl.prev()
  return before?.type === 'comment' && before.text.trim() === 'wm-font-scale: off'
}

/** @returns {import('postcss').Plugin} */
function fontScale() {
  return {
    postcssPlugin: 'wm-font-scale',
    Declaration: {
      'font-size': (decl) => {
        if (!optedOut(decl)) decl.value = scaleFontSize(decl.value)
      },
      'line-height': (decl) => {
        decl.value = floorLineHeight(decl.value)
      },
    },
  }
}
fontScale.postcss = true
fontScale.scaleFontSize = scaleFontSize
fontScale.floorLineHeight = floorLineHeight

module.exports = fontScale
