interface GamesPagerProps {
  page: number
  hasPrevious: boolean
  hasNext: boolean
  pageSize: number
  busy: boolean
  onPrevious: () => void
  onNext: () => void
  onPageSize: (size: number) => void
}

const PAGE_SIZES = [25, 50, 100, 200]

/** Previous / Next through keyset cursors: there is no total, so no "page N of M". */
export function GamesPager(props: GamesPagerProps): React.JSX.Element {
  const { page, hasPrevious, hasNext, pageSize, busy, onPrevious, onNext, onPageSize } = props
  return (
    <nav className="pager" aria-label="Pages of games">
      <button type="button" className="button" disabled={!hasPrevious || busy} onClick={onPrevious}>
        ← Previous
      </button>
      <span className="pager-page" aria-live="polite">
        Page {page}
      </span>
      <button type="button" className="button" disabled={!hasNext || busy} onClick={onNext}>
        Next →
      </button>
      <label className="field field-inline">
        <span className="field-label">Rows per page</span>
        <select className="input" value={pageSize} onChange={(event) => onPageSize(Number(event.target.value))}>
          {PAGE_SIZES.map((size) => (
            <option key={size} value={size}>
              {size}
            </option>
          ))}
        </select>
      </label>
    </nav>
  )
}
