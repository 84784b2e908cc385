#!/usr/bin/env node
// The CLI itself is bundled by scripts/build-cli.mjs (npm install runs it via "prepare").
import('../out/cli/momentum.js').catch((error) => {
  if (error?.code !== 'ERR_MODULE_NOT_FOUND' || !String(error.message).includes('momentum.js')) throw error
  console.error('momentum: the CLI is not built (out/cli/momentum.js is missing); run "npm run build:cli"')
  process.exitCode = 1
})
