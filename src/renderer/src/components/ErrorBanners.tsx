import { dismissError, errorStore } from '../lib/error-store'
import { useStore } from '../lib/external-store'

/** Every reported failure as `{code}: message`, until the user dismisses it. */
export function ErrorBanners(): React.JSX.Element | null {
  const errors = useStore(errorStore)
  if (errors.length === 0) return null
  return (
    <div className="banners" role="region" aria-label="Errors">
      {errors.map((error) => (
        <div key={error.id} className="banner banner-error" role="alert">
          <span className="banner-context">{error.context}</span>
          <span className="banner-text">
            <strong>{error.code}</strong>: {error.message}
          </span>
          <button type="button" className="icon-button" aria-label={`Dismiss ${error.code} error`} onClick={() => dismissError(error.id)}>
            ×
          </button>
        </div>
      ))}
    </div>
  )
}
