const DIGITS: Record<string, number> = {
  〇: 0,
  零: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
}

/** Converts a Chinese numeral from 一 to 九十九 (十一, 二十, 二十三…) to a number; null when it is not one. */
export function parseChineseNumeral(text: string): number | null {
  if (!text) return null
  const ten = text.indexOf('十')
  if (ten < 0) return text.length === 1 && text in DIGITS ? DIGITS[text] : null
  if (text.indexOf('十', ten + 1) >= 0) return null
  const tensPart = text.slice(0, ten)
  const unitPart = text.slice(ten + 1)
  const tens = tensPart === '' ? 1 : tensPart.length === 1 ? DIGITS[tensPart] : undefined
  const units = unitPart === '' ? 0 : unitPart.length === 1 ? DIGITS[unitPart] : undefined
  if (tens === undefined || units === undefined || tens === 0) return null
  return tens * 10 + units
}

/** Converts ASCII or full-width digits (`"１２"`) to a number. */
export function parseArabicNumeral(text: string): number {
  const ascii = text.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xff10 + 48))
  return Number.parseInt(ascii, 10)
}

/** Reads a year written digit by digit in Chinese (`二〇二三`) as a number; null when it is not one. */
export function parseChineseYear(text: string): number | null {
  if (!/^[〇零一二三四五六七八九]{4}$/.test(text)) return null
  let year = 0
  for (const ch of text) year = year * 10 + DIGITS[ch]
  return year
}
