// JUnit XML: one test case per indicator and region (and year), for CI dashboards.
// A not-met target is a failure carrying target and value; invalid data is an error.
import { t } from '../i18n/index.js';
import type { Evaluation } from '../engine/evaluate.js';
import { detail, indicatorName, planTitle, targetText } from './detail.js';
import { emptyRunMessages } from './empty-run.js';
import type { FormatContext } from './records.js';
import { formatGap, formatValue, resultShown } from './words.js';

export function xml(s: string): string {
  // Characters XML 1.0 cannot carry at all are dropped.
  // eslint-disable-next-line no-control-regex
  return s.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

export function formatJunit(e: Evaluation, ctx: FormatContext): string {
  const { lang } = ctx;
  const suites = new Map<string, typeof e.results>();
  for (const r of e.results) {
    const k = `${r.region.name} ${r.year}`;
    suites.set(k, [...(suites.get(k) ?? []), r]);
  }
  const out = ['<?xml version="1.0" encoding="UTF-8"?>'];
  // A run that evaluated nothing is an error a CI job sees, never tests="0" (read as a pass).
  if (e.results.length === 0) return emptyRunJunit(e, ctx, out);
  const s = e.summary;
  // junit-10.xsd allows no `skipped` on <testsuites>; each <testsuite> carries its own.
  out.push(`<testsuites name="${xml(planTitle(ctx))}" tests="${e.results.length}" failures="${s['not-met']}" errors="${s.invalid}">`);
  for (const [name, results] of suites) {
    const failures = results.filter((r) => r.status === 'not-met').length;
    const errors = results.filter((r) => r.status === 'invalid').length;
    const skipped = results.filter((r) => r.status === 'no-data' || r.status === 'not-applicable').length;
    out.push(`  <testsuite name="${xml(name)}" tests="${results.length}" failures="${failures}" errors="${errors}" skipped="${skipped}">`);
    for (const r of results) {
      const head = `    <testcase classname="${xml(`${e.plan.id}.${r.area}`)}" name="${xml(`${indicatorName(r, ctx)} — ${r.region.name} ${r.year}`)}"`;
      const message = `${t(lang, 'col/target')} ${targetText(r, ctx)}; ${t(lang, 'col/value')} ${formatValue(r.value, resultShown(r), lang)} ${formatGap(r, lang)}`.trim();
      if (r.status === 'met') out.push(`${head}/>`);
      else if (r.status === 'not-met') out.push(`${head}>`, `      <failure message="${xml(message)}" type="not-met">${xml(detail(r, ctx))}</failure>`, '    </testcase>');
      else if (r.status === 'invalid') out.push(`${head}>`, `      <error message="${xml(message)}" type="invalid">${xml(detail(r, ctx))}</error>`, '    </testcase>');
      else out.push(`${head}>`, `      <skipped message="${xml(`${t(lang, `status/${r.status}`)}: ${detail(r, ctx)}`)}"/>`, '    </testcase>');
    }
    out.push('  </testsuite>');
  }
  out.push('</testsuites>');
  return `${out.join('\n')}\n`;
}

function emptyRunJunit(e: Evaluation, ctx: FormatContext, out: string[]): string {
  const errors = emptyRunMessages(e, ctx);
  out.push(`<testsuites name="${xml(planTitle(ctx))}" tests="${errors.length}" failures="0" errors="${errors.length}">`);
  out.push(`  <testsuite name="${xml(planTitle(ctx))}" tests="${errors.length}" failures="0" errors="${errors.length}" skipped="0">`);
  for (const m of errors) {
    out.push(`    <testcase classname="${xml(e.plan.id)}" name="${xml(`${t(ctx.lang, 'run/junit-case')} — ${m.code}`)}">`);
    out.push(`      <error message="${xml(m.message)}" type="${xml(m.code)}">${xml(m.message)}</error>`, '    </testcase>');
  }
  out.push('  </testsuite>', '</testsuites>');
  return `${out.join('\n')}\n`;
}
