/** A file the user picked, read whole. */
export interface PickedFile {
  fileName: string
  base64: string
}

/** Lets the user pick one .xlsx or .csv file; null when they back out. */
export declare function pickTableFile(): Promise<PickedFile | null>
