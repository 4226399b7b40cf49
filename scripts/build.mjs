// Build: bundle the CLI and the API with esbuild, so that a run loads one file
// (startup is part of the job: a whole-plan evaluation should cost < 2× `node -e 0`).
import { build } from 'esbuild';

// cli-table3's Cell.draw() truncates a cell's whole content to 10 columns on every
// line it draws, only for a debug log it does not print; for Chinese text that
// truncation drops one character at a time and re-measures the rest, which was most
// of a run's time. The debug value is not used, so the bundle skips computing it.
// The build fails if cli-table3 changes the line, so the patch cannot silently go stale.
const cliTable3DebugTruncate = {
  name: 'cli-table3-debug-truncate',
  setup(b) {
    b.onLoad({ filter: /cli-table3[\\/]src[\\/]cell\.js$/ }, async (args) => {
      const { readFile } = await import('node:fs/promises');
      const source = await readFile(args.path, 'utf8');
      const line = 'let content = utils.truncate(this.content, 10, this.truncate);';
      if (!source.includes(line)) throw new Error(`cli-table3 changed: "${line}" not found in ${args.path}; review the patch in scripts/build.mjs`);
      return { contents: source.replace(line, "let content = '';"), loader: 'js' };
    });
  },
};

const shared = {
  plugins: [cliTable3DebugTruncate],
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  sourcemap: 'linked',
  // Less to parse at every start; the source map keeps stack traces readable.
  minify: true,
  logLevel: 'warning',
  // CommonJS dependencies (cli-table3) call require(); give the ESM bundle one.
  // cli-table3 measures every cell line with string-width; see src/format/string-width-shim.cjs.
  alias: { 'string-width': './src/format/string-width-shim.cjs' },
  banner: { js: "import { createRequire as __pcCreateRequire } from 'node:module'; const require = __pcCreateRequire(import.meta.url);" },
};

await build({ ...shared, entryPoints: { cli: 'src/cli/bin.ts', index: 'src/index.ts', 'plan-cache': 'src/cli/plan-files.ts' }, outdir: 'dist', splitting: true, chunkNames: 'chunks/[name]-[hash]' });

// The bundled plan, compiled: a run whose plan/ still hashes the same skips YAML and schema work.
const { compilePlanCache, PLAN_CACHE } = await import('../dist/plan-cache.js');
const cache = await compilePlanCache('plan');
const { writeFileSync, rmSync } = await import('node:fs');
if (cache) writeFileSync(`dist/${PLAN_CACHE}`, JSON.stringify(cache));
else {
  rmSync(`dist/${PLAN_CACHE}`, { force: true });
  console.warn('plan/ has errors: run `plancheck validate`; no plan cache written');
}

// Type declarations for the programmatic API (import { loadPlan, readReturns, evaluate } from 'plancheck').
const { spawnSync } = await import('node:child_process');
const { createRequire } = await import('node:module');
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const types = spawnSync(
  process.execPath,
  [tsc, 'src/index.ts', '--declaration', '--emitDeclarationOnly', '--outDir', 'dist/types', '--rootDir', 'src', '--module', 'nodenext', '--moduleResolution', 'nodenext', '--target', 'es2022', '--strict', '--skipLibCheck', '--resolveJsonModule', '--types', 'node'],
  { stdio: 'inherit' },
);
if (types.status !== 0) {
  console.error('type declarations failed (see above)');
  process.exit(1);
}
