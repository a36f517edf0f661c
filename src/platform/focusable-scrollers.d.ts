/** Lets a keyboard reach and scroll every scroll container of the app (a no-op where there is no keyboard). */
export declare function makeScrollersFocusable(): void
