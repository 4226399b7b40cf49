// The parts of a 中期/终期评估报告 that real reports carry besides a sentence per indicator:
// the 主要指标 first (a count and a table), each 市（区） in a paragraph ranked by what it
// misses, the 城乡 and 性别 gaps, the returns' notes quoted as the stated causes of a miss,
// the latest year available where the year evaluated has no value, what the next plan must
// carry over (final report), the marked places for the departments' measures, and how the
// evaluation was done (评估工作与数据来源). Facts from the report model only. Pure.
import { countFindings, type Params } from '../diagnostics.js';
import { aboutTolerance } from '../engine/kinds/about.js';
import { clean } from '../engine/numbers.js';
import type { Status } from '../engine/verdict.js';
import { t, type Lang } from '../i18n/index.js';
import type { AreaReport, Breakdown, IndicatorReport, RegionRef, RegionReport, Report, YearValue } from '../report/model.js';
import { heading, list, paragraph, type Block } from './report-doc.js';
import type { FormatContext } from './records.js';
import { areaName, classLabel, formatFigure, indicatorName, methodNote, valueText } from './report-words.js';
import { formatLine, formatNumber, formatValue, gapUnit, unitOf, type Shown } from './words.js';

/** A place a final-stage miss is carried over for: a region, a part of it or a unit under it, named. */
export interface CarriedPlace {
  label: string;
  value: number | boolean | null;
  gap: number | null;
  /** Why a target without a gap (a trend) is missed, in words. */
  why?: string;
}

const NO_DATA: ReadonlySet<Status> = new Set(['no-data', 'invalid']);
/** At most this many names in a list of a paragraph; the rest are counted (no wall of names). */
export const NAMES_AT_MOST = 5;

/** A value of the year before the one evaluated, used where the year evaluated has none. */
export interface Earlier {
  year: number;
  value: number | boolean;
  status: 'met' | 'not-met';
}

/** The latest year available: the year evaluated has no value, the year before has one and a verdict. */
export function earlierOf(rr: RegionReport, year: number): Earlier | undefined {
  if (rr.status !== 'no-data') return undefined;
  const before = rr.values.find((v: YearValue) => v.year === year - 1);
  if (!before || before.value === null || (before.status !== 'met' && before.status !== 'not-met')) return undefined;
  return { year: before.year, value: before.value, status: before.status };
}

/** Options of the report's text that the command line sets. */
export interface SectionOptions {
  /** The marked places for the departments' measures (【请相关部门补充主要措施】); --no-placeholders leaves them out. */
  placeholders: boolean;
}

export function sectionOptions(ctx: FormatContext): SectionOptions {
  return { placeholders: ctx.report?.placeholders !== false };
}

export class ReportSections {
  private readonly lang: Lang;
  private readonly final: boolean;

  constructor(
    private readonly report: Report,
    private readonly ctx: FormatContext,
  ) {
    this.lang = ctx.lang;
    this.final = report.stage === 'final';
  }

  private w(code: string, params: Params = {}): string {
    return t(this.lang, `sec/${code}`, params);
  }

  private join(items: readonly string[]): string {
    return items.join(this.w('list-sep'));
  }

  /** Names, the first NAMES_AT_MOST of them and a count of the rest: no wall of names in a sentence. */
  some(names: readonly string[]): string {
    if (names.length <= NAMES_AT_MOST) return this.join(names);
    return this.w('and-more', { list: this.join(names.slice(0, NAMES_AT_MOST)), count: names.length, more: names.length - NAMES_AT_MOST });
  }

  private name(ind: Pick<IndicatorReport, 'name' | 'nameEn' | 'main'>): string {
    return indicatorName(ind, this.lang, false);
  }

  /** A value as a sentence writes it (12.14/10万); a table cell as valueText does (12.14 1/10万). */
  private fig(x: number | boolean | null, unit: Shown): string {
    return formatValue(x, unit, this.lang);
  }

  /** The target in words with its unit: 3‰以下, 98%以上, 0.85人左右; the plan's own words for the other kinds. */
  private targetText(ind: IndicatorReport): string {
    const target = ind.target;
    const v = (x: number) => formatValue(x, ind.unit, this.lang);
    switch (target.kind) {
      case 'at-most':
      case 'at-least':
      case 'reach':
      case 'about':
        return t(this.lang, `nar/t-${target.kind}`, { value: v(target.value) });
      default:
        return ind.text;
    }
  }

