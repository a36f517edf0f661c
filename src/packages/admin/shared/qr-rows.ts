import createQr from 'qrcode-generator'

/** The dark and light runs of each row of a QR code, so a row draws as a few blocks instead of one per module. */
export function encodeQrRows(text: string): { size: number; rows: { dark: boolean; length: number }[][] } {
  const qr = createQr(0, 'M')
  qr.addData(text)
  qr.make()
  const size = qr.getModuleCount()
  const rows = Array.from({ length: size }, (_, r) => {
    const runs: { dark: boolean; length: number }[] = []
    for (let c = 0; c < size; c++) {
      const dark = qr.isDark(r, c)
      const last = runs[runs.length - 1]
      if (last && last.dark === dark) last.length++
      else runs.push({ dark, length: 1 })
    }
    return runs
  })
  return { size, rows }
}
