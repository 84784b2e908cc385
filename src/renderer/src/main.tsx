import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'

// The desktop UI is built in issue #4; until then the window states what the app is.
function App(): React.JSX.Element {
  return (
    <main>
      <h1>MomentumML Desktop</h1>
      <p>Use the <code>momentum</code> command line to migrate, check and administer databases.</p>
    </main>
  )
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
)
