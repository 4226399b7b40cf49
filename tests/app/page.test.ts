// The offline page in headless Chromium: the sample evaluates to the CLI's results, the
// downloads are the CLI's files, bad input gives the CLI's located messages, another plan
// is validated as `plancheck validate` does, and nothing leaves the page.
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import JSZip from 'jszip';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { plancheck, ROOT, tempDir } from '../cli/helpers.js';
import { argvOf, HAVE_CHROMIUM, launch, openPage, settled, type Browser, type Watched } from './browser.js';

const SAMPLES = join(ROOT, 'samples');
const SAMPLE = join(SAMPLES, 'taizhou-2020-2025.csv');
const TOWNSHIPS = join(SAMPLES, 'townships.csv');
const GBK = join(SAMPLES, 'taizhou-2025-gbk.csv');
const XLSX = join(ROOT, 'tests', 'fixtures', 'xlsx', 'wide-years.xlsx');
const BAD = join(ROOT, 'tests', 'fixtures', 'cli', 'several-errors.csv');
const TESTLAND = join(ROOT, 'tests', 'fixtures', 'plans', 'testland');
const BIG = HAVE_CHROMIUM ? bigReturn() : { returns: '', regions: '' };

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
    rmSync(dirname(BIG.returns), { recursive: true, force: true });
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
    // Values at the plan's declared decimals, as the terminal table writes them (0.87人, not 0.867人).
    const value = (id: string) => w.page.textContent(`tr[data-indicator=${id}][data-region="321200"] td.value`);
    expect(await value('paediatricians-per-1000-children')).toBe('0.87人');
    expect(await value('school-psych-teacher-rate')).toBe('100.00%');
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
    // The Word file's charts: the CLI's renderer and shipped font, run in the page's worker (src/cli/chart-png.ts), so the same pictures.
    for (const command of ['evaluate', 'report', 'template']) {
      const run = plancheck(await argvOf(w.page, command), { cwd: dir, timeout: 300_000 });
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
      if (name === 'plancheck-report.docx') {
        // The charts are there, in both, as the same PNG files.
        const media = Object.keys((await JSZip.loadAsync(bytes)).files).filter((n) => /^word\/media\/.+\.png$/u.test(n));
        expect(media.length, name).toBeGreaterThanOrEqual(40);
        expect(Object.keys((await JSZip.loadAsync(cli)).files).filter((n) => n.startsWith('word/media/')).sort()).toEqual(media.sort());
      }
    }
  }, 240_000);

  it('runs the year, region and stage chosen in its controls as the CLI runs those options', async () => {
    w = await openPage(browser);
    await w.page.setInputFiles('#files', [SAMPLE, TOWNSHIPS]);
    await settled(w.page);
    await w.page.selectOption('#choice-year', '2023');
    await settled(w.page);
    await w.page.selectOption('#choice-region', '321202');
    await settled(w.page);
    await w.page.selectOption('#choice-stage', 'final');
    await settled(w.page);
    expect(await argvOf(w.page, 'evaluate')).toEqual(expect.arrayContaining(['--year', '2023', '--region', '321202']));
    expect(await argvOf(w.page, 'report')).toEqual(expect.arrayContaining(['--stage', 'final', '--region', '321202']));
    const rows = await pageRows(w);
    expect(new Set(rows.map((r) => `${r.region} ${r.year}`))).toEqual(new Set(['321202 2023']));
    expect(rows).toEqual(cliRows([SAMPLE], ['--regions', TOWNSHIPS, '--year', '2023', '--region', '321202']));
    expect(await w.page.getAttribute('iframe.report', 'srcdoc')).toContain('终期评估');
  }, 240_000);

  it('lists the regions file\'s 乡镇 in its region control, each under its 市(区), and runs one chosen as --region does', async () => {
    w = await openPage(browser);
    const choices = () => w.page.$$eval('#choice-region option', (os) => os.map((o) => [(o as HTMLOptionElement).value, o.textContent ?? '']));
    await w.page.setInputFiles('#files', [SAMPLE]);
    await settled(w.page);
    // Without a regions file: the plan's regions only.
    const planOnly = await choices();
    expect(planOnly.map(([v]) => v)).toEqual(['', '321200', '321202', '321203', '321204', '321281', '321282', '321283']);
    await w.page.setInputFiles('#files', [SAMPLE, TOWNSHIPS]);
    await settled(w.page);
    const all = await choices();
    const codes = all.map(([v]) => v);
    // Every 乡镇 of the file, right under its 市(区), indented one level.
    const townships = readFileSync(TOWNSHIPS, 'utf8').trim().split(/\r?\n/u).slice(1).map((l) => l.split(','));
    expect(all.length).toBe(planOnly.length + townships.length);
    for (const [code, name, parent] of townships) {
      expect(all[codes.indexOf(code!)], code).toEqual([code, `\u3000${name}`]);
      const above = codes.slice(codes.indexOf(parent!), codes.indexOf(code!));
      expect(above.every((c) => c === parent || c!.startsWith(parent!)), code).toBe(true);
    }
    await w.page.selectOption('#choice-region', '321202101');
    await settled(w.page);
    expect(await argvOf(w.page, 'evaluate')).toEqual(expect.arrayContaining(['--region', '321202101']));
    expect(await w.page.inputValue('#choice-region')).toBe('321202101');
    const rows = await pageRows(w);
    expect(new Set(rows.map((r) => r.region))).toEqual(new Set(['321202101']));
    expect(rows).toEqual(cliRows([SAMPLE], ['--regions', TOWNSHIPS, '--region', '321202101']));
  }, 240_000);

  it('evaluates the GBK sample and an .xlsx return as the CLI does', async () => {
    for (const file of [GBK, XLSX]) {
      w = await openPage(browser);
      await w.page.setInputFiles('#files', [file]);
      await settled(w.page);
      const rows = await pageRows(w);
      expect(rows.length, file).toBeGreaterThan(0);
      expect(rows, file).toEqual(cliRows([file]));
      if (file !== XLSX) {
        await w.page.close();
        expect(w.requests).toEqual([]);
        expect(w.errors).toEqual([]);
      }
    }
  }, 240_000);

  it('shows bad input as the CLI\'s located messages, in Chinese and in English', async () => {
    w = await openPage(browser);
    await w.page.setInputFiles('#files', [BAD]);
    await settled(w.page);
    expect(await w.page.getAttribute('.argv[data-command=evaluate]', 'data-exit')).toBe('2');
    const findings = (await w.page.textContent('#tab-findings pre'))!;
    const cli = plancheck(['evaluate', 'several-errors.csv'], { cwd: dirname(BAD) });
    expect(cli.code).toBe(2);
    expect(findings).toBe(cli.stderr);
    expect(findings).toContain('several-errors.csv:4:4: 错误: 数值“9 8”不是数字');
    await w.page.selectOption('#choice-lang', 'en');
    await settled(w.page);
    expect(await w.page.textContent('#tab-findings pre')).toContain('several-errors.csv:4:4: error:');
  }, 180_000);

  it('loads another plan from a folder of rule files, validated as plancheck validate does', async () => {
    w = await openPage(browser);
    await w.page.setInputFiles('#plan-folder', TESTLAND);
    await w.page.waitForSelector('.argv[data-command=validate][data-argv*="--plan"]', { state: 'attached' });
    expect(await w.page.textContent('#plan-line')).toContain('Testland');
    const good = plancheck(['validate', '--plan', 'testland'], { cwd: dirname(TESTLAND) });
    expect((await w.page.textContent('#tab-plan pre'))!.trim()).toBe(`${good.stdout}${good.stderr}`.trim());
    // A broken rule file: its located errors, as the CLI gives them.
    const broken = join(tempDir('plancheck-app-plan-'), 'broken');
    mkdirSync(broken);
    for (const name of ['plan.yaml', 'water.yaml']) copyFileSync(join(TESTLAND, name), join(broken, name));
    writeFileSync(join(broken, 'water.yaml'), readFileSync(join(broken, 'water.yaml'), 'utf8').replace(/kind: \w+/u, 'kind: nonsense'));
    await w.page.setInputFiles('#plan-folder', broken);
    await w.page.waitForSelector('.argv[data-command=validate][data-exit="2"]', { state: 'attached' });
    const bad = plancheck(['validate', '--plan', 'broken'], { cwd: dirname(broken) });
    expect(bad.code).toBe(2);
    const shown = (await w.page.textContent('#tab-plan pre'))!;
    expect(shown).toContain('broken/water.yaml:');
    expect(shown).toBe(bad.stderr);
  }, 120_000);

  it('reads a large return in its worker with a moving progress bar, and cancels', async () => {
    w = await openPage(browser);
    await w.page.setInputFiles('#files', [BIG.returns, BIG.regions]);
    // The bar moves: two different values below its end, read while the worker reads.
    const seen = new Set<string>();
    for (let i = 0; i < 600 && seen.size < 2; i++) {
      const v = await w.page.getAttribute('#progress', 'value');
      const max = await w.page.getAttribute('#progress', 'max');
      if (v !== null && max !== null && Number(v) > 0 && Number(v) < Number(max)) seen.add(v);
      await w.page.waitForTimeout(20);
    }
    expect(seen.size).toBeGreaterThanOrEqual(2);
    // The page answers while the worker works.
    expect(await w.page.evaluate('1 + 1')).toBe(2);
    await w.page.click('#cancel');
    expect(await w.page.textContent('#message')).toBe('已取消。');
    expect(await w.page.isHidden('#busy')).toBe(true);
    // A new run after a cancel works.
    await w.page.setInputFiles('#files', [GBK]);
    await settled(w.page);
    expect(await w.page.locator('tr[data-status]').count()).toBeGreaterThan(0);
  }, 240_000);
});

