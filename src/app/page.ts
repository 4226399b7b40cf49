/// <reference lib="dom" />
// The offline page (issue 24): picks or takes dropped returns, runs plancheck on them in a
// worker (worker.ts, the CLI's own commands) and shows what the CLI gives — the compliance
// table, the findings, the report — with each file it wrote to download. Built into one
// HTML file by scripts/build-app.mjs; it asks nothing of any address.
import { formatValue } from '../format/words.js';
import { t } from '../i18n/index.js';
import type { Choices, GivenFile, PlanInfo, Request, RunDone, WorkerMessage } from './protocol.js';

/** The worker's code, put in by the build. */
declare const PLANCHECK_WORKER_SOURCE: string;

interface State {
  files: GivenFile[];
  plan?: GivenFile[];
  planName?: string;
  info?: PlanInfo;
  choices: Choices;
  runs: Partial<Record<RunDone['command'], RunDone>>;
  classified?: { returns: string[]; regions?: string };
  /** The regions file's 乡镇, as the last evaluation read them (kept while a new run works). */
  units?: RunDone['units'];
  busy: boolean;
  message?: string;
}

const state: State = { files: [], choices: { year: '', region: '', layout: 'auto', stage: 'midterm', lang: 'zh' }, runs: {}, busy: false };
let worker: Worker | undefined;
let workerUrl: string | undefined;
/** Object URLs of the downloads on show, revoked when replaced. */
let downloadUrls: string[] = [];

const $ = <T extends HTMLElement>(sel: string): T => document.querySelector(sel) as T;
const w = (code: string, params: Record<string, string | number> = {}) => t(state.choices.lang, code, params);

function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, ...children: Array<Node | string>): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  for (const c of children) e.append(c);
  return e;
}

function startWorker(): Worker {
  if (worker) return worker;
  workerUrl ??= URL.createObjectURL(new Blob([PLANCHECK_WORKER_SOURCE], { type: 'text/javascript' }));
  worker = new Worker(workerUrl);
  worker.onmessage = (e: MessageEvent<WorkerMessage>) => received(e.data);
  worker.onerror = (e) => {
    e.preventDefault();
    finish(w('app/crash', { message: e.message }));
  };
  return worker;
}

function send(request: Request): void {
  state.busy = true;
  state.message = undefined;
  const bar = $<HTMLProgressElement>('#progress');
  bar.removeAttribute('value');
  $('#progress-text').textContent = w('app/working');
  $('#busy').hidden = false;
  startWorker().postMessage(request);
}

function finish(message?: string): void {
  state.busy = false;
  state.message = message;
  $('#busy').hidden = true;
  render();
}

function cancel(): void {
  worker?.terminate();
  worker = undefined;
  finish(w('app/cancelled'));
}

function received(m: WorkerMessage): void {
  if (m.type === 'progress') {
    const bar = $<HTMLProgressElement>('#progress');
    bar.max = m.size;
    bar.value = m.done;
    const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
    $('#progress-text').textContent = `${w(`app/phase-${m.command}`)}: ${w('app/progress', { done: mb(m.done), size: mb(m.size) })}`;
  } else if (m.type === 'classified') state.classified = { returns: m.returns, ...(m.regions ? { regions: m.regions } : {}) };
  else if (m.type === 'plan') {
    state.info = m.info;
    state.runs = { validate: m.validate };
    render();
  } else if (m.type === 'run') {
    state.runs[m.command] = m;
    if (m.command === 'evaluate' && m.units) state.units = m.units;
    render();
  } else if (m.type === 'done') finish();
  else if (m.type === 'crash') finish(w('app/crash', { message: m.message }));
}

function loadPlan(): void {
  state.runs = {};
  send({ type: 'plan', ...(state.plan ? { plan: state.plan } : {}), lang: state.choices.lang });
}

function evaluateFiles(): void {
  if (state.files.length === 0) return render();
  if (state.busy) cancel();
  state.runs = { ...(state.runs.validate ? { validate: state.runs.validate } : {}) };
  send({ type: 'evaluate', files: state.files, ...(state.plan ? { plan: state.plan } : {}), choices: { ...state.choices }, env: {} });
}

async function given(list: FileList | null): Promise<GivenFile[]> {
  const files = [...(list ?? [])];
  return files.map((f) => ({ name: f.webkitRelativePath || f.name, file: f }));
}

async function takeFiles(list: FileList | null): Promise<void> {
  const files = await given(list);
  if (files.length === 0) return;
  state.files = files;
  state.classified = undefined;
  state.units = undefined;
  evaluateFiles();
}

// ---- rendering ----

