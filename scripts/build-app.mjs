// The offline page (issue 24): dist/plancheck.html, one self-contained file that runs
// plancheck in a browser. Its worker (src/app/worker.ts) runs the CLI's own commands on
// files held in memory, bundled for browsers from the same src/ modules as the CLI; the
// page (src/app/page.ts) carries the worker's code as a string and starts it from a blob
// URL, which works in a page opened from a file. Node's few APIs the modules use have
// browser implementations in src/app/shims/. Run by scripts/build.mjs, or alone:
//   node scripts/build-app.mjs
import { build } from 'esbuild';
import { readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { deflateRawSync } from 'node:zlib';

/** Chromium-based browsers from 2020 on (Chrome, Edge, 360 and QQ in their Chromium mode) and current Firefox. */
export const BROWSER_TARGET = ['chrome80', 'edge80', 'firefox115'];
/** The page's size the issue allows; the build fails above it. */
const MAX_BYTES = 8 * 1024 * 1024;

const shims = (dir) => ({
  'node:buffer': resolve(dir, 'src/app/shims/node-buffer.ts'),
  'node:zlib': resolve(dir, 'src/app/shims/node-zlib.ts'),
  'node:path': resolve(dir, 'src/app/shims/node-path.ts'),
  'node:fs': resolve(dir, 'src/app/shims/node-fs.ts'),
  'node:url': resolve(dir, 'src/app/shims/node-url.ts'),
  os: resolve(dir, 'src/app/shims/os.ts'),
  util: resolve(dir, 'src/app/shims/util.ts'),
  'string-width': resolve(dir, 'src/format/string-width-shim.cjs'),
});

/** The plan's rule files, by name, as the CLI's bundled plan/ holds them. */
function planFiles(dir) {
  const files = {};
  for (const name of readdirSync(join(dir, 'plan')).filter((n) => /\.ya?ml$/i.test(n)).sort()) files[name] = readFileSync(join(dir, 'plan', name), 'utf8');
  return files;
}

/**
 * The files the CLI reads from its own dist/ to draw the Word file's charts (src/cli/chart-png.ts):
 * the renderer's WebAssembly and the shipped font, by their place in dist/, each deflated
 * (the page's pako inflates them) and in base64. scripts/build.mjs copies them there first.
 */
function shippedFiles(dir) {
  const files = {};
  for (const name of ['vendor/resvg.wasm', 'assets/fonts/chart-font.otf']) files[name] = deflateRawSync(readFileSync(join(dir, 'dist', name)), { level: 9 }).toString('base64');
  return files;
}

/** esbuild leaves `</script` alone in a regular expression; inside the page it would end the script. */
const scriptSafe = (code) => code.replace(/<\/(script)/gi, '<\\/$1');

/**
 * Nothing leaves the page: no address may be fetched, framed or posted to; scripts are
 * the page's own (the worker from a blob URL; the plan's schema validator compiles code).
 */
const CSP = [
  "default-src 'none'",
  "script-src 'unsafe-inline' 'unsafe-eval' blob:",
  'worker-src blob:',
  'child-src blob:',
  "style-src 'unsafe-inline'",
  'img-src data: blob:',
  "frame-src 'self' blob: data:",
  "connect-src 'none'",
  "form-action 'none'",
  "base-uri 'none'",
].join('; ');

/** The page's shell; everything in it is built by its script, in the language chosen. */
function pageHtml(css, script) {
  return [
    '<!DOCTYPE html>',
    '<html lang="zh-CN">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta http-equiv="Content-Security-Policy" content="${CSP}">`,
    '<meta name="referrer" content="no-referrer">',
    '<title>plancheck</title>',
    `<style>${css}</style>`,
    '</head>',
    '<body>',
    '<div id="app"></div>',
    '<noscript>plancheck: JavaScript is off; this page needs it to read returns. 本页需要启用 JavaScript。</noscript>',
    `<script>${script}</script>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

export async function buildApp({ root = '.', outfile = 'dist/plancheck.html', minify = true } = {}) {
  const common = {
    bundle: true,
    platform: 'browser',
    format: 'iife',
    target: BROWSER_TARGET,
    minify,
    write: false,
    logLevel: 'warning',
    alias: shims(root),
    absWorkingDir: resolve(root),
    legalComments: 'none',
    charset: 'utf8',
  };
  const worker = await build({
    ...common,
    entryPoints: ['src/app/worker.ts'],
    inject: ['src/app/shims/buffer-global.ts'],
    define: {
      PLANCHECK_PLAN_FILES: JSON.stringify(planFiles(root)),
      PLANCHECK_SHIPPED_FILES: JSON.stringify(shippedFiles(root)),
      'import.meta.url': JSON.stringify('file:///plancheck/dist/app.js'),
      global: 'globalThis',
    },
  });
  const workerCode = worker.outputFiles[0].text;
  const page = await build({
    ...common,
    entryPoints: ['src/app/page.ts'],
    define: { PLANCHECK_WORKER_SOURCE: JSON.stringify(workerCode) },
  });
  const html = pageHtml(readFileSync(join(root, 'src/app/page.css'), 'utf8'), scriptSafe(page.outputFiles[0].text));
  const bytes = Buffer.byteLength(html);
  if (bytes > MAX_BYTES) throw new Error(`${outfile}: ${bytes} bytes, over the ${MAX_BYTES} the page may weigh`);
  mkdirSync(join(root, 'dist'), { recursive: true });
  writeFileSync(join(root, outfile), html);
  return { outfile, bytes };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { outfile, bytes } = await buildApp();
  console.log(`${outfile}: ${(bytes / 1024 / 1024).toFixed(2)} MB`);
}
