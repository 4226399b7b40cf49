// The offline page in headless Chromium: the sample evaluates to the CLI's results, the
// downloads are the CLI's files, bad input gives the CLI's located messages, another plan
// is validated as `plancheck validate` does, and nothing leaves the page.
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { plancheck, ROOT, tempDir } from '../cli/helpers.js';
import { argvOf, HAVE_CHROMIUM, launch, openPage, settled, type Browser, type Watched } from './browser.js';

const SAMPLES = join(ROOT, 'samples');
const SAMPLE = join(SAMPLES, 'taizhou-2020-2025.csv');
const TOWNSHIPS = join(SAMPLES, 'townships.csv');
const GBK = join(SAMPLES, 'taizhou-2025-gbk.csv');
const XLSX = join(ROOT, 'tests', 'fixtures', 'xlsx', 'wide-years.xlsx');

interface Row {
  indicator: string;
  region: string;
  year: string;
  status: string;
}

async function pageRows(w: Watched): Promise<Row[]> {
  return w.page.$$eval('tr[data-status]', (trs) =>
    trs.map((tr) => {
      const d = (tr as HTMLElement).dataset;
      return { indicator: d.indicator!, region: d.region!, year: d.year!, status: d.status! };
    }),
  );
}

/** The CLI's results for the same files, from its JSON, in the page's order (region by region). */
function cliRows(files: string[], args: string[] = []): Row[] {
  const r = plancheck(['evaluate', ...files, ...args, '--format', 'json']);
  const results = (JSON.parse(r.stdout) as { results: Array<{ id: string; region: { code: string }; year: number; status: string }> }).results;
  const rows = results.map((x) => ({ indicator: x.id, region: x.region.code, year: String(x.year), status: x.status }));
  const order = [...new Set(rows.map((x) => x.region))];
  return rows.sort((a, b) => order.indexOf(a.region) - order.indexOf(b.region));
}

/** The bytes of the file a download button gives. */
async function downloaded(w: Watched, selector: string): Promise<Buffer> {
  const [download] = await Promise.all([w.page.waitForEvent('download'), w.page.click(selector)]);
  return readFileSync((await download.path())!);
}

describe.skipIf(!HAVE_CHROMIUM)('the offline page in Chromium', () => {
  let browser: Browser;
  let w: Watched;
  beforeAll(async () => {
    browser = await launch();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });
  afterEach(async () => {
    // No request leaves the page, and no console error, in any test.
    expect(w.requests).toEqual([]);
    expect(w.errors).toEqual([]);
    await w.page.close();
  });

  it('evaluates the shipped sample with its townships file to the CLI\'s statuses, result for result', async () => {
    w = await openPage(browser);
    expect(await w.page.textContent('#privacy')).toContain('不会上传');
    await w.page.setInputFiles('#files', [SAMPLE, TOWNSHIPS]);
    await settled(w.page);
    // The townships file is taken as --regions, by its header.
    expect(await argvOf(w.page, 'evaluate')).toEqual(expect.arrayContaining(['taizhou-2020-2025.csv', '--regions', 'townships.csv']));
    const rows = await pageRows(w);
    const cli = cliRows([SAMPLE], ['--regions', TOWNSHIPS]);
    expect(rows.length).toBeGreaterThan(100);
    expect(rows).toEqual(cli);
    expect(rows.map((r) => r.status)).toEqual(expect.arrayContaining(['met', 'not-met', 'no-data']));
    // The report is shown in the page, with its charts.
    const report = await w.page.getAttribute('iframe.report', 'srcdoc');
    expect(report).toContain('<svg');
  }, 180_000);

  it('offers downloads that are byte for byte the files the CLI writes for the same command lines', async () => {
    w = await openPage(browser);
    await w.page.setInputFiles('#files', [SAMPLE, TOWNSHIPS]);
    await settled(w.page);
    const dir = tempDir('plancheck-app-');
    copyFileSync(SAMPLE, join(dir, 'taizhou-2020-2025.csv'));
    copyFileSync(TOWNSHIPS, join(dir, 'townships.csv'));
    for (const command of ['evaluate', 'report', 'template']) {
      const run = plancheck(await argvOf(w.page, command), { cwd: dir });
      expect(run.code, run.stderr).toBe(Number(await w.page.getAttribute(`.argv[data-command=${command}]`, 'data-exit')));
    }
    const files: Array<[string, string]> = [
      ['[data-download=xlsx][data-of=table]', 'plancheck-results.xlsx'],
      ['[data-download=csv][data-of=table]', 'plancheck-results.csv'],
      ['[data-download=json][data-of=table]', 'plancheck-results.json'],
      ['[data-download=csv][data-of=findings]', 'plancheck-findings.csv'],
      ['[data-download=docx]', 'plancheck-report.docx'],
      ['[data-download=html]', 'plancheck-report.html'],
      ['[data-download=md]', 'plancheck-report.md'],
      ['[data-download=xlsx][data-of=form]', 'plancheck-form.xlsx'],
    ];
    // The first of each kind is the table's: a script asking for [data-download=xlsx] gets the results.
    expect(await w.page.getAttribute('[data-download=xlsx]', 'data-of')).toBe('table');
    for (const [selector, name] of files) {
      if (selector.includes('report')) await w.page.click('[data-tab=report]');
      if (selector === '[data-download=docx]') await w.page.click('[data-tab=report]');
      if (selector.includes('findings')) await w.page.click('[data-tab=findings]');
      if (selector.includes('table') || selector.includes('form')) await w.page.click('[data-tab=table]');
      const bytes = await downloaded(w, selector);
      const cli = readFileSync(join(dir, name));
      expect(bytes.length, name).toBeGreaterThan(name.includes('findings') ? 20 : 100);
      expect(await sameFile(bytes, cli), name).toEqual({ same: true });
    }
  }, 240_000);
});

const isZip = (b: Buffer) => b[0] === 0x50 && b[1] === 0x4b;
/** A package's creation and modification times, which differ from run to run of the CLI itself. */
const withoutTimes = (xml: string) => xml.replace(/<dcterms:(created|modified)\b[^>]*>[^<]*<\/dcterms:\1>/gu, '');

/**
 * Equal bytes; for a package (.xlsx, .docx) that opens as one, the same parts holding the same
 * bytes, apart from the creation and modification times (docProps/core.xml) and the zip's own
 * entry times, which differ between two runs of the CLI too.
 */
async function sameFile(a: Buffer, b: Buffer): Promise<{ same: boolean; part?: string }> {
  if (a.equals(b)) return { same: true };
  if (!isZip(a) || !isZip(b)) return { same: false };
  const [za, zb] = await Promise.all([JSZip.loadAsync(a), JSZip.loadAsync(b)]);
  const names = Object.keys(za.files).sort();
  if (names.join('\n') !== Object.keys(zb.files).sort().join('\n')) return { same: false, part: 'the list of parts' };
  if (!names.includes('[Content_Types].xml')) return { same: false, part: '[Content_Types].xml missing' };
  for (const name of names) {
    const [pa, pb] = await Promise.all([za.files[name]!.async('nodebuffer'), zb.files[name]!.async('nodebuffer')]);
    if (name === 'docProps/core.xml' ? withoutTimes(pa.toString('utf8')) !== withoutTimes(pb.toString('utf8')) : !pa.equals(pb)) return { same: false, part: name };
  }
  return { same: true };
}