function shell(): void {
  const app = $('#app');
  app.replaceChildren(
    el('header', {}, el('h1', { id: 'title' }), el('p', { id: 'privacy', class: 'privacy' }), el('p', { id: 'plan-line', class: 'plan' })),
    el(
      'section',
      { class: 'inputs' },
      el('label', { id: 'drop', class: 'drop' }, el('span', { id: 'files-label' }), el('input', { type: 'file', id: 'files', multiple: '', accept: '.csv,.txt,.tsv,.xlsx,text/csv' }), el('span', { id: 'drop-label', class: 'hint' })),
      el('p', { id: 'loaded', class: 'hint' }),
      el('div', { class: 'controls' }, control('year'), control('region'), control('layout'), control('stage'), control('lang')),
      el(
        'div',
        { class: 'plan-folder' },
        el('label', {}, el('span', { id: 'plan-label' }), ' ', el('input', { type: 'file', id: 'plan-folder', webkitdirectory: '', multiple: '' })),
        ' ',
        el('button', { type: 'button', id: 'bundled-plan' }),
      ),
      el('div', { id: 'busy', class: 'busy', hidden: '' }, el('progress', { id: 'progress' }), ' ', el('span', { id: 'progress-text' }), ' ', el('button', { type: 'button', id: 'cancel' })),
      el('p', { id: 'message', class: 'message' }),
    ),
    el('nav', { class: 'tabs' }, ...['table', 'findings', 'report', 'plan'].map((tab) => el('button', { type: 'button', 'data-tab': tab }))),
    el('main', {}, el('section', { id: 'tab-table', class: 'tab' }), el('section', { id: 'tab-findings', class: 'tab', hidden: '' }), el('section', { id: 'tab-report', class: 'tab', hidden: '' }), el('section', { id: 'tab-plan', class: 'tab', hidden: '' })),
  );
  const files = $<HTMLInputElement>('#files');
  files.addEventListener('change', () => void takeFiles(files.files));
  const drop = $('#drop');
  drop.addEventListener('dragover', (e) => {
    e.preventDefault();
    drop.classList.add('over');
  });
  drop.addEventListener('dragleave', () => drop.classList.remove('over'));
  drop.addEventListener('drop', (e) => {
    e.preventDefault();
    drop.classList.remove('over');
    void takeFiles(e.dataTransfer?.files ?? null);
  });
  const folder = $<HTMLInputElement>('#plan-folder');
  folder.addEventListener('change', async () => {
    const rules = (await given(folder.files)).filter((f) => /\.ya?ml$/iu.test(f.name));
    state.plan = rules;
    state.planName = rules[0]?.name.split('/')[0] ?? '';
    loadPlan();
    if (state.files.length) pendingEvaluate = true;
  });
  $('#bundled-plan').addEventListener('click', () => {
    delete state.plan;
    delete state.planName;
    folder.value = '';
    loadPlan();
    if (state.files.length) pendingEvaluate = true;
  });
  $('#cancel').addEventListener('click', cancel);
  for (const b of document.querySelectorAll<HTMLButtonElement>('[data-tab]')) b.addEventListener('click', () => showTab(b.dataset.tab!));
}

/** After a plan loads, the returns are evaluated against it. */
let pendingEvaluate = false;

function control(name: keyof Choices): HTMLElement {
  const select = el('select', { id: `choice-${name}`, name });
  select.addEventListener('change', () => {
    (state.choices as unknown as Record<string, string>)[name] = select.value;
    if (name === 'lang') {
      document.documentElement.lang = select.value === 'en' ? 'en' : 'zh-CN';
      loadPlan();
      if (state.files.length) pendingEvaluate = true;
      return render();
    }
    evaluateFiles();
  });
  return el('label', {}, el('span', { id: `label-${name}` }), ' ', select);
}

function options(select: HTMLSelectElement, values: Array<[string, string]>, chosen: string): void {
  select.replaceChildren(...values.map(([value, label]) => el('option', { value, ...(value === chosen ? { selected: '' } : {}) }, label)));
}

/**
 * The region control's choices: the plan's regions and, once a regions file is read, its 乡镇
 * under their 市(区) (indented, a level deeper for each level down), as --region takes them.
 */
function regionChoices(): Array<[string, string]> {
  const units = state.units ?? [];
  const children = new Map<string, Array<{ code: string; name: string }>>();
  for (const u of units) {
    if (!children.has(u.parent)) children.set(u.parent, []);
    children.get(u.parent)!.push(u);
  }
  const out: Array<[string, string]> = [];
  const seen = new Set<string>();
  const add = (r: { code: string; name: string }, depth: number) => {
    if (seen.has(r.code)) return;
    seen.add(r.code);
    out.push([r.code, `${'\u3000'.repeat(depth)}${r.name}`]);
    for (const c of children.get(r.code) ?? []) add(c, depth + 1);
  };
  for (const r of state.info?.regions ?? []) add(r, 0);
  return out;
}

