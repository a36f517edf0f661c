/** Fired by the note form after a note was submitted, so that the list shows the writer's own notes. */
export const NOTE_SUBMITTED = 'reading:note-submitted'

export const READING_HOME = '/packages/reading/index/index'
export const NOTE_FORM = '/packages/reading/note/index'
