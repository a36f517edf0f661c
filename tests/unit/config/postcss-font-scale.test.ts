import postcss from 'postcss'
import fontScale from '../../../config/postcss-font-scale'

async function run(css: string): Promise<string> {
  return (await postcss([fontScale()]).process(css, { from: undefined })).css
}

describe('the font-scale PostCSS plugin', () => {
  it('multiplies absolute font sizes, NutUI’s variables included, by --wm-font-scale', async () => {
    expect(await run('.a { font-size: 28rpx }')).toBe('.a { font-size: calc(28rpx * var(--wm-font-scale, 1)) }')
    expect(await run('.a { font-size: .7rem }')).toBe('.a { font-size: calc(.7rem * var(--wm-font-scale, 1)) }')
    expect(await run('.a { font-size: var(--nutui-font-size-base, 28rpx) }')).toBe(
      '.a { font-size: calc(var(--nutui-font-size-base, 28rpx) * var(--wm-font-scale, 1)) }',
    )
  })

  it('keeps the !important of a declaration', async () => {
    expect(await run('.a { font-size: 30rpx !important }')).toBe(
      '.a { font-size: calc(30rpx * var(--wm-font-scale, 1)) !important }',
    )
  })

  it('leaves sizes relative to the parent and keywords alone: they follow the parent’s scaled size', async () => {
    for (const value of ['1.2em', '80%', 'inherit', 'smaller', '0']) {
      expect(await run(`.a { font-size: ${value} }`)).toBe(`.a { font-size: ${value} }`)
    }
  })

  it('leaves a size alone after the comment that opts out of scaling', async () => {
    expect(await run('.a { /* wm-font-scale: off */ font-size: 150rpx; }')).toBe(
      '.a { /* wm-font-scale: off */ font-size: 150rpx; }',
    )
    expect(await run('.a { /* other */ font-size: 150rpx; }')).toBe(
      '.a { /* other */ font-size: calc(150rpx * var(--wm-font-scale, 1)); }',
    )
  })

  it('gives absolute line heights a floor of 1.25em and leaves relative ones alone', async () => {
    expect(await run('.a { line-height: 88rpx }')).toBe('.a { line-height: max(88rpx, 1.25em) }')
    expect(await run('.a { line-height: var(--nut-icon-line-height, 32rpx) }')).toBe(
      '.a { line-height: max(var(--nut-icon-line-height, 32rpx), 1.25em) }',
    )
    for (const value of ['1.6', '150%', 'normal', '2.1em']) {
      expect(await run(`.a { line-height: ${value} }`)).toBe(`.a { line-height: ${value} }`)
    }
  })

  it('does not wrap twice when a style sheet goes through it again', async () => {
    const once = await run('.a { font-size: 28rpx; line-height: 40rpx }')
    expect(await run(once)).toBe(once)
  })
})