function showTab(tab: string): void {
  for (const s of document.querySelectorAll<HTMLElement>('.tab')) s.hidden = s.id !== `tab-${tab}`;
  for (const b of document.querySelectorAll<HTMLElement>('[data-tab]')) b.classList.toggle('on', b.dataset.tab === tab);
}

function render(): void {
  if (pendingEvaluate && !state.busy && state.info) {
    pendingEvaluate = false;
    evaluateFiles();
  }
  const c = state.choices;
  document.title = w('app/title');
  $('#title').textContent = w('app/title');
  $('#privacy').textContent = w('app/privacy');
  $('#plan-line').textContent = state.info ? w('app/plan', { title: state.info.title, indicators: state.info.indicators }) : '';
  $('#files-label').textContent = w('app/files');
  $('#drop-label').textContent = w('app/drop');
  const cl = state.classified;
  $('#loaded').textContent = state.files.length === 0 ? w('app/none') : [w('app/loaded', { names: (cl?.returns ?? state.files.map((f) => f.name)).join('、') }), cl?.regions ? w('app/regions-file', { name: cl.regions }) : ''].filter(Boolean).join('  ');
  for (const name of ['year', 'region', 'layout', 'stage', 'lang'] as const) $(`#label-${name}`).textContent = w(`app/${name}`);
  options($('#choice-year'), [['', w('app/year-latest')], ['all', w('app/year-all')], ...(state.info?.years ?? []).map((y): [string, string] => [String(y), String(y)])], c.year);
  options($('#choice-region'), [['', w('app/region-all')], ...regionChoices()], c.region);
  options($('#choice-layout'), [['auto', w('app/layout-auto')], ['long', 'long'], ['years', 'years'], ['regions', 'regions']], c.layout);
  options($('#choice-stage'), [['midterm', w('app/stage-midterm')], ['final', w('app/stage-final')]], c.stage);
  options($('#choice-lang'), [['zh', '中文'], ['en', 'English']], c.lang);
  $('#plan-label').textContent = w('app/other-plan');
  $('#bundled-plan').textContent = w('app/bundled-plan');
  $('#bundled-plan').hidden = !state.plan;
  $('#cancel').textContent = w('app/cancel');
  $('#message').textContent = state.message ?? '';
  for (const b of document.querySelectorAll<HTMLElement>('[data-tab]')) b.textContent = w(`app/tab-${b.dataset.tab}`);
  for (const url of downloadUrls) URL.revokeObjectURL(url);
  downloadUrls = [];
  renderTable();
  renderFindings();
  renderReport();
  renderPlan();
}

const MIME: Record<string, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  csv: 'text/csv',
  json: 'application/json',
  html: 'text/html',
  md: 'text/markdown',
};

/** A download of a file a command wrote; `of` says whose (table, findings, report, form). */
function download(run: RunDone | undefined, name: string, of: string): HTMLElement | undefined {
  const bytes = run?.outputs[name];
  if (!bytes) return undefined;
  const ext = name.slice(name.lastIndexOf('.') + 1);
  const url = URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: MIME[ext] ?? 'application/octet-stream' }));
  downloadUrls.push(url);
  return el('a', { href: url, download: name, 'data-download': ext, 'data-of': of, class: 'button' }, `.${ext}`);
}

function downloads(label: string, ...links: Array<HTMLElement | undefined>): HTMLElement {
  const present = links.filter((l): l is HTMLElement => l !== undefined);
  return present.length ? el('p', { class: 'downloads' }, label, ' ', ...present.flatMap((l) => [l, ' '])) : el('span');
}

function commandLine(run: RunDone): HTMLElement {
  return el('p', { class: 'argv', 'data-command': run.command, 'data-argv': JSON.stringify(run.argv), 'data-exit': String(run.code) }, el('code', {}, `plancheck ${run.argv.map((a) => (/[\s"']/u.test(a) ? JSON.stringify(a) : a)).join(' ')}`), ' — ', w('app/exit', { code: run.code }));
}

/** The columns shown, of the CLI's CSV (the unit goes with the value, as the terminal table writes it). */
const STATUS_COLUMNS = ['indicator', 'year', 'target', 'value', 'status', 'gap', 'detail', 'notes'];

/** A value of the CSV as the terminal table writes it: 98.77%, 1.73‰, 是. */
function valueText(value: string, unit: string, decimals: number | undefined): string {
  const shown = decimals === undefined ? unit : { unit, decimals };
  if (value === '') return formatValue(null, shown, state.choices.lang);
  if (value === 'true' || value === 'false') return formatValue(value === 'true', shown, state.choices.lang);
  const x = Number(value);
  return Number.isFinite(x) ? formatValue(x, shown, state.choices.lang) : value;
}