  private amount(x: number, unit: Shown): string {
    return `${formatNumber(Math.abs(x), unit)}${gapUnit(unitOf(unit), this.lang)}`;
  }

  private indicators(): IndicatorReport[] {
    return this.report.areas.flatMap((a) => a.indicators);
  }

  private topOf(ind: IndicatorReport): RegionReport | undefined {
    return ind.regions.find((r) => r.region.code === this.report.chartRegion) ?? ind.regions[0];
  }

  private levelName(id: string | undefined): string {
    const level = this.report.levels.find((l) => l.id === id);
    return level ? (this.lang === 'en' ? (level.nameEn ?? level.name) : level.name) : (id ?? '');
  }

  // ---- 主要指标 -----------------------------------------------------------------------

  private mains(): Array<{ ind: IndicatorReport; rr: RegionReport }> {
    return this.indicators()
      .filter((ind) => ind.main !== undefined)
      .map((ind) => ({ ind, rr: this.topOf(ind) }))
      .filter((x): x is { ind: IndicatorReport; rr: RegionReport } => x.rr !== undefined)
      .sort((a, b) => a.ind.main! - b.ind.main!);
  }

  /** 总体情况 opens with the 主要指标: their count by progress (mid-term) or by achievement (final), then a table. */
  mainOpening(): Block[] {
    const mains = this.mains();
    if (!mains.length) return [];
    const region = mains[0]!.rr.region.name;
    const earlier = mains.map((m) => ({ ...m, e: earlierOf(m.rr, this.report.year) })).filter((m) => m.e !== undefined);
    const judged = mains.filter((m) => !earlier.some((e) => e.ind.id === m.ind.id));
    const bits: string[] = [];
    const add = (code: string, n: number) => { if (n > 0) bits.push(this.w(code, { n })); };
    if (this.final) {
      add('main-met', judged.filter((m) => m.rr.status === 'met').length);
      add('main-not-met', judged.filter((m) => m.rr.status === 'not-met').length);
    } else {
      const c = (k: string) => judged.filter((m) => m.rr.progress.class === k && !NO_DATA.has(m.rr.status)).length;
      add('main-achieved-mid', c('achieved'));
      add('main-on-track', c('on-track'));
      add('main-speed-up', c('speed-up'));
      add('main-limited', c('limited'));
      add('main-moving-away', c('moving-away'));
      add('main-unknown-mid', c('unknown'));
    }
    add('main-no-data', judged.filter((m) => NO_DATA.has(m.rr.status)).length);
    let text = this.w('main-opening', { count: mains.length, region, list: bits.join(this.w('sep')) });
    if (earlier.length) {
      const year = earlier[0]!.e!.year;
      text += this.w('semi') + this.w('main-earlier', {
        n: earlier.length, year: this.report.year, earlier: year,
        list: this.join(earlier.map((m) => this.w(m.e!.status === 'met' ? 'main-earlier-item-met' : 'main-earlier-item-not-met', { indicator: this.name(m.ind) }))),
      });
    }
    text += this.w('end') + this.w('main-then-all');
    // A return that gives few of them: the table lists those with data, not a column of dashes.
    const hasData = (m: { rr: RegionReport }) => !NO_DATA.has(m.rr.status) || earlierOf(m.rr, this.report.year) !== undefined;
    const shown = mains.filter(hasData);
    if (!shown.length) return [paragraph(text)];
    if (shown.length * 2 > mains.length) return [paragraph(text), this.mainTable(mains, region)];
    return [paragraph(text), this.mainTable(shown, region), paragraph(this.w('main-table-rest', { n: mains.length - shown.length, year: this.report.year }), true)];
  }