/**
 * A long return of some 320,000 rows (19 MB, five of the reader's 4 MiB pieces) for
 * `units` 乡镇 under the six 市(区), with its regions file: rates with numerator and denominator.
 */
function bigReturn(units = 6000): { returns: string; regions: string } {
  const dir = tempDir('plancheck-app-big-');
  const districts = ['321202', '321203', '321204', '321281', '321282', '321283'];
  const regions = ['code,name,parent', '321200,泰州市,', ...districts.map((d, i) => `${d},${['海陵区', '高港区', '姜堰区', '兴化市', '靖江市', '泰兴市'][i]},321200`)];
  const rows = ['indicator,region,year,numerator,denominator'];
  const indicators = ['0-6岁儿童眼保健和视力检查年覆盖率', '中小学校心理教师配备率', '省市优质幼儿园覆盖率', '适龄残疾儿童义务教育毛入学率', '符合条件的残疾儿童基本康复服务率', '在校学生心理健康核心知识知晓率', '新生儿死亡率', '婴儿死亡率', '5岁以下儿童死亡率'];
  for (let u = 0; u < units; u++) {
    const code = `${districts[u % 6]}${String(u).padStart(6, '0')}`;
    regions.push(`${code},镇${u},${districts[u % 6]}`);
    for (const [k, ind] of indicators.entries()) {
      for (let y = 2020; y <= 2025; y++) {
        const den = 500 + ((u * 7 + y) % 400);
        rows.push(`${ind},${code},${y},${k >= 6 ? (u + y) % 3 : den - ((u + y + k) % 5)},${den}`);
      }
    }
  }
  const returns = join(dir, 'returns.csv');
  const regionsFile = join(dir, 'regions.csv');
  writeFileSync(returns, `${rows.join('\n')}\n`);
  writeFileSync(regionsFile, `${regions.join('\n')}\n`);
  return { returns, regions: regionsFile };
}

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
