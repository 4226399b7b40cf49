// Findings on the terminal, grouped: findings of one kind (one code, and one indicator or
// one cause: the same thing to do) show their first few occurrences with their places,
// the count of the rest and what to do, once; a closing line counts them by severity and
// code. A run keeps FINDINGS_KEPT findings of a kind in memory and counts the rest in one
// `findings/omitted` finding, which the group's count takes in; every finding is in a
// --diagnostics file. Pure: findings in, lines out.
import { countFindings, findingWeight, kindOf, OMITTED, type Diagnostic, type Params, type Severity } from '../diagnostics.js';
import { diagnosticMessage, fill, hasMessage, t, templateOf, whereOf, type Lang } from '../i18n/index.js';
import { displayParams } from '../i18n/display.js';

/** Occurrences shown of a group; a group no larger is shown whole, as single findings. */
export const EXAMPLES = 3;
/** Distinct names a group's headline lists (unknown regions, unknown indicators). */
const NAMES_SHOWN = 5;

/** The parameter a group lists the distinct values of, where its code has a headline. */
const LISTED: Record<string, string> = { 'data/unknown-region': 'name', 'data/unknown-indicator': 'name' };

export interface FindingGroup {
  severity: Severity;
  code: string;
  findings: Diagnostic[];
  /** Findings of the group's kind left out of memory (counted by a `findings/omitted`), beyond `findings`. */
  omitted: number;
  /** Then, the distinct names of the whole kind (`names`, and whether it stopped counting: `namesCapped`). */
  omittedBy?: Diagnostic;
}

/** A message cut into what is wrong and what to do, at the template's last “；” (“; ” in English). */
export function messageParts(d: Diagnostic, lang: Lang): { what: string; fix: string } {
  const template = templateOf(lang, d.code);
  const sep = lang === 'zh' ? '；' : '; ';
  const at = template.lastIndexOf(sep);
  const params = displayParams(d.code, d.params);
  if (at < 0) return { what: fill(template, params), fix: '' };
  return { what: fill(template.slice(0, at), params), fix: fill(template.slice(at + sep.length), params) };
}

/** Findings of one kind together, groups in the order their first finding came. */
export function groupFindings(ds: readonly Diagnostic[], lang: Lang): FindingGroup[] {
  const groups = new Map<string, FindingGroup>();
  // The last group of each kind (severity, code, indicator): those left out of memory are counted in it.
  const lastOfKind = new Map<string, FindingGroup>();
  const omitted: Diagnostic[] = [];
  for (const d of ds) {
    if (d.code === OMITTED) {
      omitted.push(d);
      continue;
    }
    // The same code, severity and indicator, and the same thing to do.
    const key = `${kindOf(d)}\u0000${messageParts(d, lang).fix}`;
    let group = groups.get(key);
    if (group) group.findings.push(d);
    else groups.set(key, (group = { severity: d.severity, code: d.code, findings: [d], omitted: 0 }));
    lastOfKind.set(kindOf(d), group);
  }
  for (const d of omitted) {
    const { code, indicator } = d.params;
    const group = lastOfKind.get(kindOf({ ...d, code: String(code), params: indicator === undefined ? {} : { indicator } }));
    if (!group) continue;
    group.omitted += findingWeight(d);
    group.omittedBy = d;
  }
  return [...groups.values()];
}

/** The lines findings take on the terminal: small groups one line a finding, larger ones collapsed. */
export function renderFindings(ds: readonly Diagnostic[], lang: Lang): string[] {
  const lines: string[] = [];
  let collapsed = false;
  for (const group of groupFindings(ds, lang)) {
    if (group.findings.length + group.omitted <= EXAMPLES) {
      for (const d of group.findings) lines.push(findingLine(d, lang));
      continue;
    }
    collapsed = true;
    const severity = t(lang, `severity/${group.severity}`);
    const shown = group.findings.slice(0, EXAMPLES);
    for (const d of shown) lines.push(`${whereOf(d)}${severity}: ${messageParts(d, lang).what} [${d.code}]`);
    const more = thousands(group.findings.length - shown.length + group.omitted);
    // Left out of memory: how many were kept, and where all of them are.
    if (group.omitted > 0) lines.push(`  ${t(lang, 'findings/more-omitted', { count: more, kept: thousands(group.findings.length) })}`);
    else lines.push(`  ${t(lang, 'findings/more', { count: more })}`);
    const headline = headlineOf(group, lang);
    if (headline) lines.push(`  ${headline}`);
    const fix = hasMessage(`findings/fix/${group.code}`) ? t(lang, `findings/fix/${group.code}`) : messageParts(group.findings[0]!, lang).fix;
    if (fix) lines.push(`  ${t(lang, 'findings/fix', { fix })}`);
  }
  if (collapsed) lines.push(summaryLine(ds, lang));
  return lines;
}

/** One finding as editors and CI logs read it: `file:line:column: 错误: message [code]`. */
export function findingLine(d: Diagnostic, lang: Lang): string {
  return `${whereOf(d)}${t(lang, `severity/${d.severity}`)}: ${diagnosticMessage(d, lang)} [${d.code}]`;
}

function headlineOf(group: FindingGroup, lang: Lang): string | undefined {
  const param = LISTED[group.code];
  if (!param || !hasMessage(`findings/headline/${group.code}`)) return undefined;
  const names = [...new Set(group.findings.map((d) => d.params[param]).filter((v) => v !== undefined).map(String))];
  // With findings left out of memory, the run counted the kind's distinct names (up to NAMES_COUNTED).
  const counted = group.omittedBy?.params.names;
  const distinct = typeof counted === 'number' ? counted : names.length;
  const atLeast = group.omittedBy?.params.namesCapped === true;
  const shown = names.slice(0, NAMES_SHOWN).join(lang === 'zh' ? '、' : ', ');
  const list = distinct <= NAMES_SHOWN && names.length === distinct ? shown : t(lang, 'findings/names-more', { names: shown, total: distinct, more: thousands(distinct - Math.min(NAMES_SHOWN, names.length)) });
  const params: Params = { count: thousands(group.findings.length + group.omitted), distinct: `${atLeast ? '≥' : ''}${thousands(distinct)}`, names: list };
  return t(lang, `findings/headline/${group.code}`, params);
}

const ORDER: readonly Severity[] = ['error', 'warning', 'info'];

/** 共 2,361 条发现：错误 0，警告 2,360（quality/outlier 2,360），提示 1（quality/indicators-absent 1）… */
export function summaryLine(ds: readonly Diagnostic[], lang: Lang): string {
  const bySeverity = new Map<Severity, Map<string, number>>(ORDER.map((s) => [s, new Map()]));
  for (const d of ds) {
    const codes = bySeverity.get(d.severity)!;
    const code = d.code === OMITTED ? String(d.params.code) : d.code;
    codes.set(code, (codes.get(code) ?? 0) + findingWeight(d));
  }
  const sep = lang === 'zh' ? '、' : ', ';
  const count = (s: Severity) => {
    const codes = bySeverity.get(s)!;
    const n = [...codes.values()].reduce((a, b) => a + b, 0);
    const list = [...codes].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([code, k]) => `${code} ${thousands(k)}`).join(sep);
    return `${thousands(n)}${n > 0 ? t(lang, 'findings/summary-codes', { codes: list }) : ''}`;
  };
  const kept = ds.find((d) => d.code === OMITTED)?.params.kept;
  return t(lang, kept === undefined ? 'findings/summary' : 'findings/summary-kept', { kept, total: thousands(countFindings(ds)), errors: count('error'), warnings: count('warning'), infos: count('info') });
}

/** 2357 → 2,357. */
function thousands(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
