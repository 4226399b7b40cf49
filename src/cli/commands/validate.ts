// plancheck validate: the plan's files against the schema and each other.
import { t } from '../../i18n/index.js';
import type { Io } from '../io.js';
import { parseLang } from '../options.js';
import { printDiagnostics } from '../output.js';
import { readPlan } from '../plan-files.js';
import type { CommonOptions } from './common.js';

export async function runValidate(io: Io, opts: CommonOptions): Promise<number> {
  const lang = parseLang(opts.lang, io.env);
  const { plan, diagnostics } = await readPlan(io, opts.plan, { noCache: true });
  printDiagnostics(io, diagnostics, lang, opts.quiet === true);
  const withTarget = plan.indicators.filter((i) => i.target).length;
  const main = plan.indicators.filter((i) => i.main !== undefined).length;
  if (!opts.quiet) io.stdout(`${t(lang, 'cli/plan-valid', { title: plan.title, indicators: withTarget, main, regions: plan.regions.length })}\n`);
  return 0;
}
