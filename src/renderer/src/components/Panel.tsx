import { useId, type ReactNode } from 'react'

interface PanelProps {
  title: string
  actions?: ReactNode
  children: ReactNode
  className?: string
}

/** A titled section of a page. */
export function Panel({ title, actions, children, className }: PanelProps): React.JSX.Element {
  const id = useId()
  return (
    <section className={`panel ${className ?? ''}`} aria-labelledby={id}>
      <header className="panel-header">
        <h2 id={id}>{title}</h2>
        {actions && <div className="panel-actions">{actions}</div>}
      </header>
      <div className="panel-body">{children}</div>
    </section>
  )
}