  private mainTable(mains: Array<{ ind: IndicatorReport; rr: RegionReport }>, region: string): Block {
    const r = this.report;
    const head = [this.w('col-no'), this.w('col-indicator'), this.w('col-year', { year: r.baselineYear }), this.w('col-year', { year: r.year }), this.w('col-target', { final: r.finalYear }), this.w('col-status')];
    const rows = mains.map(({ ind, rr }) => {
      const e = earlierOf(rr, r.year);
      const base = rr.progress.baseline ?? (typeof rr.values[0]?.value === 'number' ? rr.values[0].value : null);
      const baseCell = base === null && rr.parts?.length ? this.partsCell(ind, rr, (p) => p.progress.baseline) : formatFigure(base, ind, this.lang);
      return [String(ind.main), this.name(ind), baseCell, this.valueCell(ind, rr, e), this.targetText(ind), this.statusWord(rr, e)];
    });
    return { kind: 'table', caption: this.w('main-table', { n: 1, region }), head, rows, numeric: [0, 2, 3] };
  }

  private statusWord(rr: RegionReport, e: Earlier | undefined): string {
    const status = e ? e.status : rr.status;
    if (status === 'met' || status === 'not-met') {
      const word = this.w(`status-${status}-${this.final ? 'final' : 'mid'}`);
      if (e) return word + this.w('earlier-value', { value: '', year: e.year });
      // Mid-term: the progress class; a target that cannot be paced is simply not yet met.
      return this.final || rr.progress.class === 'unknown' ? word : classLabel(rr.progress.class, this.lang);
    }
    return this.w(`status-${status}`);
  }

  /** A value cell: the value, a split target's parts (城市96%；农村86.2%), or the year before's value marked. */
  private valueCell(ind: IndicatorReport, rr: RegionReport, e: Earlier | undefined): string {
    if (e) return this.w('earlier-value', { value: valueText(e.value, ind, this.lang), year: e.year });
    if (rr.value === null && rr.parts?.length) return this.partsCell(ind, rr, (p) => p.value);
    return valueText(rr.value, ind, this.lang);
  }

  private partsCell(ind: IndicatorReport, rr: RegionReport, pick: (p: NonNullable<RegionReport['parts']>[number]) => number | boolean | null): string {
    const target = ind.target;
    const by = target.kind === 'split' ? target.by : 'residence';
    return (rr.parts ?? []).map((p) => `${t(this.lang, `nar/${by}-${p.part}`)}${valueText(pick(p), ind, this.lang)}`).join(this.w('semi'));
  }

  // ---- Latest available year ------------------------------------------------------------

  /** The sentence of an indicator whose year evaluated has no value, from the year before. */
  earlierSentence(ind: IndicatorReport): string | undefined {
    const rr = this.topOf(ind);
    const e = rr && earlierOf(rr, this.report.year);
    if (!rr || !e) return undefined;
    return this.w('earlier-sentence', {
      indicator: this.name(ind), year: this.report.year, earlier: e.year, region: rr.region.name,
      value: this.fig(e.value, ind), verdict: this.w(e.status === 'met' ? 'earlier-met' : 'earlier-not-met'),
    });
  }

  // ---- 各市（区） -----------------------------------------------------------------------

  /** A paragraph a sub-region (n: the subsection's number as written), those with most indicators at risk or missed first; nothing when the report has one region. */
  regionBlocks(n: string | number): Block[] {
    const top = this.report.chartRegion;
    const subs = this.report.regions.filter((r) => r.code !== top);
    if (!subs.length) return [];
    const rows = subs.map((region) => this.regionRow(region)).filter((x) => x.total > 0);
    if (!rows.length) return [];
    rows.sort((a, b) => b.bad.length - a.bad.length || a.noData - b.noData || a.order - b.order);
    const level = this.levelName(subs[0]!.level);
    const out: Block[] = [heading(2, this.w('regions-heading', { n, level }), 'narrative-regions')];
    out.push(paragraph(this.w(this.final ? 'regions-intro-final' : 'regions-intro')));
    for (const x of rows) {
      const bits: string[] = [];
      if (x.met) bits.push(this.w(this.final ? 'region-met-final' : 'region-met-mid', { n: x.met }));
      if (!this.final && x.onTrack) bits.push(this.w('region-on-track', { n: x.onTrack }));
      if (x.bad.length) bits.push(this.w(this.final ? 'region-not-met-final' : 'region-risk', { n: x.bad.length, names: this.some(x.bad) }));
      if (x.noData) bits.push(this.w('region-no-data', { n: x.noData }));
      out.push(paragraph(this.w('region-para', { region: x.region.name, total: x.total, list: bits.join(this.w('semi')) })));
    }
    return out;
  }

