import type { HealthLevel } from '@shared/domain/health'

const ICONS: Record<HealthLevel, { glyph: string; label: string }> = {
  ok: { glyph: '✓', label: 'OK' },
  warning: { glyph: '!', label: 'Warning' },
  error: { glyph: '✕', label: 'Error' },
}

export function LevelIcon({ level }: { level: HealthLevel }): React.JSX.Element {
  const icon = ICONS[level]
  return (
    <span className={`level-icon level-${level}`} role="img" aria-label={icon.label} title={icon.label}>
      {icon.glyph}
    </span>
  )
}
