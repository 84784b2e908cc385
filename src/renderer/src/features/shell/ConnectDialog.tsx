import { useEffect, useId, useRef, useState } from 'react'

interface ConnectDialogProps {
  open: boolean
  onClose: () => void
  onConnect: (url: string) => Promise<boolean>
}

/** Asks for a postgresql:// URL; the password never comes back from main. */
export function ConnectDialog({ open, onClose, onConnect }: ConnectDialogProps): React.JSX.Element {
  const dialog = useRef<HTMLDialogElement>(null)
  const [url, setUrl] = useState('')
  const [busy, setBusy] = useState(false)
  const id = useId()

  useEffect(() => {
    const element = dialog.current
    if (!element) return
    if (open && !element.open) element.showModal()
    if (!open && element.open) element.close()
  }, [open])

  const valid = /^postgres(ql)?:\/\/\S+$/.test(url.trim())
  return (
    <dialog ref={dialog} className="dialog" aria-labelledby={`${id}-title`} onClose={onClose}>
      <form
        method="dialog"
        onSubmit={async (event) => {
          event.preventDefault()
          setBusy(true)
          const connected = await onConnect(url.trim())
          setBusy(false)
          if (connected) {
            setUrl('')
            onClose()
          }
        }}
      >
        <h2 id={`${id}-title`}>Connect to PostgreSQL</h2>
        <label className="field field-block">
          <span className="field-label">Connection URL</span>
          <input className="input input-mono input-wide" value={url} onChange={(event) => setUrl(event.target.value)} placeholder="postgresql://user:password@host:5432/database" autoComplete="off" spellCheck={false} />
        </label>
        <p className="hint">The URL stays in the app; the label shown afterwards leaves the password out.</p>
        <div className="button-row button-row-end">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button-primary" disabled={!valid || busy}>
            {busy ? 'Connecting…' : 'Connect'}
          </button>
        </div>
      </form>
    </dialog>
  )
}
