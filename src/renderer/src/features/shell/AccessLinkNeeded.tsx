import { EmptyState } from '../../components/EmptyState'

/** `momentum serve --token` refused this page: only the printed access link lets it in. */
export function AccessLinkNeeded(): React.JSX.Element {
  return (
    <div className="page">
      <EmptyState title="This server needs its access link">
        <p>
          Open the <code>?token=</code> URL that <code>momentum serve</code> printed when it started. The page then keeps the token in a cookie for this
          browser.
        </p>
      </EmptyState>
    </div>
  )
}
