import { randomUUID } from 'node:crypto'
import { AppFailure } from '../errors/app-failure'

/**
 * Paths the user chose (a dialog, a drop, an upload in serve) under ids main issued. The renderer
 * only ever sends these ids back, so it can never name a file the user did not pick.
 */
export class FileRegistry {
  private readonly paths = new Map<string, string>()
  private readonly names = new Map<string, string>()

  /** `name`: what the user called the file when its path is ours (an upload's temp copy). */
  register(path: string, name?: string): string {
    const id = randomUUID()
    this.paths.set(id, path)
    if (name !== undefined) this.names.set(id, name)
    return id
  }

  /** The name messages should use: the user's own name for an upload, else the real path. */
  nameOf(id: string): string {
    return this.names.get(id) ?? this.resolve(id)
  }

  has(id: string): boolean {
    return this.paths.has(id)
  }

  resolve(id: string): string {
    const path = this.paths.get(id)
    if (path === undefined) throw new AppFailure('NotFound', `no file with id ${id} (pick or upload it again)`)
    return path
  }

  forget(id: string): void {
    this.paths.delete(id)
    this.names.delete(id)
  }
}
