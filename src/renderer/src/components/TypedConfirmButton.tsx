import { useId, useState, type ReactNode } from 'react'

interface TypedConfirmButtonProps {
  /** The exact word to type, e.g. RESET. */
  word: string
  /** The button's text, e.g. "Reset database". */
  action: string
  /** Shown above the input: what will happen. */
  children?: ReactNode
  busy?: boolean
  disabled?: boolean
  onConfirm: () => void
}

/** A destructive action that stays disabled until the user types the word exactly. */
export function TypedConfirmButton({ word, action, children, busy = false, disabled = false, onConfirm }: TypedConfirmButtonProps): React.JSX.Element {
  const [typed, setTyped] = useState('')
  const id = useId()
  const matches = typed === word
  return (
    <div className="typed-confirm">
      {children && <div className="typed-confirm-note">{children}</div>}
      <label htmlFor={id}>
        Type <kbd>{word}</kbd> to confirm
      </label>
      <div className="typed-confirm-row">
        <input id={id} className="input input-mono" disabled={disabled} value={typed} autoComplete="off" spellCheck={false} onChange={(event) => setTyped(event.target.value)} />
        <button
          type="button"
          className="button button-danger"
          disabled={!matches || busy || disabled}
          onClick={() => {
            setTyped('')
            onConfirm()
          }}
        >
          {busy ? 'Working…' : action}
        </button>
      </div>
    </div>
  )
}
