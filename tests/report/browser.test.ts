// The HTML report in a real browser: scripts/check-report.mjs (npm run check:report) renders the
// shipped samples' report in Debian's chromium, headless, with the network cut off, and fails
// on any console error or network request. Runs only where /usr/bin/chromium is installed.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const CHROMIUM = '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);

if (!hasChromium) console.info(`tests/report/browser.test.ts: skipped — ${CHROMIUM} is not installed (apt-get install chromium fonts-noto-cjk)`);

function checkReport(args: string[]) {
  const r = spawnSync(process.execPath, [join(ROOT, 'scripts', 'check-report.mjs'), ...args], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('the HTML report in headless chromium', () => {
  it.skipIf(!hasChromium)('renders the samples’ mid-term report with no console error and no network request (skipped without /usr/bin/chromium)', () => {
    const out = mkdtempSync(join(tmpdir(), 'plancheck-browser-'));
    const r = checkReport(['--out', out]);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/console errors: 0; network requests: 0; static problems: 0/);
    expect(r.code).toBe(0);
    for (const f of ['report.png', 'report-charts.png', 'report-print.png', 'report.pdf']) expect(statSync(join(out, f)).size, f).toBeGreaterThan(10_000);
    // A PNG, 1200 px wide.
    const png = readFileSync(join(out, 'report.png'));
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(png.readUInt32BE(16)).toBe(1200);
  }, 180_000);

  it.skipIf(!hasChromium)('catches a page that logs an error and fetches from the network (skipped without /usr/bin/chromium)', () => {
    const out = mkdtempSync(join(tmpdir(), 'plancheck-browser-'));
    const page = join(out, 'bad.html');
    writeFileSync(page, '<!DOCTYPE html><html lang="en"><body><img src="http://192.0.2.1/x.png"><script>console.error("boom")</script></body></html>');
    const r = checkReport(['--html', page, '--out', out]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/error: console\.error: boom/);
    expect(r.stdout).toMatch(/request: http:\/\/192\.0\.2\.1\/x\.png/);
    expect(r.stdout).toMatch(/static: the HTML has a <script> element/);
  }, 180_000);
});
