import { createContext, useContext } from 'react'
import type { DatabaseState } from './useDatabaseState'

export const DatabaseContext = createContext<DatabaseState | null>(null)

export function useDatabase(): DatabaseState {
  const state = useContext(DatabaseContext)
  if (!state) throw new Error('useDatabase needs the DatabaseContext provider of App')
  return state
}
