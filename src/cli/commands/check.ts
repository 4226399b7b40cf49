// plancheck check <data…>: returns parsed and checked, nothing evaluated.
import { hasErrors } from '../../diagnostics.js';
import { t } from '../../i18n/index.js';
import type { Io } from '../io.js';
import { parseLang } from '../options.js';
import { printDiagnostics } from '../output.js';
import { readPlan } from '../plan-files.js';
import { readInputs } from '../returns.js';
import type { CommonOptions } from './common.js';

export async function runCheck(io: Io, data: string[], opts: CommonOptions & { regions?: string }): Promise<number> {
  const lang = parseLang(opts.lang, io.env);
  const { plan, diagnostics: planDiagnostics } = await readPlan(io, opts.plan);
  const inputs = readInputs(io, plan, data, opts.regions);
  const diagnostics = [...planDiagnostics, ...inputs.diagnostics];
  printDiagnostics(io, diagnostics, lang, opts.quiet === true);
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.filter((d) => d.severity === 'warning').length;
  if (!opts.quiet) {
    for (const [file, encoding] of Object.entries(inputs.encodings)) io.stdout(`${t(lang, 'cli/check-file', { file, encoding })}\n`);
    io.stdout(`${t(lang, 'cli/check-summary', { observations: inputs.observations.length, errors, warnings })}\n`);
  }
  return hasErrors(diagnostics) ? 2 : 0;
}
