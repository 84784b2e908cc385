export function Spinner({ label = 'Loading…' }: { label?: string }): React.JSX.Element {
  return (
    <span className="spinner-wrap" role="status">
      <span className="spinner" aria-hidden="true" />
      <span className="spinner-label">{label}</span>
    </span>
  )
}
