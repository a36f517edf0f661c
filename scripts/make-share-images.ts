/**
 * Draws the square pictures of a page posted to 朋友圈 (WeChat shows them 1:1) with headless Chromium: one per kind
 * of page, in the package that uses it. Run once after changing a design: `npx tsx scripts/make-share-images.ts`;
 * the JPEGs (half the size of PNGs) are committed. config/index.ts copies them into the weapp build; src/hooks/use-share.ts names them.
 */
import path from 'node:path'
import { chromium } from 'playwright-core'

const SRC = path.resolve(__dirname, '../src')
const SIZE = 240

const IMAGES: { file: string; glyph: string; caption: string; background: string }[] = [
  { file: 'assets/share/activity.jpg', glyph: '践', caption: '文明实践活动', background: '#C8161D' },
  { file: 'assets/share/theme.jpg', glyph: '要', caption: '精神文明建设工作要点', background: '#9E1B22' },
  { file: 'packages/goodpeople/assets/share.jpg', glyph: '善', caption: '身边好人推荐评选', background: '#B5651D' },
]

function html({ glyph, caption, background }: (typeof IMAGES)[number]): string {
  return `<html><body style="margin:0">
<div style="width:${SIZE}px;height:${SIZE}px;background:${background};display:flex;flex-direction:column;align-items:center;justify-content:center;font-family:'WenQuanYi Micro Hei',sans-serif">
  <div style="width:132px;height:132px;border:6px solid #E8C77A;border-radius:50%;box-sizing:border-box;display:flex;align-items:center;justify-content:center;color:#FFF8E8;font-size:76px;line-height:1">${glyph}</div>
  <div style="margin-top:18px;color:#FFF8E8;font-size:${caption.length > 8 ? 19 : 22}px;letter-spacing:2px">${caption}</div>
</div></body></html>`
}

async function main(): Promise<void> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
  })
  const page = await browser.newPage({ viewport: { width: SIZE, height: SIZE }, deviceScaleFactor: 1 })
  for (const image of IMAGES) {
    await page.setContent(html(image))
    await page.screenshot({ path: path.join(SRC, image.file), type: 'jpeg', quality: 75 })
    console.log(image.file)
  }
  await browser.close()
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
