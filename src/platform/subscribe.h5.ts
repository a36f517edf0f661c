/** H5 has no subscribe messages: the inbox is the only channel. */
export function askForActivityNotices(): void {}
