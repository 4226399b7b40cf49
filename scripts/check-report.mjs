#!/usr/bin/env node
// A report checked in a real browser: renders the shipped samples' mid-term report, opens
// it in Debian's chromium, headless, with the network cut off, and fails on any console
// error, uncaught exception or network request. Saves a screenshot (screen, 1200 px wide),
// one as printed (A4 width) and a PDF. Plain Node: the DevTools protocol over
// --remote-debugging-pipe, no dependency.
//
//   node scripts/check-report.mjs [--html FILE] [--out DIR] [--chromium PATH] [--lang zh|en] [--stage midterm|final]
//                                 [--focus CSS-SELECTOR]   (what report-charts.png shows; default the first indicator)
//
// Exit 0 clean, 1 errors or requests seen, 2 chromium or the report could not be run.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

function option(name, fallback) {
  const i = process.argv.indexOf(name);
  return i >= 0 && process.argv[i + 1] !== undefined ? process.argv[i + 1] : fallback;
}

const chromiumPath = option('--chromium', process.env.CHROMIUM ?? '/usr/bin/chromium');
const outDir = resolve(option('--out', mkdtempSync(join(tmpdir(), 'plancheck-report-check-'))));
const lang = option('--lang', 'zh');
const stage = option('--stage', 'midterm');
const focus = option('--focus', 'article.indicator');
const givenHtml = option('--html', undefined);
const TIMEOUT_MS = 60_000;

function fail(code, message) {
  console.error(`check-report: ${message}`);
  process.exit(code);
}

if (!existsSync(chromiumPath)) fail(2, `no chromium at ${chromiumPath} (apt-get install chromium fonts-noto-cjk)`);
mkdirSync(outDir, { recursive: true });