  private regionRow(region: RegionRef) {
    let total = 0, met = 0, onTrack = 0, noData = 0;
    const bad: string[] = [];
    for (const ind of this.indicators()) {
      const rr = ind.regions.find((x) => x.region.code === region.code);
      if (!rr || rr.status === 'not-applicable') continue;
      total++;
      if (rr.status === 'met') met++;
      else if (NO_DATA.has(rr.status)) noData++;
      else if (this.final) bad.push(this.name(ind));
      else if (rr.progress.class === 'on-track') onTrack++;
      else bad.push(this.name(ind));
    }
    return { region, total, met, onTrack, noData, bad, order: this.report.regions.indexOf(region) };
  }

  // ---- 城乡 and 性别 ---------------------------------------------------------------------

  /** A sentence a gap, where a return gives 男/女 or 城市/农村 rows; nothing when none does. */
  gapBlocks(n: string | number): Block[] {
    const items: string[] = [];
    for (const ind of this.indicators()) {
      if (ind.unit === '是/否') continue;
      for (const rr of ind.regions) for (const b of rr.breakdowns) {
        const s = this.gapSentence(ind, rr, b);
        if (s) items.push(s);
      }
    }
    if (!items.length) return [];
    return [heading(2, this.w('gaps-heading', { n }), 'narrative-gaps'), list(items.map((s) => s + this.w('end')))];
  }

  private gapSentence(ind: IndicatorReport, rr: RegionReport, b: Breakdown): string | undefined {
    const [a, z] = b.by === 'sex' ? (['female', 'male'] as const) : (['rural', 'urban'] as const);
    const series = (part: string) => b.parts.find((p) => p.part === part)?.values ?? [];
    // The latest year up to the one evaluated with both parts given.
    const years = series(a).filter((v) => v.value !== null && !v.derived).map((v) => v.year).filter((y) => series(z).some((v) => v.year === y && v.value !== null && !v.derived));
    const year = years.filter((y) => y <= this.report.year).pop();
    if (year === undefined) return undefined;
    const va = series(a).find((v) => v.year === year)!.value!;
    const vz = series(z).find((v) => v.year === year)!.value!;
    const diff = clean(va - vz);
    const flat = Number(formatNumber(Math.abs(diff), ind)) === 0;
    const relation = flat ? this.w(`rel-equal-${b.by}`) : this.w(`rel-${a}-${diff > 0 ? 'higher' : 'lower'}`, { amount: this.amount(diff, ind) });
    return this.w(`gap-${b.by}`, { region: rr.region.name, indicator: this.name(ind), year, [a]: this.fig(va, ind), [z]: this.fig(vz, ind), relation });
  }

  // ---- 存在的问题: the returns' notes as the stated causes ---------------------------------

  /** The misses whose return carries a note for the year: the note quoted as the stated reason. */
  causeBlocks(next: () => number): Block[] {
    const items: string[] = [];
    for (const ind of this.indicators())
      for (const rr of ind.regions) {
        const e = earlierOf(rr, this.report.year);
        const status = e ? e.status : rr.status;
        if (status !== 'not-met') continue;
        const year = e ? e.year : this.report.year;
        const notes = this.report.notes.filter((x) => x.id === ind.id && x.region.code === rr.region.code && x.years.includes(year));
        if (!notes.length) continue;
        // A split target missed in one part quotes that part, its value and its own target, not the total beside 未达标.
        const value = !e && rr.parts?.some((p) => p.status === 'not-met') ? this.missedParts(ind, rr) : this.fig(e ? e.value : rr.value, ind);
        items.push(this.w('cause-item', { region: rr.region.name, indicator: this.name(ind), year, value, note: notes.map((x) => x.note).join(this.w('semi')) }));
      }
    if (!items.length) return [];
    return [paragraph(this.w('causes', { n: next(), list: items.join(this.w('semi')) }))];
  }

  // ---- 下一步 -------------------------------------------------------------------------

  /**
   * The final report's 下一步: each target missed, by how much and where, for the next plan to
   * carry over. The places come named from the narrative (a region, its part or its unit), each
   * with its own value and gap, never one's value beside another's gap.
   */
  carryOverBlocks(groups: ReadonlyArray<{ ind: IndicatorReport; subjects: ReadonlyArray<CarriedPlace> }>, next: () => number): Block[] {
    const items = groups.map(({ ind, subjects }) => this.w('carry-item', {
      indicator: this.name(ind),
      target: this.targetText(ind),
      list: subjects.map((x) => x.gap !== null && x.gap > 0
        ? this.w('carry-region-gap', { region: x.label, value: this.fig(x.value, ind), gap: this.amount(x.gap, ind) })
        : this.w('carry-region', { region: x.label, value: this.fig(x.value, ind) }) + (x.why ? t(this.lang, 'nar/trend-why-brief', { why: x.why }) : '')).join(this.w('semi')),
    }));
    // Misses judged on the year before (the year evaluated has no value): carried over too, marked.
    for (const ind of this.indicators()) {
      const earlier = ind.regions.map((rr) => ({ rr, e: earlierOf(rr, this.report.year) })).filter((x) => x.e?.status === 'not-met');
      if (!earlier.length || groups.some((g) => g.ind.id === ind.id)) continue;
      items.push(this.w('carry-item', {
        indicator: this.name(ind),
        target: this.targetText(ind),
        list: earlier.map(({ rr, e }) => this.w('carry-region', { region: rr.region.name, value: this.w('earlier-value', { value: this.fig(e!.value, ind), year: e!.year }) })).join(this.w('semi')),
      }));
    }
    if (!items.length) return [];
    return [paragraph(this.w('carry-over', { n: next(), count: items.length })), list(items)];
  }

  /** A split target's parts that miss, each with its value and gap: 农村89.4%，差0.6个百分点. */
  /** The parts of a split target that missed, each with its value and its own target: 农村88.04%，目标90%. */
  private missedParts(ind: IndicatorReport, rr: RegionReport): string {
    const target = ind.target;
    const by = target.kind === 'split' ? target.by : 'residence';
    return (rr.parts ?? []).filter((p) => p.status === 'not-met').map((p) => {
      const def = target.kind === 'split' ? target.parts.find((x) => x.part === p.part)?.target : undefined;
      const line = def && (def.kind === 'at-most' || def.kind === 'at-least' || def.kind === 'reach') ? t(this.lang, `nar/t-${def.kind}`, { value: formatLine(def.value, ind.unit, this.lang) }) : p.text;
      return this.w('cause-part', { part: t(this.lang, `nar/${by}-${p.part}`), value: this.fig(p.value, ind), target: line });
    }).join(this.w('semi'));
  }

  /** A marked place for the departments' measures, per area with a target missed or at risk; none with --no-placeholders. */
  placeholderBlocks(next: () => number): Block[] {
    if (!sectionOptions(this.ctx).placeholders) return [];
    const areas = this.report.areas.filter((a) => this.hasTrouble(a));
    if (!areas.length) return [];
    return [paragraph(this.w('placeholder-intro', { n: next() })), list(areas.map((a) => this.w('placeholder', { area: areaName(a.area, this.lang) })))];
  }

  private hasTrouble(a: AreaReport): boolean {
    return a.indicators.some((ind) => ind.regions.some((rr) => rr.status === 'not-met' || earlierOf(rr, this.report.year)?.status === 'not-met' || (!this.final && ['speed-up', 'limited', 'moving-away'].includes(rr.progress.class))));
  }

  // ---- 评估工作与数据来源 --------------------------------------------------------------------

  workBlocks(): Block[] {
    const r = this.report;
    const out: Block[] = [heading(1, this.w('work-heading'), 'narrative-work')];
    const from = r.years[0] ?? r.baselineYear;
    const scope = [this.w('work-scope', { stage: t(this.lang, `report/stage-${r.stage}`), baseline: r.baselineYear, final: r.finalYear, year: r.year, from })];
    const run = this.ctx.run;
    if (run?.data.length) scope.push(this.w('work-files', { list: this.join(run.data), count: run.data.length }));
    if (run?.regions) scope.push(this.w('work-regions-file', { file: run.regions }));
    out.push(paragraph(scope.join(this.lang === 'en' ? ' ' : '')));

    const given = (region: RegionRef, derived: boolean) => this.indicators().filter((ind) => ind.regions.some((x) => x.region.code === region.code && !NO_DATA.has(x.status) && x.status !== 'not-applicable' && x.derived === derived)).length;
    const reported = r.regions.map((region) => ({ region, n: given(region, false), derived: given(region, true) })).filter((x) => x.n + x.derived > 0);
    const bits: string[] = [];
    if (reported.length) bits.push(this.w('work-reported', { year: r.year, list: this.join(reported.map((x) => this.w(x.derived ? 'work-reported-item-derived' : 'work-reported-item', { region: x.region.name, n: x.n, m: x.derived }))) }));
    const units = new Map<string, Set<string>>();
    for (const ind of this.indicators()) {
      const target = ind.target;
      if (target.kind !== 'every-unit' && target.kind !== 'conditional') continue;
      // The units given: a level none of whose units reported is not said to have been used.
      for (const rr of ind.regions) if (rr.unitCount && (rr.missingUnitCount ?? 0) < rr.unitCount) {
        const set = units.get(target.level) ?? new Set<string>();
        set.add(`${rr.region.code}:${rr.unitCount}`);
        units.set(target.level, set);
      }
    }
    for (const [level, set] of units) {
      const count = [...set].filter((k) => !k.startsWith(`${r.chartRegion}:`)).reduce((s, k) => s + Number(k.split(':')[1]), 0) || Math.max(...[...set].map((k) => Number(k.split(':')[1])));
      bits.push(this.w('work-units', { level: this.levelName(level), count }));
    }
    if (bits.length) out.push(paragraph(bits.join(this.lang === 'en' ? ' ' : '')));

    const tops = this.indicators().map((ind) => this.topOf(ind)).filter((x): x is RegionReport => x !== undefined);
    const baselines = [
      ['work-baseline-plan', tops.filter((x) => x.progress.baselineFrom === 'plan').length],
      ['work-baseline-returns', tops.filter((x) => x.progress.baselineFrom !== 'plan' && x.progress.baseline !== null).length],
      ['work-baseline-none', tops.filter((x) => x.progress.baseline === null).length],
    ] as const;
    const how: string[] = [this.w('work-baseline', { list: baselines.filter(([, n]) => n > 0).map(([code, n]) => this.w(code, { n, baseline: r.baselineYear })).join(this.w('sep')) })];
    const about = this.indicators().filter((ind) => ind.target.kind === 'about');
    if (about.length) {
      how.push(this.w('work-about', {
        list: this.join(about.map((ind) => {
          const target = ind.target as Extract<IndicatorReport['target'], { kind: 'about' }>;
          const plain = this.ctx.plan.indicators.find((i) => i.id === ind.id);
          const tol = plain ? aboutTolerance(target, plain) : 0;
          return this.w('work-about-item', { indicator: this.name(ind), value: this.fig(target.value, ind.unit), tolerance: `${formatNumber(tol, ind.unit)}${gapUnit(ind.unit, this.lang)}` });
        })),
      }));
    }
    const trends = this.indicators().filter((ind) => ind.target.kind === 'trend');
    if (trends.length) how.push(this.w('work-trend', { baseline: r.baselineYear, list: this.some(trends.map((ind) => this.name(ind))) }));
    how.push(this.final ? this.w('work-progress-final', { year: r.year }) : this.w('work-progress-mid', { method: methodNote(r, this.lang) }));
    how.push(this.w('work-rates'));
    const earlier = this.indicators().filter((ind) => { const rr = this.topOf(ind); return rr !== undefined && earlierOf(rr, r.year) !== undefined; });
    if (earlier.length) how.push(this.w('work-earlier', { year: r.year, earlier: r.year - 1, list: this.join(earlier.map((ind) => this.name(ind))) }));
    out.push(paragraph(how.join(this.lang === 'en' ? ' ' : '')));

    if (r.notes.length) {
      out.push(paragraph(this.w('work-notes')));
      out.push(list(r.notes.map((x) => this.w('work-note', { indicator: x.name, region: x.region.name, years: x.years.join(this.w('list-sep')), note: x.note }))));
    } else out.push(paragraph(this.w('work-no-notes')));
    const errors = countFindings(r.diagnostics, 'error');
    const warnings = countFindings(r.diagnostics, 'warning');
    if (errors + warnings) out.push(paragraph(this.w('work-quality', { errors, warnings })));
    return out;
  }
}
