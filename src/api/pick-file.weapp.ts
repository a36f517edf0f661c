import Taro from '@tarojs/taro'
import type { PickedFile } from './pick-file'

/** WeChat: a file from a chat (the usual way a roster reaches a phone), read as base64. */
export async function pickTableFile(): Promise<PickedFile | null> {
  let chosen: Taro.chooseMessageFile.SuccessCallbackResult
  try {
    chosen = await Taro.chooseMessageFile({ count: 1, type: 'file', extension: ['xlsx', 'csv'] })
  } catch {
    // Backing out of the chooser rejects; that is not an error to show.
    return null
  }
  const file = chosen.tempFiles[0]
  if (!file) return null
  const base64 = await new Promise<string>((resolve, reject) => {
    Taro.getFileSystemManager().readFile({
      filePath: file.path,
      encoding: 'base64',
      success: (result) => resolve(String(result.data)),
      fail: () => reject(new Error('无法读取这个文件，请重新选择')),
    })
  })
  return { fileName: file.name, base64 }
}
