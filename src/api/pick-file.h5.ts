import type { PickedFile } from './pick-file'

/** H5: a hidden <input type=file>, read as base64 with FileReader. */
export function pickTableFile(): Promise<PickedFile | null> {
  return new Promise((resolve, reject) => {
    const input = document.createElement('input')
    input.type = 'file'
    input.accept = '.xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv'
    input.style.display = 'none'
    document.body.appendChild(input)
    const done = () => input.remove()
    input.addEventListener('cancel', () => {
      done()
      resolve(null)
    })
    input.addEventListener('change', () => {
      const file = input.files?.[0]
      done()
      if (!file) return resolve(null)
      const reader = new FileReader()
      reader.onload = () => {
        const url = String(reader.result ?? '')
        resolve({ fileName: file.name, base64: url.slice(url.indexOf(',') + 1) })
      }
      reader.onerror = () => reject(new Error('无法读取这个文件，请重新选择'))
      reader.readAsDataURL(file)
    })
    input.click()
  })
}
