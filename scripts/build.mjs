// Build: bundle the CLI and the API with esbuild, so that a run loads few files
// (startup is part of the job: a whole-plan evaluation should cost < 2× `node -e 0`).
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

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

// commander requires node:child_process when it loads, for subcommands that are separate
// executables, which plancheck has none of; child_process brings net, dgram and streams
// with it, a good part of `plancheck --version`. The bundle requires it on first use.
const commanderLazyChildProcess = {
  name: 'commander-lazy-child-process',
  setup(b) {
    b.onLoad({ filter: /commander[\\/]lib[\\/]command\.js$/ }, async (args) => {
      const { readFile } = await import('node:fs/promises');
      const source = await readFile(args.path, 'utf8');
      const line = "const childProcess = require('node:child_process');";
      if (!source.includes(line)) throw new Error(`commander changed: "${line}" not found in ${args.path}; review the patch in scripts/build.mjs`);
      return { contents: source.replace(line, "const childProcess = { spawn: (...a) => require('node:child_process').spawn(...a) };"), loader: 'js' };
    });
  },
};

// chalk detects the terminal's colour level when it loads (node:os, node:tty, the
// environment); plancheck always passes the level (src/format/table.ts: colour only on a
// terminal, never under NO_COLOR or --no-color), so the bundle takes chalk's browser
// detection, which loads nothing and reads no level under Node.
const chalkNoDetection = {
  name: 'chalk-no-detection',
  setup(b) {
    b.onResolve({ filter: /^#supports-color$/ }, (args) => ({ path: join(args.resolveDir, 'vendor', 'supports-color', 'browser.js') }));
  },
};

// Libraries only some runs need, each in a file of its own that the CLI requires when
// it first uses it: the xlsx reader (exceljs, 1 MB), the Word writer (docx), when the plan
// cache does not apply the YAML parser and the schema validator, for a table in colour
// chalk and cli-table3, and for a return with quoted cells the CSV parser (csv-parse).
// Left in the CLI's file they would be parsed at every start. They share nothing with the
// CLI's own modules (no class of ours crosses into them), so a separate copy cannot break
// an instanceof.
const VENDOR = { exceljs: 'exceljs', yaml: 'yaml', ajv: 'ajv/dist/2020.js', docx: 'docx', chalk: 'chalk', 'cli-table3': 'cli-table3', 'csv-parse': 'csv-parse/sync' };
// The others are imported where they are used (import()), but csv-parse is imported by
// src/ingest/table.ts at the top: the CLI gets a stand-in whose functions require it on
// their first call.
const LAZY = { 'csv-parse': ['parse'] };
/** `vendor`: the path from the bundle to dist/vendor. */
const vendorExternal = (vendor) => ({
  name: 'vendor-external',
  setup(b) {
    for (const [name, specifier] of Object.entries(VENDOR)) {
      const filter = new RegExp(`^${specifier.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}$`);
      const external = { path: `${vendor}/${name}.cjs`, external: true };
      b.onResolve({ filter }, (args) => (LAZY[name] && args.namespace !== 'vendor-on-first-call' ? { path: name, namespace: 'vendor-on-first-call' } : external));
    }
    b.onLoad({ filter: /.*/, namespace: 'vendor-on-first-call' }, (args) => ({
      contents: LAZY[args.path].map((f) => `export function ${f}(...a) { return require(${JSON.stringify(VENDOR[args.path])}).${f}(...a); }`).join('\n'),
      loader: 'js',
    }));
  },
});

const minify = process.env.PLANCHECK_MINIFY !== '0';
const shared = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  sourcemap: 'linked',
  // Less to parse at every start; the source map keeps stack traces readable.
  // PLANCHECK_MINIFY=0 keeps names readable, for a profile.
  minify,
  logLevel: 'warning',
  // cli-table3 measures every cell line with string-width; see src/format/string-width-shim.cjs.
  alias: { 'string-width': './src/format/string-width-shim.cjs' },
};

/** Every file this build writes in dist/, so that what an older build left there can go (see the end). */
const written = new Set();
async function bundle(options) {
  const result = await build({ ...options, metafile: true });
  for (const file of Object.keys(result.metafile.outputs)) written.add(resolve(file));
  return result;
}

// The API, imported as ESM (`import … from 'plancheck'`), and the plan-cache compiler the
// build runs below. CommonJS dependencies call require(): give the ESM bundle one.
await bundle({
  ...shared,
  plugins: [cliTable3DebugTruncate],
  format: 'esm',
  banner: { js: "import { createRequire as __pcCreateRequire } from 'node:module'; const require = __pcCreateRequire(import.meta.url);" },
  entryPoints: { index: 'src/index.ts', 'plan-cache': 'src/cli/plan-files.ts' },
  outdir: 'dist',
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
});

// The CLI, in CommonJS: Node loads a CommonJS file with one read and one compile, where an
// ES module graph costs a resolve, a read, a compile and a link per chunk, and its loader
// brings node:fs/promises, readline and more with it.
// dist/commands/NAME.cjs is the CLI with one command: what a run of that command loads.
// Its modules are imported, not deferred, so V8 parses only that command's code, once;
// inside it the formatters, the plan loader and the workbook reader stay lazy (esbuild
// defers a dynamically imported module until it is first imported).
// dist/main.cjs is the CLI with every command, each deferred until run: for help, a
// mistyped command, and anything else that names no command.
// dist/cli.cjs is src/cli/bin.ts: it answers --version by itself and otherwise requires
// the command's file or dist/main.cjs. bin/plancheck requires dist/cli.cjs; dist/cli.js does the same for an ES module.
/** Each command, by name, and the function that runs it (src/cli/program.ts, Commands). */
const COMMANDS = { evaluate: 'runEvaluate', report: 'runReport', validate: 'runValidate', check: 'runCheck', template: 'runTemplate', indicators: 'runIndicators', app: 'runApp' };
const cli = {
  ...shared,
  plugins: [cliTable3DebugTruncate, commanderLazyChildProcess, chalkNoDetection],
  format: 'cjs',
  // plan-files.ts finds the bundled plan/ from import.meta.url, which CommonJS lacks.
  define: { 'import.meta.url': '__pcModuleUrl' },
  banner: { js: "const __pcModuleUrl = require('node:url').pathToFileURL(__filename).href;" },
  // The libraries in dist/vendor are required, not imported: one loader, CommonJS's.
  supported: { 'dynamic-import': false },
};
const io = "export { nodeIo } from './src/cli/io.ts';\nexport { writeFailure } from './src/cli/write-failure.ts';\n";
await bundle({
  ...cli,
  plugins: [...cli.plugins, vendorExternal('./vendor')],
  stdin: { contents: `export { main } from './src/cli/main.ts';\n${io}`, resolveDir: '.', sourcefile: 'main-entry.ts', loader: 'ts' },
  outfile: 'dist/main.cjs',
});
asciiOnly('dist/main.cjs');
for (const [name, run] of Object.entries(COMMANDS)) {
  const entry = [
    "import { runCli } from './src/cli/program.ts';",
    `import { ${run} } from './src/cli/commands/${name}.ts';`,
    `export const main = (argv, io) => runCli(argv, io, { ${name}: ${run} });`,
    io,
  ].join('\n');
  await bundle({
    ...cli,
    plugins: [...cli.plugins, vendorExternal('../vendor')],
    stdin: { contents: entry, resolveDir: '.', sourcefile: `${name}-entry.ts`, loader: 'ts' },
    outfile: `dist/commands/${name}.cjs`,
  });
  asciiOnly(`dist/commands/${name}.cjs`);
}
const { version } = JSON.parse(readFileSync('package.json', 'utf8'));
await bundle({
  ...shared,
  format: 'cjs',
  entryPoints: ['src/cli/bin.ts'],
  outfile: 'dist/cli.cjs',
  define: { PLANCHECK_VERSION: JSON.stringify(version), PLANCHECK_COMMANDS: JSON.stringify(Object.keys(COMMANDS)) },
  supported: { 'dynamic-import': false },
});
asciiOnly('dist/cli.cjs');
writeFileSync('dist/cli.js', "import { createRequire } from 'node:module';\ncreateRequire(import.meta.url)('./cli.cjs');\n");
written.add(resolve('dist/cli.js'));
for (const [name, specifier] of Object.entries(VENDOR)) {
  await bundle({ ...shared, plugins: [cliTable3DebugTruncate, chalkNoDetection], format: 'cjs', stdin: { contents: `module.exports = require(${JSON.stringify(specifier)});`, resolveDir: '.' }, outfile: `dist/vendor/${name}.cjs` });
}

/**
 * esbuild escapes non-ASCII characters in strings but leaves them in regular expression
 * literals (/年$/, /[，、]/); one is enough for Node to decode the whole file from UTF-8
 * into a two-byte string at every start, which costs more than reading it. \uXXXX means
 * the same in a regular expression, with or without the u flag. (Source map columns after
 * such a character on its line shift by a few places.)
 */
function asciiOnly(file) {
  const code = readFileSync(file, 'utf8');
  const escaped = code.replace(/[^\0-\x7f]/g, (ch, at) => {
    if (code[at - 1] === '\\') throw new Error(`${file}: an escaped non-ASCII character at ${at}; review asciiOnly() in scripts/build.mjs`);
    return `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
  if (escaped !== code) writeFileSync(file, escaped);
}

// The Word charts' renderer and font (src/cli/chart-png.ts reads them from here, through the
// Io, never from node_modules nor the network): resvg compiled to WebAssembly, and the
// shipped subset of Noto Sans CJK SC with its licence (scripts/subset-font.mjs made it).
const SHIPPED = {
  'dist/vendor/resvg.wasm': 'node_modules/@resvg/resvg-wasm/index_bg.wasm',
  'dist/assets/fonts/chart-font.otf': 'src/assets/fonts/chart-font.otf',
  'dist/assets/fonts/OFL.txt': 'src/assets/fonts/OFL.txt',
};
for (const [to, from] of Object.entries(SHIPPED)) {
  mkdirSync(dirname(to), { recursive: true });
  copyFileSync(from, to);
  written.add(resolve(to));
}

// The bundled plan, compiled: a run whose plan/ still holds the same bytes skips YAML and schema work.
const { compilePlanCache, PLAN_CACHE, PLAN_CACHE_BYTES } = await import('../dist/plan-cache.js');
const compiled = await compilePlanCache('plan');
if (compiled) {
  writeFileSync(`dist/${PLAN_CACHE}`, JSON.stringify(compiled.cache));
  writeFileSync(`dist/${PLAN_CACHE_BYTES}`, compiled.bytes);
  written.add(resolve('dist', PLAN_CACHE));
  written.add(resolve('dist', PLAN_CACHE_BYTES));
} else console.warn('plan/ has errors: run `plancheck validate`; no plan cache written');

// The offline page (issue 24): dist/plancheck.html, the same modules built for browsers.
const { buildApp } = await import('./build-app.mjs');
written.add(resolve((await buildApp({ minify })).outfile));

// What older builds left: chunks are named by a hash of their content, so each build
// adds its own beside the old ones. Removed only now, so that a binary started while
// this build ran never meets a half-empty dist/. (dist/types is tsc's, below.)
removeStale('dist');
function removeStale(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = resolve(dir, entry.name);
    if (entry.isDirectory()) {
      if (path === resolve('dist/types')) continue;
      removeStale(path);
      if (readdirSync(path).length === 0) rmSync(path, { recursive: true });
    } else if (!written.has(path)) rmSync(path);
  }
}

// Type declarations for the programmatic API (import { loadPlan, readReturns, evaluate } from 'plancheck').
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