// ---- the report ----------------------------------------------------------------
let htmlPath;
if (givenHtml) htmlPath = resolve(givenHtml);
else {
  if (!existsSync(join(ROOT, 'dist', 'cli.js'))) {
    const b = spawnSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs')], { cwd: ROOT, stdio: 'inherit' });
    if (b.status !== 0) fail(2, 'the build failed');
  }
  htmlPath = join(outDir, 'report.html');
  const args = ['report', 'samples/taizhou-2020-2025.csv', '--regions', 'samples/townships.csv', '--stage', stage, '--lang', lang, '-o', htmlPath, '-o', join(outDir, 'report.md'), '-o', join(outDir, 'report.json')];
  const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'plancheck'), ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  if (r.status !== 0) fail(2, `plancheck report exited ${r.status}:\n${r.stderr}`);
}
const html = readFileSync(htmlPath, 'utf8');
const staticProblems = [];
if (/<script\b/i.test(html)) staticProblems.push('the HTML has a <script> element');
for (const m of html.matchAll(/\b(?:src|href|srcset|action|poster|data)\s*=\s*["']?\s*(?!#)([a-z][a-z0-9+.-]*:)?\/\//gi)) staticProblems.push(`external reference: ${m[0]}`);
for (const m of html.matchAll(/url\(\s*["']?(?!#|data:)[^)]*\)/gi)) staticProblems.push(`CSS url(): ${m[0]}`);
for (const m of html.matchAll(/@import\b[^;]*/gi)) staticProblems.push(`CSS @import: ${m[0]}`);

// ---- the browser -----------------------------------------------------------------
const profile = mkdtempSync(join(tmpdir(), 'plancheck-chromium-'));
const browser = spawn(
  chromiumPath,
  [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-dev-shm-usage',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-default-apps',
    '--disable-extensions',
    '--disable-sync',
    '--disable-domain-reliability',
    '--no-first-run',
    '--no-default-browser-check',
    '--metrics-recording-only',
    '--hide-scrollbars',
    '--mute-audio',
    `--user-data-dir=${profile}`,
    '--remote-debugging-pipe',
    'about:blank',
  ],
  { stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'pipe'] },
);
let browserLog = '';
browser.stderr.on('data', (d) => (browserLog += d.toString()));
const toBrowser = browser.stdio[3];
const fromBrowser = browser.stdio[4];

let nextId = 1;
const pending = new Map();
const listeners = [];
let buffer = '';
fromBrowser.on('data', (chunk) => {
  buffer += chunk.toString('utf8');
  let end;
  while ((end = buffer.indexOf('\0')) >= 0) {
    const message = JSON.parse(buffer.slice(0, end));
    buffer = buffer.slice(end + 1);
    if (message.id !== undefined && pending.has(message.id)) {
      const { resolve: ok, reject } = pending.get(message.id);
      pending.delete(message.id);
      if (message.error) reject(new Error(`${message.error.message} (${message.error.code})`));
      else ok(message.result);
    } else if (message.method) for (const l of listeners) l(message);
  }
});

function send(method, params = {}, sessionId) {
  const id = nextId++;
  toBrowser.write(`${JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) })}\0`);
  return new Promise((ok, reject) => pending.set(id, { resolve: ok, reject }));
}

function waitFor(method, sessionId, ms) {
  return new Promise((ok, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out waiting for ${method}`)), ms);
    listeners.push((m) => {
      if (m.method === method && m.sessionId === sessionId) {
        clearTimeout(timer);
        ok(m.params);
      }
    });
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const watchdog = setTimeout(() => {
  browser.kill('SIGKILL');
  fail(2, `chromium did not finish within ${TIMEOUT_MS / 1000} s\n${browserLog.slice(-2000)}`);
}, TIMEOUT_MS);

const fileUrl = pathToFileURL(htmlPath).href;
const consoleErrors = [];
const requests = [];

try {
  const { targetId } = await send('Target.createTarget', { url: 'about:blank' });
  const { sessionId } = await send('Target.attachToTarget', { targetId, flatten: true });
  listeners.push((m) => {
    if (m.sessionId !== sessionId) return;
    const p = m.params;
    if (m.method === 'Network.requestWillBeSent') {
      const url = p.request.url;
      if (url !== fileUrl && !url.startsWith('data:') && !url.startsWith('about:')) requests.push(url);
    } else if (m.method === 'Runtime.consoleAPICalled' && (p.type === 'error' || p.type === 'assert')) {
      consoleErrors.push(`console.${p.type}: ${p.args.map((a) => a.value ?? a.description ?? '').join(' ')}`);
    } else if (m.method === 'Runtime.exceptionThrown') {
      consoleErrors.push(`exception: ${p.exceptionDetails.exception?.description ?? p.exceptionDetails.text}`);
    } else if (m.method === 'Log.entryAdded' && p.entry.level === 'error') {
      consoleErrors.push(`${p.entry.source}: ${p.entry.text}${p.entry.url ? ` (${p.entry.url})` : ''}`);
    }
  });
  for (const domain of ['Page', 'Runtime', 'Log', 'Network']) await send(`${domain}.enable`, {}, sessionId);
  await send('Network.emulateNetworkConditions', { offline: true, latency: 0, downloadThroughput: -1, uploadThroughput: -1 }, sessionId);

  const width = 1200;
  const height = 3000;
  await send('Emulation.setDeviceMetricsOverride', { width, height, deviceScaleFactor: 1, mobile: false }, sessionId);
  const loaded = waitFor('Page.loadEventFired', sessionId, 30_000);
  await send('Page.navigate', { url: fileUrl }, sessionId);
  await loaded;
  await sleep(500);

  const shot = await send('Page.captureScreenshot', { format: 'png', clip: { x: 0, y: 0, width, height, scale: 1 } }, sessionId);
  writeFileSync(join(outDir, 'report.png'), Buffer.from(shot.data, 'base64'));

  // The first indicator's chart and tables, where the SVG drawing can be looked at.
  const top = await send('Runtime.evaluate', { expression: `(document.querySelector(${JSON.stringify(focus)})?.getBoundingClientRect().top ?? 0) + window.scrollY`, returnByValue: true }, sessionId);
  const chartTop = Math.max(0, Math.floor(top.result.value ?? 0) - 10);
  const chartShot = await send('Page.captureScreenshot', { format: 'png', captureBeyondViewport: true, clip: { x: 0, y: chartTop, width, height: 1800, scale: 1 } }, sessionId);
  writeFileSync(join(outDir, 'report-charts.png'), Buffer.from(chartShot.data, 'base64'));

  // As printed: A4 width (210 mm ≈ 794 CSS px) and print styles.
  await send('Emulation.setEmulatedMedia', { media: 'print' }, sessionId);
  await send('Emulation.setDeviceMetricsOverride', { width: 794, height: 2246, deviceScaleFactor: 1, mobile: false }, sessionId);
  const printShot = await send('Page.captureScreenshot', { format: 'png', clip: { x: 0, y: 0, width: 794, height: 2246, scale: 1 } }, sessionId);
  writeFileSync(join(outDir, 'report-print.png'), Buffer.from(printShot.data, 'base64'));
  const pdf = await send('Page.printToPDF', { printBackground: true, preferCSSPageSize: true }, sessionId);
  const pdfBytes = Buffer.from(pdf.data, 'base64');
  writeFileSync(join(outDir, 'report.pdf'), pdfBytes);
  const pages = (pdfBytes.toString('latin1').match(/\/Type\s*\/Page\b/g) ?? []).length;
  const exited = new Promise((ok) => browser.once('exit', ok));
  await send('Browser.close').catch(() => {});
  await Promise.race([exited, sleep(5000)]);

  clearTimeout(watchdog);
  console.log(`report:       ${htmlPath}`);
  console.log(`screenshot:   ${join(outDir, 'report.png')} (${width}×${height})`);
  console.log(`charts:       ${join(outDir, 'report-charts.png')} (from ${focus})`);
  console.log(`as printed:   ${join(outDir, 'report-print.png')}, ${join(outDir, 'report.pdf')} (${pages} A4 pages)`);
  console.log(`console errors: ${consoleErrors.length}; network requests: ${requests.length}; static problems: ${staticProblems.length}`);
  for (const e of consoleErrors) console.log(`  error: ${e}`);
  for (const r of requests) console.log(`  request: ${r}`);
  for (const s of staticProblems) console.log(`  static: ${s}`);
  rmSync(profile, { recursive: true, force: true });
  process.exitCode = consoleErrors.length || requests.length || staticProblems.length ? 1 : 0;
} catch (e) {
  clearTimeout(watchdog);
  browser.kill('SIGKILL');
  rmSync(profile, { recursive: true, force: true });
  fail(2, `${e.message}\n${browserLog.slice(-2000)}`);
}
