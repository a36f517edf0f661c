/**
 * Draws the tab bar icons (WeChat wants PNG, 81×81) from the SVG shapes below with headless Chromium.
 * Run once after changing a shape: `npx tsx scripts/make-tab-icons.ts`; the PNGs are committed.
 */
import path from 'node:path'
import { chromium } from 'playwright-core'

const SHAPES: Record<string, string> = {
  home: '<path d="M12 36 L40 12 L68 36" /><path d="M20 31 V66 H60 V31" /><path d="M34 66 V48 H46 V66" />',
  activities:
    '<rect x="14" y="18" width="52" height="48" rx="6" /><path d="M14 32 H66" /><path d="M28 12 V24" /><path d="M52 12 V24" /><path d="M28 46 L36 54 L52 40" />',
  mine: '<circle cx="40" cy="28" r="13" /><path d="M16 68 C18 52 28 46 40 46 C52 46 62 52 64 68" />',
}
const COLORS = { normal: '#6B6B6B', active: '#C8161D' }
const OUT = path.resolve(__dirname, '../src/assets/tab')

async function main(): Promise<void> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
  })
  const page = await browser.newPage({ viewport: { width: 81, height: 81 }, deviceScaleFactor: 1 })
  for (const [name, shape] of Object.entries(SHAPES)) {
    for (const [state, color] of Object.entries(COLORS)) {
      const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="81" height="81" viewBox="0 0 80 80" fill="none" stroke="${color}" stroke-width="5" stroke-linecap="round" stroke-linejoin="round">${shape}</svg>`
      await page.setContent(`<html><body style="margin:0;background:transparent">${svg}</body></html>`)
      await page.screenshot({ path: path.join(OUT, `${name}-${state}.png`), omitBackground: true })
    }
  }
  await browser.close()
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
