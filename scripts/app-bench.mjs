// The offline page with a large return, in headless Chromium (docs/performance.md):
//   node scripts/app-bench.mjs DIR
// DIR holds returns.csv and regions.csv (the reference return: node ../shared/bench/gen-big.mjs DIR 1000000).
// Prints the time until the compliance table is shown and until the report and form are
// written too, the progress values seen, the longest the page took to answer (its thread
// stays free while the worker reads), and the peak memory of all of Chromium's processes
// (proportional set size, so that memory they share is counted once: the browser, the page
// and its worker, the GPU and utility processes), sampled every 100 ms.
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';

const dir = process.argv[2];
if (!dir) throw new Error('usage: node scripts/app-bench.mjs DIR (with returns.csv and regions.csv)');
const profile = mkdtempSync(join(tmpdir(), 'plancheck-bench-chromium-'));
const args = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const context = await chromium.launchPersistentContext(profile, { executablePath: process.env.PLANCHECK_CHROMIUM ?? '/usr/bin/chromium', headless: true, args });

/** Memory of every process started with this profile (PSS), in MB. */
function chromiumRss() {
  let kb = 0;
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      if (!readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(profile)) continue;
      kb += Number(/^Pss:\s+(\d+)/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'))?.[1] ?? 0);
    } catch {
      // gone
    }
  }
  return kb / 1024;
}

const page = await context.newPage();
const errors = [];
page.on('pageerror', (e) => errors.push(e.message));
page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
await page.goto(`file://${resolve('dist/plancheck.html')}`);
await page.waitForSelector('#plan-line:not(:empty)');
const idle = chromiumRss();
let peak = idle;
const sampler = setInterval(() => (peak = Math.max(peak, chromiumRss())), 100);
const progress = new Set();
const files = [join(dir, 'returns.csv'), join(dir, 'regions.csv')];
// The longest the page's own thread was busy: a timer every 50 ms notes how late it runs.
await page.evaluate("window.__lag = 0; let last = performance.now(); setInterval(() => { const now = performance.now(); window.__lag = Math.max(window.__lag, now - last - 50); last = now; }, 50)");
const t0 = Date.now();
await page.setInputFiles('#files', files);
let table;
const responsive = [];
while (true) {
  const probe = Date.now();
  await page.evaluate('1');
  responsive.push(Date.now() - probe);
  const state = await page.evaluate("({ v: document.querySelector('#progress').getAttribute('value'), text: document.querySelector('#progress-text').textContent, busy: !document.querySelector('#busy').hidden, table: document.querySelectorAll('tr[data-status]').length })");
  if (state.v) progress.add(state.text);
  if (table === undefined && state.table > 0) table = Date.now() - t0;
  if (!state.busy && state.table > 0) break;
  await new Promise((r) => setTimeout(r, 100));
}
const done = Date.now() - t0;
clearInterval(sampler);
const rows = await page.locator('tr[data-status]').count();
const longestBusyMs = Math.round(await page.evaluate('window.__lag'));
const report = await page.getAttribute('.argv[data-command=report]', 'data-exit');
console.log(JSON.stringify({
  returnMB: +(statSync(files[0]).size / 1024 / 1024).toFixed(1),
  tableShownSeconds: +(table / 1000).toFixed(1),
  allDoneSeconds: +(done / 1000).toFixed(1),
  results: rows,
  reportExit: report,
  idleMB: Math.round(idle),
  peakMB: Math.round(peak),
  slowestPageAnswerMs: Math.max(...responsive),
  longestBusyMs,
  loadAverage: readFileSync('/proc/loadavg', 'utf8').split(' ')[0],
  progressSeen: progress.size,
  progressSample: [...progress].slice(0, 3),
  errors,
}, null, 2));
await context.close();
rmSync(profile, { recursive: true, force: true });
