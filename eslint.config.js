import js from '@eslint/js'
import tseslint from 'typescript-eslint'

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'coverage/**', 'test-results/**', 'playwright-report/**', 'bin/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', Buffer: 'readonly', URL: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    files: ['src/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['electron', 'node:*', 'better-sqlite3', 'react', 'pg', 'kysely', '**/main/**', '**/renderer/**'] }],
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', { patterns: ['electron', 'node:*', 'better-sqlite3', 'pg', 'kysely', '**/main/**', '**/cli/**'] }] },
  },
  {
    files: ['migrations/**/*.ts'],
    ignores: ['migrations/**/*.test.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: ['**/src/**'] }] },
  },
  {
    files: ['src/main/**/*.ts', 'src/cli/**/*.ts', 'src/preload/**/*.ts'],
    ignores: ['src/main/ipc/register-handlers.ts', 'src/main/ipc/register-handlers.test.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [{ name: 'electron', importNames: ['ipcMain'], message: 'Only src/main/ipc/register-handlers.ts registers IPC handlers.' }] }] },
  },
)
