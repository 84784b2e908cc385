// Bundles the `momentum` CLI (and the benchmark, when src/bench/index.ts exists) into out/cli/.
// Every runtime dependency stays external: better-sqlite3 is native, and the rest resolve from
// node_modules as they are. Outputs are written to a temp name and renamed, so a test that starts
// the CLI while another build runs never loads a half-written file.
import { build } from 'esbuild'
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'

const root = resolve(import.meta.dirname, '..')
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'))

// job-worker: the worker thread `momentum serve` runs jobs in (resolved beside momentum.js at run time).
const entryPoints = { momentum: 'src/cli/index.ts', 'job-worker': 'src/main/jobs/job-worker.ts' }
if (existsSync(join(root, 'src/bench/index.ts'))) entryPoints.bench = 'src/bench/index.ts'

const started = Date.now()
const result = await build({
  absWorkingDir: root,
  entryPoints,
  outdir: 'out/cli',
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  tsconfig: 'tsconfig.node.json',
  external: ['better-sqlite3', 'pg', 'kysely', ...Object.keys(pkg.dependencies ?? {})],
  define: { __MOMENTUM_VERSION__: JSON.stringify(pkg.version) },
  // Lets any bundled CommonJS helper call require() for Node built-ins from an ES module.
  banner: { js: "import { createRequire as __momentumCreateRequire } from 'node:module';\nconst require = __momentumCreateRequire(import.meta.url);" },
  sourcemap: 'linked',
  legalComments: 'none',
  logLevel: 'warning',
  write: false,
})

for (const file of result.outputFiles) {
  mkdirSync(dirname(file.path), { recursive: true })
  const temp = `${file.path}.${process.pid}.tmp`
  writeFileSync(temp, file.contents)
  renameSync(temp, file.path)
}
if (!process.argv.includes('--quiet')) {
  console.log(`build-cli: ${Object.keys(entryPoints).map((name) => `out/cli/${name}.js`).join(', ')} in ${Date.now() - started} ms`)
}
