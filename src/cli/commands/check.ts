// plancheck check <data…>: the data-quality report of the returns, nothing evaluated.
// What is wrong with a return before anyone evaluates it: cells that cannot be read,
// cells missing against the plan (as a grid), breaches of the plan's consistency rules,
// unit mismatches and year-on-year outliers, each located at its cell.
// Exit status: 2 with any error (or, under --strict, any warning), else 0.
import { PlancheckError } from '../../diagnostics.js';
import { checkQuality } from '../../quality/index.js';
import { checkJsonPieces, checkText, passes, type CheckReport } from '../../quality/render.js';
import type { Io } from '../io.js';
import { parseLang } from '../options.js';
import { printDiagnostics } from '../output.js';
import { openRunFindings, planDiagnosticsFile } from '../diagnostics-output.js';
import { readPlan } from '../plan-files.js';
import { refuseEmptyReturns } from '../empty-run.js';
import { prepareInputs, readPrepared, returnPlace } from '../returns.js';
import { tableWidth, type CommonOptions } from './common.js';

export interface CheckOptions extends CommonOptions {
  regions?: string;
  sheet?: string;
  layout?: string;
  strict?: boolean;
  format?: string;
  diagnostics?: string;
}

export async function runCheck(io: Io, data: string[], opts: CheckOptions): Promise<number> {
  const lang = parseLang(opts.lang, io.env);
  const format = opts.format ?? 'table';
  if (format !== 'table' && format !== 'json') throw new PlancheckError('cli/bad-option', { option: '--format', value: format, allowed: 'table, json' });
  const { plan, diagnostics: planDiagnostics } = await readPlan(io, opts.plan);
  const prepared = prepareInputs(io, plan, data, opts.regions, {
    ...(opts.sheet !== undefined ? { sheet: opts.sheet } : {}),
    ...(opts.layout !== undefined ? { layout: opts.layout } : {}),
  });
  const diagnosticsFile = planDiagnosticsFile(io, opts.diagnostics, prepared.inputPaths);
  // Findings are bounded in memory and go to the --diagnostics file as they come, from the reading on.
  const found = await openRunFindings(io, diagnosticsFile, lang);
  let report: CheckReport;
  try {
    const { findings } = found;
    findings.push(...planDiagnostics);
    const inputs = await readPrepared(plan, prepared, findings);
    const quality = checkQuality(plan, inputs.regions, inputs.cells, { where: returnPlace(inputs), lang });
    findings.push(...quality.findings);
    refuseEmptyReturns(inputs, findings);
    const diagnostics = findings.list;
    report = {
      plan: { id: plan.id, title: plan.title, ...(plan.titleEn !== undefined ? { titleEn: plan.titleEn } : {}) },
      files: inputs.files.map((file) => ({
        file,
        ...(inputs.encodings[file] !== undefined ? { encoding: inputs.encodings[file] } : {}),
        ...(inputs.sheets[file] !== undefined ? { sheet: inputs.sheets[file] } : {}),
        ...(inputs.layouts[file] !== undefined ? { layout: inputs.layouts[file] } : {}),
      })),
      observations: inputs.cells.size,
      diagnostics,
      completeness: quality.completeness,
      strict: opts.strict === true,
    };
    printDiagnostics(io, diagnostics, lang, opts.quiet === true);
    found.finish();
  } catch (e) {
    found.abandon();
    throw e;
  }
  if (!opts.quiet) {
    if (format === 'json') for (const piece of checkJsonPieces(report, lang)) io.stdout(piece);
    else io.stdout(checkText(report, lang, tableWidth(io)));
  }
  return passes(report) ? 0 : 2;
}
