import { ERROR_STATUS, type ErrorCode } from '../domain/errors'

/** An error the client may see: a stable code, a Chinese message, the HTTP status of the code. */
export class AppError extends Error {
  readonly status: number

  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message)
    this.status = ERROR_STATUS[code]
  }
}

/** 404 with a message naming what was not found. */
export function notFound(what: string): AppError {
  return new AppError('not_found', `${what}不存在或已删除`)
}
