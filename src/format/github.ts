// GitHub Actions workflow commands: each problem in a return becomes an annotation on
// the return's own line (`::error file=F,line=L,col=C::message`), and each target not
// met an annotation naming indicator, region, target, value and gap, placed on the
// indicator's rule in the plan. Everything from data or plan is escaped as the runner
// wants it, so a 备注 or a name can never end an annotation or start another command.
import { diagnosticMessage, t } from '../i18n/index.js';
import type { Diagnostic } from '../diagnostics.js';
import type { Evaluation, Result } from '../engine/evaluate.js';
import { detail, indicatorName, targetText } from './detail.js';
import { groupFindings } from './findings.js';
import type { FormatContext } from './records.js';
import { formatGap, formatValue, statusLabel } from './words.js';

/** The message part of a command: %, CR and LF escaped. */
export function ghData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A property value (file=, title=): also `:` and `,`, which end a property. */
export function ghProperty(s: string): string {
  return ghData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

type Level = 'error' | 'warning' | 'notice';

function command(level: Level, props: Record<string, string | number | undefined>, message: string): string {
  const list = Object.entries(props)
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined && entry[1] !== '')
    .map(([k, v]) => `${k}=${ghProperty(String(v))}`);
  return `::${level}${list.length ? ` ${list.join(',')}` : ''}::${ghData(message)}`;
}

const LEVEL: Record<Diagnostic['severity'], Level> = { error: 'error', warning: 'warning', info: 'notice' };

function diagnosticLine(d: Diagnostic, ctx: FormatContext): string {
  // A workbook cell has no line in a text editor: its row is the closest thing, and the
  // message names the sheet and cell.
  const where = d.sheet !== undefined && d.cell !== undefined ? `${d.sheet}!${d.cell}: ` : '';
  const props = {
    file: d.file,
    line: d.line,
    col: d.sheet === undefined ? d.column : undefined,
    title: `plancheck ${d.code}`,
  };
  return command(LEVEL[d.severity], props, `${where}${diagnosticMessage(d, ctx.lang)}`);
}

function resultLine(r: Result, ctx: FormatContext): string {
  const { lang } = ctx;
  const name = indicatorName(r, ctx);
  const origin = ctx.plan.indicators.find((i) => i.id === r.id)?.origin;
  const sep = lang === 'zh' ? '；' : '; ';
  const bits = [
    `${t(lang, 'col/target')} ${targetText(r, ctx)}`,
    `${t(lang, 'col/value')} ${formatValue(r.value, r, lang)}${r.derived ? '*' : ''}`,
  ];
  const gap = formatGap(r, lang);
  if (gap) bits.push(`${t(lang, 'col/gap')} ${gap}`);
  const why = detail(r, ctx);
  if (why) bits.push(why);
  if (r.notes.length) bits.push(`${t(lang, 'col/notes')} ${r.notes.join(sep)}`);
  const title = `${statusLabel(r.status, lang)}: ${name} — ${r.region.name} ${r.year}`;
  return command('error', { file: origin?.file, line: origin?.line, title }, `${name} — ${r.region.name} ${r.year}: ${bits.join(sep)}`);
}

/**
 * Annotations a kind of finding gets: GitHub shows at most 10 error and 10 warning
 * annotations of a step, so 2,000 of one kind would only bury the log. The rest are counted
 * in one more annotation on the file; every finding is in --diagnostics and JSON.
 */
export const ANNOTATIONS_PER_KIND = 10;

export function formatGithub(e: Evaluation, ctx: FormatContext): string {
  const lines: string[] = [];
  for (const group of groupFindings(e.diagnostics, ctx.lang)) {
    for (const d of group.findings.slice(0, ANNOTATIONS_PER_KIND)) lines.push(diagnosticLine(d, ctx));
    // Those a run left out of memory are counted too.
    const more = Math.max(0, group.findings.length - ANNOTATIONS_PER_KIND) + group.omitted;
    if (more > 0) {
      const message = t(ctx.lang, 'findings/github-more', { count: more, code: group.code });
      lines.push(command(LEVEL[group.severity], { file: group.findings[0]!.file, title: `plancheck ${group.code}` }, message));
    }
  }
  for (const r of e.results) if (r.status === 'not-met' || r.status === 'invalid') lines.push(resultLine(r, ctx));
  // A run that evaluated nothing ends on its error, not on a “共 0 项” notice.
  if (e.results.length === 0) {
    if (!e.diagnostics.some((d) => d.severity === 'error')) lines.push(command('error', { title: 'plancheck run/nothing' }, t(ctx.lang, 'run/nothing')));
    return `${lines.join('\n')}\n`;
  }
  const s = e.summary;
  const summary = t(ctx.lang, 'table/summary', { total: e.results.length, met: s.met, notMet: s['not-met'], noData: s['no-data'], invalid: s.invalid, na: s['not-applicable'] });
  lines.push(command('notice', { title: e.plan.title }, summary));
  return `${lines.join('\n')}\n`;
}