function renderTable(): void {
  const run = state.runs.evaluate;
  const section = $('#tab-table');
  if (!run) return void section.replaceChildren();
  const parts: Node[] = [commandLine(run)];
  parts.push(downloads(w('app/download-table'), download(run, 'plancheck-results.xlsx', 'table'), download(run, 'plancheck-results.csv', 'table'), download(run, 'plancheck-results.json', 'table')));
  parts.push(downloads(w('app/download-form'), download(state.runs.template, 'plancheck-form.xlsx', 'form')));
  if (state.runs.template) parts.push(commandLine(state.runs.template));
  if (run.table) {
    const h = run.table.header;
    // The CSV's columns, by the key each is written under (src/format/result-columns.ts): the words in the language's header, the ids under fixed names.
    const keys = ['id', 'indicator', 'area', 'main', 'region', 'year', 'target', 'value', 'unit', 'status', 'gap', 'derived', 'detail', 'notes'];
    const at = (key: string) => (keys.includes(key) ? keys.indexOf(key) : h.indexOf(key));
    const shown = STATUS_COLUMNS.map(at);
    const byRegion = new Map<string, string[][]>();
    for (const row of run.table.rows) {
      const region = row[at('region_code')]!;
      if (!byRegion.has(region)) byRegion.set(region, []);
      byRegion.get(region)!.push(row);
    }
    const body: HTMLElement[] = [];
    for (const rows of byRegion.values()) {
      body.push(el('tr', { class: 'region' }, el('th', { colspan: String(shown.length) }, `${rows[0]![at('region')]} (${rows[0]![at('region_code')]})`)));
      for (const row of rows) {
        body.push(
          el(
            'tr',
            { 'data-indicator': row[at('id')]!, 'data-region': row[at('region_code')]!, 'data-year': row[at('year')]!, 'data-status': row[at('status_id')]!, class: `status-${row[at('status_id')]}` },
            ...shown.map((i, n) => {
              const column = STATUS_COLUMNS[n]!;
              return el('td', { class: column }, column === 'value' ? valueText(row[i] ?? '', row[at('unit')] ?? '', run.decimals?.[row[at('id')] ?? '']) : (row[i] ?? ''));
            }),
          ),
        );
      }
    }
    parts.push(el('table', { class: 'results' }, el('thead', {}, el('tr', {}, ...shown.map((i) => el('th', {}, h[i] ?? '')))), el('tbody', {}, ...body)));
  }
  if (run.stdout && !run.table) parts.push(el('pre', { class: 'stdout' }, run.stdout));
  if (run.code === 2) parts.push(el('pre', { class: 'errors' }, run.stderr));
  section.replaceChildren(...parts);
}

function renderFindings(): void {
  const run = state.runs.evaluate;
  const section = $('#tab-findings');
  if (!run) return void section.replaceChildren();
  // The findings as the terminal groups them (standard error), each with its file, row and cell.
  section.replaceChildren(
    downloads(w('app/download-findings'), download(run, 'plancheck-findings.csv', 'findings')),
    run.stderr.trim() ? el('pre', { class: 'findings' }, run.stderr) : el('p', {}, w('app/no-findings')),
  );
}

function renderReport(): void {
  const run = state.runs.report;
  const section = $('#tab-report');
  if (!run) return void section.replaceChildren();
  const html = run.outputs['plancheck-report.html'];
  const parts: Node[] = [commandLine(run), downloads(w('app/download-report'), download(run, 'plancheck-report.docx', 'report'), download(run, 'plancheck-report.html', 'report'), download(run, 'plancheck-report.md', 'report'))];
  // What the report command said on standard error (a Word file's charts left out, and why; bad input).
  if (html && run.stderr.trim()) parts.push(el('pre', { class: 'notes' }, run.stderr));
  if (html) parts.push(el('iframe', { class: 'report', sandbox: '', title: w('app/tab-report'), srcdoc: new TextDecoder().decode(html) }));
  else parts.push(el('p', {}, w('app/report-failed')), el('pre', { class: 'errors' }, run.stderr));
  section.replaceChildren(...parts);
}

function renderPlan(): void {
  const run = state.runs.validate;
  const section = $('#tab-plan');
  if (!run) return void section.replaceChildren();
  section.replaceChildren(
    ...(state.planName ? [el('p', {}, w('app/plan-loaded', { name: state.planName, count: state.plan?.length ?? 0 }))] : []),
    commandLine(run),
    el('pre', { class: run.code === 0 ? 'stdout' : 'errors' }, `${run.stdout}${run.stderr}`),
  );
  if (run.code !== 0) showTab('plan');
}

shell();
showTab('table');
render();
loadPlan();
