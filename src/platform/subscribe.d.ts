/**
 * Asks WeChat, once per registration, for permission to send this activity's reminder, promotion and cancellation
 * messages. Call it first thing in the tap handler, before any await: WeChat shows its dialog only from the
 * synchronous part of a tap. It never throws and is never awaited, so a refusal cannot hold up the registration.
 * A no-op where there are no subscribe messages (H5) or when the build names no templates.
 */
export declare function askForActivityNotices(): void
