/** WeChat: nothing to do, there is no keyboard focus in a mini-program. */
export function makeScrollersFocusable(): void {}
