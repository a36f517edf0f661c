import type { ExportFile } from '../domain/admin'

/** Saves a file made by the cloud layer: a download in the browser, opened for sharing in WeChat. */
export declare function saveExportFile(file: ExportFile): Promise<void>
