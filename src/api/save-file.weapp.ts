import Taro from '@tarojs/taro'
import type { ExportFile } from '../domain/admin'

/** WeChat: writes the file to the user data folder and opens it, with the menu to forward or save it. */
export async function saveExportFile(file: ExportFile): Promise<void> {
  const filePath = `${Taro.env.USER_DATA_PATH}/${file.fileName}`
  await new Promise<void>((resolve, reject) => {
    Taro.getFileSystemManager().writeFile({
      filePath,
      data: file.base64,
      encoding: 'base64',
      success: () => resolve(),
      fail: (error) => reject(new Error(error.errMsg || '文件保存失败')),
    })
  })
  await Taro.openDocument({ filePath, fileType: 'xlsx', showMenu: true })
}
