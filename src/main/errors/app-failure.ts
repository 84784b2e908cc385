import type { AppError, ErrorCode } from '../../shared/api/result'

/** The one error type services throw; it crosses every boundary as `{ code, message }`. */
export class AppFailure extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message)
    this.name = 'AppFailure'
  }
}

export function isAppFailure(error: unknown): error is AppFailure {
  return error instanceof AppFailure
}

/** Turns anything thrown into the wire shape; unknown errors become `Internal` with a short message. */
export function toAppError(error: unknown): AppError {
  if (isAppFailure(error)) return { code: error.code, message: error.message }
  const message = error instanceof Error ? error.message : String(error)
  return { code: 'Internal', message: firstLine(message) }
}

export function firstLine(text: string): string {
  return text.split('\n', 1)[0] ?? ''
}
