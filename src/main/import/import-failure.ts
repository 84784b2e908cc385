import { AppFailure } from '../errors/app-failure'

/** `FILE: action N: cause` (or `FILE: cause`): the one-line form every import error takes. */
export function invalidAction(source: string, cause: string, actionNumber?: number | string): AppFailure {
  const where = actionNumber === undefined ? '' : `action ${actionNumber}: `
  return new AppFailure('InvalidInput', `${source}: ${where}${cause}`)
}

/** `FILE: row N: column: cause` for table imports (row 1 is the first data row). */
export function invalidRow(source: string, row: number, column: string | null, cause: string): AppFailure {
  return new AppFailure('InvalidInput', `${source}: row ${row}: ${column ? `${column}: ` : ''}${cause}`)
}

/** Prefixes a failure's message with the file name unless it already names it. */
export function withSource(source: string, error: unknown): AppFailure {
  const failure =
    error instanceof AppFailure ? error : new AppFailure('Internal', error instanceof Error ? error.message : String(error))
  if (failure.message.startsWith(`${source}: `)) return failure
  return new AppFailure(failure.code, `${source}: ${failure.message.split('\n', 1)[0]}`)
}
