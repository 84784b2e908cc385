/** Failure kinds that cross the process boundary. */
export type ErrorCode =
  | 'InvalidInput'
  | 'NotFound'
  | 'Conflict'
  | 'NotADatabase'
  | 'Damaged'
  | 'ReadOnly'
  | 'Busy'
  | 'Unreachable'
  /** `momentum serve --token` refused a call made without the token (HTTP 401). */
  | 'Unauthorized'
  | 'NewerSchema'
  | 'Cancelled'
  | 'Internal'

export type AppError = { code: ErrorCode; message: string }

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError }
