/// <reference lib="dom" />
// The page's worker: runs the CLI's own commands (validate, evaluate, report, template) on
// files held in memory (memory-io.ts), so that a large return is read off the page's
// thread and every result, message and file is the one `plancheck` gives for the same
// inputs and options. Bundled for browsers by scripts/build-app.mjs.
import { runEvaluate } from '../cli/commands/evaluate.js';
import { runReport } from '../cli/commands/report.js';
import { runTemplate } from '../cli/commands/template.js';
import { runValidate } from '../cli/commands/validate.js';
import { readPlan } from '../cli/plan-files.js';
import { failureStatus } from '../cli/run-error.js';
import type { Lang } from '../i18n/index.js';
import { decode } from '../ingest/decode.js';
import { isRegionsHeader, readRegionsFile } from '../ingest/regions-file.js';
import { readTable } from '../ingest/table.js';
import { isZip } from '../ingest/zip-magic.js';
import { inflateRawSync } from 'node:zlib';
import { memoryIo, type MemoryIo } from './memory-io.js';
import type { Choices, GivenFile, PlanInfo, ReadFile, Request, RunDone, WorkerMessage } from './protocol.js';

/** The bundled plan's rule files, by name, put in by the build. */
declare const PLANCHECK_PLAN_FILES: Record<string, string>;

/** The CLI's own dist/ files the Word file's charts are drawn with (the renderer's wasm, the font), by their place in dist/: raw deflate, base64. */
declare const PLANCHECK_SHIPPED_FILES: Record<string, string>;

/** The folders of the page's files: the returns (the working folder), the outputs, the plans. */
const DATA = '/data';
const OUT = '/out';
const BUNDLED_PLAN = '/plancheck/plan';
/** Where the CLI's module would be: src/cli/chart-png.ts reads the shipped files beside it (import.meta.url, set by the build). */
const DIST = '/plancheck/dist';

/** The shipped files, inflated once, on the first run that needs them. */
let shipped: Array<[string, Uint8Array]> | undefined;
function shippedFiles(): Array<[string, Uint8Array]> {
  shipped ??= Object.entries(PLANCHECK_SHIPPED_FILES).map(([name, base64]) => {
    const binary = atob(base64);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return [`${DIST}/${name}`, inflateRawSync(bytes)];
  });
  return shipped;
}

type Named = { name: string };

/** The files given, read (in the worker: the page's thread never holds a large return's bytes). */
const readAll = (files: readonly GivenFile[]): Promise<ReadFile[]> => Promise.all(files.map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.file.arrayBuffer()) })));

/** The folder of another plan's rule files, by its name: in the working folder, as `--plan NAME` names it on a command line. */
const folderOf = (plan: readonly Named[]): string => plan[0]?.name.split('/')[0] || 'plan';
const planDir = (plan: readonly Named[] | undefined): string => (plan ? `${DATA}/${folderOf(plan)}` : BUNDLED_PLAN);
/** The --plan option the commands get: another plan's folder by its name, relative to the working folder, as a command line gives it. */
const planOption = (plan: readonly Named[] | undefined): string => (plan ? folderOf(plan) : BUNDLED_PLAN);
const planArgs = (plan: readonly Named[] | undefined): string[] => (plan ? ['--plan', folderOf(plan)] : []);

const post = (m: WorkerMessage) => (self as unknown as Worker).postMessage(m);

type Command = RunDone['command'];

/** A fresh in-memory file system with the plan and the files given; progress told for `command`. */
function ioFor(command: Command, files: readonly ReadFile[], plan: readonly ReadFile[] | undefined, env: Record<string, string>): MemoryIo {
  // Told at each 4 MiB piece: some fifteen messages for the 1 M-row reference return.
  const io = memoryIo({ cwd: DATA, env, onRead: (_path, done, size) => post({ type: 'progress', command, done, size }) });
  const encoder = new TextEncoder();
  for (const d of ['/plancheck', BUNDLED_PLAN, OUT]) io.dirs.add(d);
  for (const [name, text] of Object.entries(PLANCHECK_PLAN_FILES)) io.files.set(`${BUNDLED_PLAN}/${name}`, encoder.encode(text));
  if (command === 'report') for (const [path, bytes] of shippedFiles()) io.files.set(path, bytes);
  if (plan) {
    const dir = planDir(plan);
    io.dirs.add(dir);
    // The folder's own rule files: those at its top, as `--plan DIR` reads them.
    for (const f of plan) io.files.set(`${dir}/${f.name.split('/').slice(1).join('/') || f.name}`, f.bytes);
  }
  for (const f of files) io.files.set(`${DATA}/${f.name}`, f.bytes);
  return io;
}

/** Runs one command as the command line does: its exit status, what it printed and wrote. */
async function run(command: Command, argv: string[], io: MemoryIo, lang: Lang, go: () => Promise<number>): Promise<RunDone> {
  let code: number;
  try {
    code = await go();
  } catch (e) {
    code = failureStatus(io, e, lang);
  }
  const outputs: Record<string, Uint8Array> = {};
  for (const path of io.written) outputs[path.slice(path.lastIndexOf('/') + 1)] = io.files.get(path)!;
  return { type: 'run', command, argv, code, stdout: io.out.join(''), stderr: io.err.join(''), outputs };
}

/** Whether a file is a regions list (its header code, name, parent) rather than a return. */
function isRegionsFile(f: ReadFile): boolean {
  if (isZip(f.bytes)) return false;
  const head = decode(f.bytes.subarray(0, 64 * 1024), f.name);
  if (head.text === undefined) return false;
  const lines = head.text.split(/\r?\n/u);
  // The first lines only: a header, and a row whose end the 64 KiB may have cut.
  const table = readTable(lines.slice(0, Math.min(lines.length - 1, 20)).join('\n') || lines[0]!, f.name).table;
  return table !== undefined && isRegionsHeader(table.header);
}

async function describePlan(plan: ReadFile[] | undefined, lang: Lang): Promise<void> {
  const io = ioFor('validate', [], plan, {});
  const dir = planOption(plan);
  const validate = await run('validate', ['validate', ...planArgs(plan), '--lang', lang], io, lang, () => runValidate(io, { plan: dir, lang }));
  let info: PlanInfo | undefined;
  if (validate.code === 0) {
    const { plan: p } = await readPlan(io, dir);
    const years: number[] = [];
    for (let y = p.baselineYear; y <= p.finalYear; y++) years.push(y);
    info = { title: lang === 'en' ? (p.titleEn ?? p.title) : p.title, indicators: p.indicators.filter((i) => i.target).length, regions: p.regions.map((r) => ({ code: r.code, name: r.name })), years };
  }
  post({ type: 'plan', ...(info ? { info } : {}), validate });
}

async function evaluateAll(files: ReadFile[], plan: ReadFile[] | undefined, c: Choices, env: Record<string, string>): Promise<void> {
  const regionsFile = files.find(isRegionsFile);
  const returns = files.filter((f) => f !== regionsFile).map((f) => f.name);
  post({ type: 'classified', returns, ...(regionsFile ? { regions: regionsFile.name } : {}) });
  const dir = planOption(plan);
  const shown = planArgs(plan);
  const regions = regionsFile ? { regions: regionsFile.name } : {};
  const regionsArgs = regionsFile ? ['--regions', regionsFile.name] : [];
  const region = c.region ? { region: [c.region] } : {};
  const regionArgs = c.region ? ['--region', c.region] : [];
  const layout = c.layout !== 'auto' ? { layout: c.layout } : {};
  const layoutArgs = c.layout !== 'auto' ? ['--layout', c.layout] : [];
  const year = c.year ? { year: c.year } : {};
  const yearArgs = c.year ? ['--year', c.year] : [];
  const lang = { lang: c.lang };
  const out = (name: string) => `${OUT}/${name}`;

  const table = ['plancheck-results.xlsx', 'plancheck-results.csv', 'plancheck-results.json'];
  let io = ioFor('evaluate', files, plan, env);
  const evaluated = await run(
    'evaluate',
    ['evaluate', ...returns, ...regionsArgs, ...yearArgs, ...regionArgs, ...layoutArgs, ...shown, '--lang', c.lang, ...table.flatMap((t) => ['-o', t]), '--diagnostics', 'plancheck-findings.csv'],
    io,
    c.lang,
    () => runEvaluate(io, returns, { plan: dir, ...regions, ...year, ...region, ...layout, ...lang, output: table.map(out), diagnostics: out('plancheck-findings.csv') }),
  );
  const csv = evaluated.outputs['plancheck-results.csv'];
  if (csv) {
    const read = readTable(new TextDecoder().decode(csv), 'plancheck-results.csv').table;
    if (read) evaluated.table = { header: read.header, rows: read.rows.map((r) => r.cells) };
    const { plan: p } = await readPlan(io, dir);
    evaluated.decimals = Object.fromEntries(p.indicators.flatMap((i) => (i.decimals === undefined ? [] : [[i.id, i.decimals]])));
    if (regionsFile) {
      const named = new Set(p.regions.map((r) => r.code));
      evaluated.units = readRegionsFile({ file: regionsFile.name, bytes: regionsFile.bytes }, p).regions.flatMap((r) => (named.has(r.code) || !r.parent ? [] : [{ code: r.code, name: r.name, parent: r.parent }]));
    }
  }
  post(evaluated);

  const report = ['plancheck-report.docx', 'plancheck-report.html', 'plancheck-report.md'];
  io = ioFor('report', files, plan, env);
  post(
    await run(
      'report',
      ['report', ...returns, ...regionsArgs, '--stage', c.stage, ...regionArgs, ...layoutArgs, ...shown, '--lang', c.lang, ...report.flatMap((t) => ['-o', t])],
      io,
      c.lang,
      () => runReport(io, returns, { plan: dir, stage: c.stage, ...regions, ...region, ...(c.layout !== 'auto' ? { layout: c.layout as 'long' } : {}), ...lang, output: report.map(out) }),
    ),
  );

  // The blank form of the year chosen (the plan's final year for "latest" or "all", as the CLI's default).
  const formYear = /^\d{4}$/u.test(c.year) ? { year: c.year } : {};
  io = ioFor('template', files.filter((f) => f === regionsFile), plan, env);
  post(
    await run(
      'template',
      ['template', ...(formYear.year ? ['--year', formYear.year] : []), ...regionArgs, ...regionsArgs, ...shown, '--lang', c.lang, '-o', 'plancheck-form.xlsx'],
      io,
      c.lang,
      () => runTemplate(io, { plan: dir, ...formYear, ...region, ...regions, ...lang, output: out('plancheck-form.xlsx') }),
    ),
  );
}

self.onmessage = async (event: MessageEvent<Request>) => {
  const request = event.data;
  try {
    const plan = request.plan ? await readAll(request.plan) : undefined;
    if (request.type === 'plan') await describePlan(plan, request.lang);
    else await evaluateAll(await readAll(request.files), plan, request.choices, request.env);
    post({ type: 'done' });
  } catch (e) {
    post({ type: 'crash', message: e instanceof Error ? `${e.message}\n${e.stack ?? ''}` : String(e) });
  }
};
