import type { ExportFile } from '../domain/admin'

/** H5: turns the base64 into a Blob and downloads it through a temporary <a download>. */
export async function saveExportFile(file: ExportFile): Promise<void> {
  const binary = atob(file.base64)
  const bytes = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i)
  const url = URL.createObjectURL(new Blob([bytes], { type: file.mimeType }))
  const link = document.createElement('a')
  link.href = url
  link.download = file.fileName
  link.style.display = 'none'
  document.body.appendChild(link)
  link.click()
  link.remove()
  // The browser has taken the file by the time the click returns; give it a moment before freeing the memory.
  setTimeout(() => URL.revokeObjectURL(url), 30_000)
}
