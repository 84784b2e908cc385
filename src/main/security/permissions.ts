/**
 * The app needs no browser permission (camera, notifications, clipboard-read, …), and Electron
 * grants all of them by default: both handlers refuse everything (checklist #5).
 */
export function permissionRequestHandler(_webContents: unknown, _permission: string, callback: (granted: boolean) => void): void {
  callback(false)
}

export function permissionCheckHandler(): boolean {
  return false
}

interface PermissionSession {
  setPermissionRequestHandler(handler: typeof permissionRequestHandler): void
  setPermissionCheckHandler(handler: typeof permissionCheckHandler): void
}

export function denyAllPermissions(session: PermissionSession): void {
  session.setPermissionRequestHandler(permissionRequestHandler)
  session.setPermissionCheckHandler(permissionCheckHandler)
}
