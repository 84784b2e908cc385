import { useEffect, useState } from 'react'

/** Colours the charts draw with, read from the CSS variables of the current scheme. */
export interface ThemeColors {
  home: string
  away: string
  grid: string
  axis: string
  text: string
  muted: string
  accent: string
  surface: string
}

const VARIABLES: Record<keyof ThemeColors, string> = {
  home: '--team-home',
  away: '--team-away',
  grid: '--chart-grid',
  axis: '--chart-axis',
  text: '--text',
  muted: '--text-muted',
  accent: '--accent',
  surface: '--surface',
}

function readColors(): ThemeColors {
  const style = getComputedStyle(document.documentElement)
  const entries = Object.entries(VARIABLES).map(([key, variable]) => [key, style.getPropertyValue(variable).trim() || 'currentColor'])
  return Object.fromEntries(entries) as unknown as ThemeColors
}

/** SVG attributes can't read CSS variables, so charts get resolved colours, updated when the system scheme flips. */
export function useThemeColors(): ThemeColors {
  const [colors, setColors] = useState(readColors)
  useEffect(() => {
    const query = window.matchMedia('(prefers-color-scheme: dark)')
    const update = () => setColors(readColors())
    query.addEventListener('change', update)
    return () => query.removeEventListener('change', update)
  }, [])
  return colors
}
