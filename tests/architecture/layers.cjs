// The layers of src/, lowest first, and what each may import: dependency-cruiser's rules,
// run over src/ by layers.test.ts (part of `npm test`), or by hand with
//   npx depcruise src --config tests/architecture/layers.cjs
// Every import runs down the list (or stays in its layer), never up, and no files import
// each other in a circle. Type-only imports count: a type is a dependency too.
// docs/architecture.md says the same in prose, with where new things go.

/** A layer: the files it holds, as a path pattern (paths are relative to the folder cruised from). */
const layer = (...patterns) => `^src/(${patterns.join('|')})`;

// The base: located findings and typed errors (diagnostics.ts), plain text helpers (text/:
// names compared, control characters shown, display width), and the JSON Schemas of the
// plan files (schema/). Imports nothing of plancheck.
const BASE = layer('diagnostics\\.ts$', 'text/', 'schema/');
// The words users read, in Chinese and English: one catalog per layer, looked up by code.
// Imports only the base: the layers below say codes, the words come from here.
const I18N = layer('i18n/');
// The data model: what a return holds once read, independent of any plan — Observation,
// RowRef, the disaggregations (Sex, Residence), the cell store and its compact columns.
// Imports only the base.
const MODEL = layer('model/');
// The plan as data: its model (indicators, targets, regions, levels), the consistency rules,
// loading and validating its YAML files, and the indexes that find an indicator or region
// by any of its names. Imports the base and the model (whose disaggregations a split target
// names); it knows no target kinds: it validates targets against a schema it is given.
const PLAN = layer('plan/');
// The reader: bytes → text → rows → layout → cells → the model's store, with located
// diagnostics; and the regions file and the blank form. Imports the base, the model and the
// plan; never the engine, which reads what it produced.
const INGEST = layer('ingest/');
// The evaluation, pure: plan + cells → verdicts. The registry of target kinds (one file a
// kind: id, schema fragment, evaluation, words), derivation of regions, progress.
// Imports the base, the model and the plan; never the reader.
const ENGINE = layer('engine/');
// The data-quality report of a return: completeness, consistency rules, units, outliers;
// and its own text and JSON. Imports the base, the words, the model, the plan and the engine.
const QUALITY = layer('quality/');
// The evaluation report as data (中期/终期评估): progress, baselines, breakdowns, notes.
// Imports the base, the model, the plan and the engine; its words are the formatters'.
const REPORT = layer('report/');
// The formatters, pure: evaluation or report in, text or bytes out (table, JSON, CSV,
// Markdown, JUnit, GitHub, xlsx, docx, HTML). Imports everything below but the reader and
// the data-quality report.
const FORMAT = layer('format/');
// The command line: the only code that touches process, files and the terminal. May import
// every layer; not the API entry.
const CLI = layer('cli/');
// The programmatic API (src/index.ts): re-exports what the CLI builds on. Not the CLI.
const API = layer('index\\.ts$');
// The offline page (src/app/): a browser shell that runs the CLI's own commands in a worker
// on files held in memory (memory-io.ts implements the CLI's Io), with browser versions of
// the few Node APIs they use (shims/). May import every layer, the CLI included, but not the
// API entry; nothing imports it.
const APP = layer('app/');

const ALL = [BASE, I18N, MODEL, PLAN, INGEST, ENGINE, QUALITY, REPORT, FORMAT, CLI, API, APP];
const either = (...layers) => layers.join('|');

/** A layer that imports a src/ file outside `allowed`. */
const onlyImports = (name, from, allowed, comment) => ({
  name,
  comment,
  severity: 'error',
  from: { path: from },
  to: { path: '^src/', pathNot: either(...allowed) },
});

module.exports = {
  forbidden: [
    onlyImports('base-imports-no-layer', BASE, [BASE], 'diagnostics.ts, text/ and schema/ are the base: they import nothing of plancheck'),
    onlyImports('i18n-imports-base', I18N, [BASE, I18N], 'the message catalogs import only the base'),
    onlyImports('model-imports-base', MODEL, [BASE, MODEL], 'the data model is independent of the plan and of every layer above'),
    onlyImports('plan-imports-model', PLAN, [BASE, MODEL, PLAN], 'the plan knows the model, not the reader, the engine or the words'),
    onlyImports('ingest-imports-plan', INGEST, [BASE, MODEL, PLAN, INGEST], 'the reader produces the model from the plan; it does not import the engine'),
    onlyImports('engine-imports-plan', ENGINE, [BASE, MODEL, PLAN, ENGINE], 'the engine reads the model and the plan, never the reader, and says codes, not words'),
    onlyImports('quality-imports-engine', QUALITY, [BASE, I18N, MODEL, PLAN, ENGINE, QUALITY], 'the data-quality report reads the model; no reader, report or formatter'),
    onlyImports('report-imports-engine', REPORT, [BASE, MODEL, PLAN, ENGINE, REPORT], 'the evaluation report is data: no reader, no words, no formatter'),
    onlyImports('format-imports-below', FORMAT, [BASE, I18N, MODEL, PLAN, ENGINE, REPORT, FORMAT], 'formatters are pure: they format what the layers below produced'),
    {
      name: 'cli-not-api',
      comment: 'the CLI is built on the layers, not on the API entry that re-exports them',
      severity: 'error',
      from: { path: CLI },
      to: { path: API },
    },
    {
      name: 'api-not-cli',
      comment: 'the API entry does not touch the command line',
      severity: 'error',
      from: { path: API },
      to: { path: CLI },
    },
    {
      name: 'app-not-api',
      comment: 'the offline page runs the CLI\'s commands, not the API entry',
      severity: 'error',
      from: { path: APP },
      to: { path: API },
    },
    {
      name: 'nothing-imports-app',
      comment: 'the offline page is the top: no other layer imports it',
      severity: 'error',
      from: { path: '^src/', pathNot: APP },
      to: { path: APP },
    },
    {
      name: 'in-a-layer',
      comment: 'every file of src/ belongs to one of the layers above (a new folder is added here, with its place)',
      severity: 'error',
      from: { path: '^src/', pathNot: either(...ALL) },
      to: {},
    },
    {
      name: 'to-a-layer',
      comment: 'every file of src/ that is imported belongs to one of the layers above',
      severity: 'error',
      from: {},
      to: { path: '^src/', pathNot: either(...ALL) },
    },
    {
      name: 'no-circle',
      comment: 'no files import each other, directly or around a circle: what both need goes into a file both import',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true },
    },
  ],
  options: {
    includeOnly: '^src/',
    doNotFollow: { path: 'node_modules' },
    // Imports of types only are dependencies too.
    tsPreCompilationDeps: true,
  },
};
