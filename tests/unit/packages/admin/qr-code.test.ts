import createQr from 'qrcode-generator'
import { encodeQrRows } from '../../../../src/packages/admin/shared/qr-rows'

describe('the check-in QR code', () => {
  it('draws every module of the code, row by row, as dark and light runs', () => {
    const text = 'wmcheckin:12:123456'
    const { size, rows } = encodeQrRows(text)
    const reference = createQr(0, 'M')
    reference.addData(text)
    reference.make()
    expect(size).toBe(reference.getModuleCount())
    rows.forEach((runs, r) => {
      const cells = runs.flatMap((run) => Array.from({ length: run.length }, () => run.dark))
      expect(cells).toEqual(Array.from({ length: size }, (_, c) => reference.isDark(r, c)))
    })
  })

  it('starts every row of the finder pattern dark', () => {
    const { rows } = encodeQrRows('wmcheckin:1:000000')
    expect(rows[0][0]).toMatchObject({ dark: true, length: 7 })
  })
})
