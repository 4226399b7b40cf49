// The report's narrative, as a 中期/终期评估报告 words it: 一、总体情况, 二、各领域目标实现情况
// (a sentence of figures per indicator), 三、存在的问题 and 四、下一步工作建议 — facts from the
// results only, each sentence from a template of src/i18n/narrative.ts. Pure.
import { hasMessage, t, type Lang } from '../i18n/index.js';
import type { Params } from '../diagnostics.js';
import { clean } from '../engine/numbers.js';
import type { Progress } from '../engine/progress.js';
import { aboutLine } from '../engine/kinds/about.js';
import type { Status } from '../engine/verdict.js';
import type { Indicator, Target } from '../plan/model.js';
import type { AreaReport, AtRisk, EarlyWarning, IndicatorReport, PartProgress, RegionRef, RegionReport, Report } from '../report/model.js';
import { heading, list, paragraph, type Block } from './report-doc.js';
import { say } from './detail.js';
import type { FormatContext } from './records.js';
import { areaName, classLabel, indicatorName, targetFigure } from './report-words.js';
import { formatLine, formatNumber, formatValue, gapUnit, judgedShown, shownNonZero, unitOf, type Shown } from './words.js';
import { earlierOf, ReportSections } from './report-sections.js';
import { listAnd, sharedName, shareWords } from './report-group.js';

const HAS_DATA: ReadonlySet<Status> = new Set(['met', 'not-met']);
const NO_DATA: ReadonlySet<Status> = new Set(['no-data', 'invalid']);

/** Regions not meeting a target count as several from this many indicators on. */
export const LAGGING_FROM = 3;

/** Names listed in one sentence of 三 and 四; the rest are counted (the annexes hold them all). */
export const NAMES_SHOWN = 5;
/** Regions whose missing data 补齐数据 lists one by one; the rest are named together. */
export const REGIONS_SHOWN = 3;

/**
 * What a gap, a pace or a class belongs to, named: the region itself (A市), a part of it
 * (B区农村社区) or a unit under it (C区D镇) — never one's value beside another's gap.
 */
interface Subject {
  label: string;
  key: string;
  value: number | boolean | null;
  gap: number | null;
  /** The line the value is judged at, where there is one: its value is written so as not to round onto it (shownAgainst). */
  line: number | null;
  status: Status;
  progress: Progress;
  /** Why a target without a gap (a trend) is missed, in words: a list of misses says it beside the value. */
  why?: string;
}

/** A change from the baseline year: its template (change-pp-down …), year, amount, whose baseline, and whether it is for the better (1), the worse (−1) or level (0). */
interface Change {
  key: string;
  year: number;
  diff: number;
  plan: boolean;
  better: 1 | 0 | -1;
}

type LineKey = 'short' | 'not-reached' | 'on-line' | 'better-low' | 'better-high' | 'reached';

/** One indicator's sentence as facts (Narrative.facts), to be said alone or with others. */
interface Facts {
  ind: IndicatorReport;
  rr: RegionReport;
  value: string;
  change: Change | undefined;
  line: LineKey;
  target: string;
  verdict: { key: string; projected?: string };
  /** The sub-regions clause as the indicator's own sentence has it (；6个市（区）均已达标). */
  regions: string;
  /** Every sub-region meets the target. */
  subsMet: boolean;
  /** Met, and nothing further to say of its sub-regions. */
  quiet: boolean;
  /** What must be equal for two indicators to share a sentence. */
  key: string;
}

/** Targets whose sentence is a number against a line: the ones a group can carry. */
const GROUPED_KINDS: ReadonlySet<string> = new Set(['at-most', 'at-least', 'reach', 'about', 'change', 'yearly-change', 'trend']);
/** Indicators in one sentence at most: a longer 分别 list is no longer read. */
export const GROUP_MOST = 4;

const RISKY: ReadonlySet<string> = new Set(['moving-away', 'limited', 'speed-up']);
const isRisky = (s: Pick<Subject, 'status' | 'progress'>) => RISKY.has(s.progress.class) || (s.progress.class === 'unknown' && s.status === 'not-met');

export function narrativeBlocks(report: Report, ctx: FormatContext): Block[] {
  const n = new Narrative(report, ctx);
  // The new parts (report-sections.ts): the 主要指标 open 总体情况; 评估工作与数据来源 closes the text.
  const [summaryHeading, ...summary] = n.summary();
  return [summaryHeading!, ...n.sections.mainOpening(), ...summary, ...n.areas(), ...n.problems(), ...n.next(), ...n.sections.workBlocks()];
}

/** The sentence of figures for one indicator, or undefined when its region has no data. */
export function indicatorSentence(report: Report, ind: IndicatorReport, ctx: FormatContext): string | undefined {
  return new Narrative(report, ctx).sentence(ind);
}

class Narrative {
  private readonly lang: Lang;
  private readonly top: string | null;
  private readonly final: boolean;
  private silent: Map<string, number> | undefined;
  readonly sections: ReportSections;

  constructor(
    private readonly report: Report,
    private readonly ctx: FormatContext,
  ) {
    this.lang = ctx.lang;
    this.top = report.chartRegion;
    this.final = report.stage === 'final';
    this.sections = new ReportSections(report, ctx);
  }

  private w(code: string, params: Params = {}): string {
    return t(this.lang, `nar/${code}`, params);
  }

  private join(items: readonly string[]): string {
    return items.join(this.w('list-sep'));
  }

  private name(ind: Pick<IndicatorReport, 'name' | 'nameEn' | 'main'>): string {
    return indicatorName(ind, this.lang, false);
  }

  /** A value as a report's text writes it: 2.09‰, 98.6%, 11.27/10万, 0.781人. */
  private fig(x: number | boolean | null, unit: Shown): string {
    return formatValue(x, unit, this.lang);
  }

  /** A value against the line it is judged at: 0.98小时 where 1.0小时 would read as met (shownAgainst). */
  private figAt(x: number | boolean | null, line: number | null | undefined, status: Status, unit: Shown): string {
    return this.fig(x, judgedShown(x, unit, line, status));
  }

  /** A difference in the unit it is spoken in: 0.41个千分点, 2.3个百分点, 0.16人; one that is not zero never reads 0.0. */
  private amount(x: number, unit: Shown): string {
    return `${this.number(x, unit)}${gapUnit(unitOf(unit), this.lang)}`;
  }

  /** A difference's number alone (0.41), as amount() writes it: a list of them shares one unit. */
  private number(x: number, unit: Shown): string {
    return formatNumber(Math.abs(x), shownNonZero(x, unit));
  }

  private levelName(id: string | undefined): string {
    const level = this.report.levels.find((l) => l.id === id);
    const name = level ? (this.lang === 'en' ? (level.nameEn ?? level.name) : level.name) : (id ?? '');
    return name;
  }

  private topOf(ind: IndicatorReport): RegionReport | undefined {
    return ind.regions.find((r) => r.region.code === this.top) ?? ind.regions[0];
  }

  private indicators(): IndicatorReport[] {
    return this.report.areas.flatMap((a) => a.indicators);
  }

  private topRegion(): RegionRef | undefined {
    return this.report.regions.find((r) => r.code === this.top);
  }

  private share(part: number, whole: number): string {
    return whole > 0 ? `${Number(((part / whole) * 100).toFixed(1))}%` : '—';
  }

  // ---- 一、总体情况 ---------------------------------------------------------------

  summary(): Block[] {
    const r = this.report;
    const s = r.summary;
    const inds = this.indicators();
    const bits = [
      this.w('summary-scope', { baseline: r.baselineYear, final: r.finalYear, year: r.year, indicators: inds.length, regions: r.regions.length, names: this.join(r.regions.map((x) => x.name)), total: s.total }),
      // Shares are over the results with data, named as such; the counts add up to the total.
      this.w('summary-status', { judged: s.byStatus.met + s.byStatus['not-met'], met: s.byStatus.met, share: this.share(s.byStatus.met, s.byStatus.met + s.byStatus['not-met']), notMet: s.byStatus['not-met'], noData: s.byStatus['no-data'] + s.byStatus.invalid }),
    ];
    for (const [level, count] of this.silentLevels()) bits.push(this.w('summary-level-none', { level: this.levelName(level), count, region: this.topRegion()?.name ?? '' }));
    const na = inds.flatMap((i) => i.regions.filter((x) => x.status === 'not-applicable').map((x) => this.w('region-value', { region: this.name(i), value: x.region.name })));
    if (na.length) bits.push(this.w('summary-not-applicable', { count: na.length, list: this.few(na) }));
    if (!this.final) bits.push(this.classSentence('summary-classes', s.byClass));
    const top = this.topRegion();
    if (top) {
      const tops = inds.map((i) => this.topOf(i)).filter((x): x is RegionReport => x !== undefined);
      const count = (f: (s: Status) => boolean) => tops.filter((x) => f(x.status)).length;
      const na = count((x) => x === 'not-applicable');
      bits.push(this.w(this.final ? 'summary-top-final' : 'summary-top-midterm', { region: top.name, indicators: tops.length, met: count((x) => x === 'met'), notMet: count((x) => x === 'not-met'), noData: count((x) => NO_DATA.has(x)) }) + (na ? this.w('and-not-applicable', { count: na }) : '') + this.w('end'));
    }
    const areas = this.areasAheadBehind();
    if (areas) bits.push(areas);
    return [heading(1, this.w('part-summary'), 'narrative-summary'), paragraph(bits.join(this.lang === 'en' ? ' ' : ''))];
  }

  private classSentence(code: string, c: Report['summary']['byClass'], extra: Params = {}): string {
    return this.w(code, { final: this.report.finalYear, achieved: c.achieved, onTrack: c['on-track'], speedUp: c['speed-up'], limited: c.limited, movingAway: c['moving-away'], unknown: c.unknown, ...extra });
  }

  /**
   * The areas whose share of met results is above the whole's and those below it, two of each at
   * most; shares over the results with data (an area without any is neither ahead nor behind).
   */
  private areasAheadBehind(): string | undefined {
    const s = this.report.summary;
    if (s.byArea.length < 3) return undefined;
    const rate = (c: { byStatus: Report['summary']['byStatus'] }) => {
      const judged = c.byStatus.met + c.byStatus['not-met'];
      return judged > 0 ? c.byStatus.met / judged : null;
    };
    const whole = rate(s);
    if (whole === null) return undefined;
    const rated = s.byArea.map((a) => ({ a, r: rate(a) })).filter((x): x is { a: (typeof s.byArea)[number]; r: number } => x.r !== null);
    const item = (x: (typeof rated)[number]) => this.w('area-share', { area: areaName(x.a.area, this.lang), share: `${Number((x.r * 100).toFixed(1))}%` });
    const ahead = rated.filter((x) => x.r > whole).sort((p, q) => q.r - p.r).slice(0, 2);
    const behind = rated.filter((x) => x.r < whole).sort((p, q) => p.r - q.r).slice(0, 2);
    if (!ahead.length || !behind.length || rated.length < 3) return undefined;
    return this.w('summary-areas', { ahead: this.join(ahead.map(item)), behind: this.join(behind.map(item)) });
  }

  // ---- 二、各领域目标实现情况 -------------------------------------------------------

  areas(): Block[] {
    const out: Block[] = [heading(1, this.w('part-areas'), 'narrative-areas')];
    this.report.areas.forEach((a, i) => out.push(...this.area(a, i + 1)));
    // Each 市（区）, then the 城乡 and 性别 gaps, as the last subsections (report-sections.ts).
    const label = (k: number) => (this.lang === 'zh' ? chineseNumber(k) : k);
    const regions = this.sections.regionBlocks(label(this.report.areas.length + 1));
    out.push(...regions, ...this.sections.gapBlocks(label(this.report.areas.length + (regions.length ? 2 : 1))));
    return out;
  }

  private area(a: AreaReport, n: number): Block[] {
    const out: Block[] = [heading(2, this.w('area-heading', { n: this.lang === 'zh' ? chineseNumber(n) : n, area: areaName(a.area, this.lang) }))];
    const tops = a.indicators.map((i) => this.topOf(i)).filter((x): x is RegionReport => x !== undefined);
    const top = this.topRegion();
    if (top) {
      const count = (f: (r: RegionReport) => boolean) => tops.filter(f).length;
      const byClass = (c: string) => count((r) => r.progress.class === c);
      const na = count((r) => r.status === 'not-applicable');
      const opening = this.opening(a);
      out.push(paragraph(opening + this.w(this.final ? 'area-text-final' : 'area-text', {
        indicators: a.indicators.length, region: top.name, final: this.report.finalYear,
        met: count((r) => r.status === 'met'), notMet: count((r) => r.status === 'not-met'), noData: count((r) => NO_DATA.has(r.status)),
        na: na ? this.w('and-not-applicable', { count: na }) : '',
        onTrack: byClass('on-track'), speedUp: byClass('speed-up'), limited: byClass('limited'), movingAway: byClass('moving-away'),
      })));
    }
    const missing: string[] = [];
    const notApplicable: string[] = [];
    const groups = this.groups(a);
    for (const ind of a.indicators) {
      const group = groups.get(ind.id);
      if (group) {
        // A group's sentence stands where its first indicator would; the others are said in it.
        if (group[0]!.ind.id === ind.id) out.push(paragraph(this.groupSentence(group)));
        continue;
      }
      const s = this.sentence(ind);
      const earlier = s === undefined ? this.sections.earlierSentence(ind) : undefined;
      if (s !== undefined) out.push(paragraph(s));
      else if (earlier !== undefined) out.push(paragraph(earlier));
      else if (this.topOf(ind)?.status === 'not-applicable') notApplicable.push(this.name(ind));
      else missing.push(this.name(ind));
    }
    if (missing.length) out.push(paragraph(this.w('no-data-list', { list: this.sections.some(missing) })));
    if (notApplicable.length) out.push(paragraph(this.w('not-applicable-list', { list: this.join(notApplicable) })));
    return out;
  }

  /**
   * The area's opening sentence, from the figures of its top region alone, by these rules
   * (docs/guide.zh-CN.md says them too):
   * - compared: its indicators with a value and a baseline-year value to compare (比2020年…);
   *   improved / worse: those whose change, at the indicator's decimals, goes the good / bad way
   *   (a rate that should fall and falls improves); the rest are level (持平).
   * - praise only when earned: at least 2 compared, more than half of them improved and none
   *   worse — “儿童健康水平持续提高。”; and when, besides, every indicator with data meets its
   *   target, “…持续提高，各项指标均已达到规划目标。” (final: 均实现规划目标).
   * - otherwise, with at least 1 compared, the counts as they are, no praise: “与2020年相比，
   *   A市本领域10项指标中，6项有所改善，2项有所退步，2项持平。”
   * - nothing to compare: no opening.
   */
  private opening(a: AreaReport): string {
    const year = this.report.baselineYear;
    const tops = a.indicators.map((ind) => ({ ind, rr: this.topOf(ind) })).filter((x): x is { ind: IndicatorReport; rr: RegionReport } => x.rr !== undefined && HAS_DATA.has(x.rr.status));
    const changes = tops.map(({ ind, rr }) => this.changeOf(rr, ind, ind.direction)).filter((c): c is Change => c !== undefined && c.year === year);
    if (!changes.length || !this.topRegion()) return '';
    const improved = changes.filter((c) => c.better > 0).length;
    const worse = changes.filter((c) => c.better < 0).length;
    const level = changes.length - improved - worse;
    const space = this.lang === 'en' ? ' ' : '';
    if (changes.length >= 2 && worse === 0 && improved * 2 > changes.length) {
      const theme = hasMessage(`nar/theme/${a.area.id}`) ? this.w(`theme/${a.area.id}`) : this.w('theme-area', { area: areaName(a.area, this.lang) });
      const allMet = tops.every((x) => x.rr.status === 'met');
      return this.w(allMet ? (this.final ? 'theme-improved-met-final' : 'theme-improved-met') : 'theme-improved', { theme, region: this.topRegion()!.name }) + space;
    }
    const counts = [
      improved ? this.w('theme-count-improved', { n: improved }) : '',
      worse ? this.w('theme-count-worse', { n: worse }) : '',
      level ? this.w('theme-count-level', { n: level }) : '',
    ].filter((x) => x !== '');
    return this.w('theme-mixed', { year, region: this.topRegion()!.name, compared: changes.length, list: counts.join(this.w('clause-sep')) }) + space;
  }

  /**
   * One indicator's sentence as facts, where it can share a sentence with others: a number
   * against a line (at most, at least, reach, 左右, a change), with nothing of its own to add (no
   * interval note, no events, no 分性别/城乡 figures). Undefined for the others, said alone.
   */
  private facts(ind: IndicatorReport): Facts | undefined {
    const rr = this.topOf(ind);
    if (!rr || !HAS_DATA.has(rr.status) || typeof rr.value !== 'number' || ind.unit === '是/否' || !GROUPED_KINDS.has(ind.target.kind)) return undefined;
    if (rr.chance || rr.missEvents || this.breakdowns(ind, rr) !== '') return undefined;
    // A trend met reads 达到规划目标（不上升）; one missed says why, alone.
    const trend = ind.target.kind === 'trend';
    if (trend && rr.status !== 'met') return undefined;
    const change = this.changeOf(rr, ind, ind.direction);
    const line: LineKey = trend ? 'reached' : lineKey(ind, rr, ind.target);
    const verdict = this.verdictOf(rr, ind.unit);
    const subs = ind.regions.filter((x) => x.region.code !== rr.region.code);
    const regions = this.subRegions(ind, rr);
    const subsMet = regions !== '' && subs.every((x) => x.status === 'met');
    return {
      ind, rr,
      value: this.figAt(rr.value, rr.threshold, rr.status, ind),
      change,
      line,
      target: trend ? say(ind.description, ind, this.ctx) : this.targetPhrase(ind.target, ind.unit, rr, ind),
      verdict,
      regions,
      subsMet,
      quiet: rr.status === 'met' && (regions === '' || subsMet),
      key: [ind.unit, change ? `${change.key}/${change.year}` : '-', line, ind.target.kind, rr.status, verdict.key, verdict.projected !== undefined, regions === '' ? '' : `${subs.length}/${subs[0]!.region.level}`].join('|'),
    };
  }

  /**
   * The area's indicators said together (by id; each group in order), as people write them:
   * consecutive indicators with the same unit, the same change on the baseline year, the same
   * kind of target, the same side of it and the same verdict (facts().key) — so that every 均
   * and 分别 of the sentence is true of each — and either names sharing their words
   * (sharedName: 新生儿、婴儿和5岁以下儿童死亡率) or all met with nothing further to say. At
   * most GROUP_MOST to a sentence.
   */
  private groups(a: AreaReport): Map<string, Facts[]> {
    const out = new Map<string, Facts[]>();
    const fits = (g: readonly Facts[]) => g.every((f) => f.quiet) || shareWords(g.map((f) => f.ind.name));
    let group: Facts[] = [];
    const flush = () => {
      if (group.length > 1) for (const f of group) out.set(f.ind.id, group);
      group = [];
    };
    for (const ind of a.indicators) {
      const f = this.facts(ind);
      if (!f) {
        flush();
        continue;
      }
      if (group.length && group.length < GROUP_MOST && group[0]!.key === f.key && fits([...group, f])) group.push(f);
      else {
        flush();
        group = [f];
      }
    }
    flush();
    return out;
  }

  /**
   * Several indicators' names in one: in Chinese the words they share once (sharedName), else
   * listed whole; in English listed, lower-cased after the first (infant mortality rate), set
   * apart with ; where a name has a comma of its own (Anaemia prevalence, children under 5).
   */
  private names(names: readonly string[], lowerFrom = 1): string {
    const sep = this.w('list-sep');
    const last = this.w('list-last');
    if (this.lang === 'zh') return sharedName(names, sep, last) ?? listAnd(names, sep, last);
    const lower = names.map((x, i) => (i >= lowerFrom && /^[A-Z][a-z]/.test(x) ? x[0]!.toLowerCase() + x.slice(1) : x));
    return listAnd(lower, names.some((x) => x.includes(',')) ? this.w('parts-sep') : sep, last);
  }

  /** The sentence of a group: names, values, changes, gaps and projections with 分别, what is shared once with 均. */
  private groupSentence(g: readonly Facts[]): string {
    const first = g[0]!;
    const sep = this.w('list-sep');
    const last = this.w('list-last');
    const and = (xs: readonly string[]) => listAnd(xs, sep, last);
    const names = (fs: readonly Facts[], lowerFrom?: number) => this.names(fs.map((f) => this.name(f.ind)), lowerFrom);
    const unit = gapUnit(first.ind.unit, this.lang);
    let s = this.w('g-value', { year: this.report.year, region: first.rr.region.name, indicators: names(g), values: and(g.map((f) => f.value)) });
    const c = first.change;
    if (c) {
      s += this.w(`g-${c.key}`, { year: c.year, amounts: `${and(g.map((f) => this.number(f.change!.diff, f.ind)))}${unit}` });
      const plan = g.filter((f) => f.change!.plan);
      if (plan.length === g.length) s += this.w('g-baseline-plan-all', { year: c.year });
      else if (plan.length) s += this.w('g-baseline-plan-some', { year: c.year, indicators: names(plan, 0) });
    }
    const targets = g.map((f) => f.target);
    // Targets that carry a comma of their own (0.85人左右，按不低于0.8075人判定) are set apart with ；.
    const target = targets.every((x) => x === targets[0]) ? targets[0]! : this.w('g-targets', { list: listAnd(targets, targets.some((x) => /[，,]/.test(x)) ? this.w('parts-sep') : sep, last) });
    s += this.w(`g-${first.line}`, first.line === 'short' ? { target, gaps: `${and(g.map((f) => this.number(f.rr.gap!, f.ind)))}${unit}` } : { target });
    s += this.w(`g-${first.verdict.key}`);
    if (first.verdict.projected !== undefined) s += this.w('g-mid-projected', { final: first.rr.progress.finalYear, list: and(g.map((f) => f.verdict.projected!)) });
    // Sub-regions: “6个市（区）均已达标” once when true of each; else each indicator's own list.
    if (g.every((f) => f.regions === first.regions) && (first.regions === '' || first.subsMet)) s += first.regions;
    else {
      const lead = this.w('parts-sep');
      const items = g.filter((f) => f.regions !== '').map((f) => this.w('g-regions-item', { indicator: this.name(f.ind), clause: f.regions.slice(lead.length).split(lead).join(this.w('clause-sep')) }));
      s += this.w('g-regions', { list: items.join(lead) });
    }
    return s + this.w('end');
  }

  sentence(ind: IndicatorReport): string | undefined {
    const rr = this.topOf(ind);
    if (!rr || !HAS_DATA.has(rr.status)) return undefined;
    const unit = ind.unit;
    const target = ind.target;
    const base = { year: this.report.year, region: rr.region.name, indicator: this.name(ind) };
    let s: string;
    if (target.kind === 'yes-no' || typeof rr.value === 'boolean') s = this.w('value-yes-no', { ...base, value: this.fig(rr.value, ind) });
    else if (rr.value === null) s = this.w('value-parts', base);
    else s = this.w('value', { ...base, value: this.figAt(rr.value, rr.threshold, rr.status, ind) });
    s += this.change(rr, ind, ind.direction);
    s += this.against(ind, rr);
    s += this.verdict(rr, unit);
    if (rr.chance) s += this.w(rr.chance);
    if (rr.missEvents) s += this.w(ind.direction === 'lower' ? 'miss-events-more' : 'miss-events-short', { count: rr.missEvents.count, denominator: rr.missEvents.denominator });
    s += this.subRegions(ind, rr);
    s += this.breakdowns(ind, rr);
    return s + this.w('end');
  }

  /** The change from the baseline year: 比2020年下降0.41个千分点 / 与2020年持平. */
  private change(rr: RegionReport, shown: Shown, direction: IndicatorReport['direction']): string {
    const c = this.changeOf(rr, shown, direction);
    if (!c) return '';
    return this.w(c.key, { year: c.year, amount: this.amount(c.diff, shown) }) + (c.plan ? this.w('baseline-plan', { year: c.year }) : '');
  }

  /** The change from the baseline year (or the first year given) as facts: its template, year, amount and whose baseline. */
  private changeOf(rr: RegionReport, shown: Shown, direction: IndicatorReport['direction']): Change | undefined {
    const unit = unitOf(shown);
    if (typeof rr.value !== 'number' || unit === '是/否') return undefined;
    const p = rr.progress;
    const first = rr.values[0];
    const from = p.baseline !== null && p.baselineYear !== null
      ? { year: p.baselineYear, value: p.baseline, plan: p.baselineFrom === 'plan' }
      : first && typeof first.value === 'number' ? { year: first.year, value: first.value, plan: false } : undefined;
    if (!from || from.year >= this.report.year) return undefined;
    const diff = clean(rr.value - from.value);
    const flat = Number(formatNumber(Math.abs(diff), shown)) === 0;
    const points = unit === '%' || unit === '‰' || unit.includes('/');
    // A rate that should fall and rises has 上升, not 提高 (which reads as progress).
    const rise = points && diff > 0 && direction === 'lower';
    const key = flat ? 'change-flat' : rise ? 'change-pp-rise' : `change-${points ? 'pp-' : ''}${diff > 0 ? 'up' : 'down'}`;
    const better = flat ? 0 : (diff > 0) === (direction === 'higher') ? 1 : -1;
    return { key, year: from.year, diff, plan: from.plan, better };
  }

  /** The target in words: 4‰以下, 95%以上, 0.85人左右, 比2020年下降20%，即11.08 1/10万以下. */
  private targetPhrase(target: Target, unit: string, rr?: Pick<RegionReport, 'threshold' | 'progress'>, ind?: IndicatorReport): string {
    const v = (x: number) => this.fig(x, unit);
    switch (target.kind) {
      case 'at-most':
        return this.w('t-at-most', { value: v(target.value) });
      case 'at-least':
        return this.w('t-at-least', { value: v(target.value) });
      case 'reach':
        return this.w('t-reach', { value: v(target.value) });
      case 'about':
        return ind ? this.aboutPhrase(target, ind) : this.w('t-about', { value: v(target.value) });
      case 'change': {
        const line = rr?.threshold ?? null;
        const year = rr?.progress.baselineYear ?? this.report.baselineYear;
        if (line === null && ind) return ind.text;
        return this.w(target.relative < 0 ? 't-change-down' : 't-change-up', { year, percent: formatNumber(Math.abs(target.relative) * 100), line: line === null ? '—' : v(line) });
      }
      case 'yearly-change': {
        const line = rr?.threshold ?? null;
        if (line === null && ind) return ind.text;
        return this.w(target.perYear < 0 ? 't-yearly-down' : 't-yearly-up', { amount: this.amount(target.perYear, unit), year: this.report.year, line: line === null ? '—' : v(line) });
      }
      default:
        return ind ? say(ind.description.inner && (target.kind === 'every-unit' || target.kind === 'conditional') ? ind.description.inner : ind.description, ind, this.ctx) : '';
    }
  }

  /** 0.85人左右，按不低于0.8075人判定: the plan's number, and the band's edge the verdict uses, said once. */
  private aboutPhrase(target: Extract<Target, { kind: 'about' }>, ind: Pick<IndicatorReport, 'unit' | 'direction'>): string {
    const line = aboutLine(target, ind as Indicator);
    return this.w(ind.direction === 'lower' ? 't-about-lower' : 't-about-higher', { value: this.fig(target.value, ind.unit), line: formatLine(line, ind.unit, this.lang) });
  }

  /** An indicator as 三 and 四 list it: its name, and for a 左右 target the band its verdict uses. */
  private listName(ind: IndicatorReport): string {
    return ind.target.kind === 'about' ? this.w('name-with-target', { indicator: this.name(ind), target: this.aboutPhrase(ind.target, ind) }) : this.name(ind);
  }

  private indicatorOf(id: string): IndicatorReport | undefined {
    return this.indicators().find((i) => i.id === id);
  }

  /** The split's part as a place: 农村社区 (the plan's text without its figure), else 农村; in English, rural. */
  private partName(p: Pick<PartProgress, 'part' | 'text'>): string {
    if (this.lang === 'en') return t(this.lang, `part/${p.part}`);
    const bare = p.text.replace(/\s*[≥≤<>＞＜]?\s*[\d.]+\s*[%％‰]?\s*(以上|以下|左右)?\s*$/u, '').trim();
    return bare !== '' && bare !== p.text ? bare : t(this.lang, `part/${p.part}`);
  }

  /** The places a region's verdict is made of: its parts (split), its units (every unit), else itself. */
  private subjects(ind: IndicatorReport, rr: RegionReport): Subject[] {
    const name = rr.region.name;
    const t = ind.target;
    const why = t.kind === 'trend' && rr.status === 'not-met' && rr.reason ? say(rr.reason, ind, this.ctx) : undefined;
    const own: Subject = { label: name, key: rr.region.code, value: rr.value, gap: rr.gap, line: rr.threshold, status: rr.status, progress: rr.progress, ...(why ? { why } : {}) };
    if (t.kind === 'split' && rr.parts?.length) {
      const bound = boundOf(t, ind);
      return rr.parts.map((p) => ({ label: this.w('place-part', { region: name, part: this.partName(p) }), key: `${rr.region.code}/${p.part}`, value: p.value, gap: lineGap(p.progress.target, p.value, bound), line: p.progress.target, status: p.status, progress: p.progress }));
    }
    if ((t.kind === 'every-unit' || t.kind === 'conditional') && rr.units?.length) {
      const bound = boundOf(t.target, ind);
      const units = rr.units.map((u) => ({ label: this.w('place-unit', { region: name, unit: u.region.name }), key: u.region.code, value: u.value, gap: lineGap(u.progress.target, u.value, bound), line: u.progress.target, status: u.status, progress: u.progress }));
      // A miss the region's own figure proves, with no failing unit to name, is the region's.
      return units.some((u) => u.status === 'not-met') ? units : [own];
    }
    return [own];
  }

  /**
   * The subjects of an indicator's regions that `pick` keeps, each once: a township failing is
   * named under its 市（区）, not again under the city (sub-regions are read before the top one).
   */
  private picked(ind: IndicatorReport, regions: readonly RegionReport[], pick: (s: Subject) => boolean): Subject[] {
    const unitLevel = ind.target.kind === 'every-unit' || ind.target.kind === 'conditional';
    const order = unitLevel ? [...regions.filter((x) => x.region.code !== this.top), ...regions.filter((x) => x.region.code === this.top)] : regions;
    const seen = new Set<string>();
    const out: Subject[] = [];
    for (const rr of order)
      for (const s of this.subjects(ind, rr)) {
        if (!pick(s) || seen.has(s.key)) continue;
        seen.add(s.key);
        out.push(s);
      }
    return out;
  }

  /** How the value stands against the target. */
  private against(ind: IndicatorReport, rr: RegionReport): string {
    const target = ind.target;
    switch (target.kind) {
      case 'split':
        return this.parts(ind, rr);
      case 'every-unit':
      case 'conditional':
        if (!rr.units) return this.line(ind, rr, target.target);
        return this.units(ind, rr, target.level);
      case 'trend':
        // A missed trend says why (2022年起回升 …), from the engine's reason (kinds/trend.ts).
        return this.w(rr.status === 'met' ? 'reached' : 'not-reached', { target: say(ind.description, ind, this.ctx) }) + (rr.status === 'not-met' && rr.reason ? this.w('trend-why', { why: say(rr.reason, ind, this.ctx) }) : '');
      case 'yes-no':
        return this.w(rr.status === 'met' ? 'reached' : 'not-reached', { target: say(ind.description, ind, this.ctx) });
      default:
        return this.line(ind, rr, target);
    }
  }

  /** A numeric line: 低于规划目标（4‰以下） / 距规划目标（98%以上）尚差0.5个百分点. */
  private line(ind: IndicatorReport, rr: RegionReport, target: Target): string {
    const phrase = this.targetPhrase(target, ind.unit, rr, ind);
    const key = lineKey(ind, rr, target);
    return this.w(key, key === 'short' ? { target: phrase, gap: this.amount(rr.gap!, ind) } : { target: phrase });
  }

  private parts(ind: IndicatorReport, rr: RegionReport): string {
    const target = ind.target;
    if (target.kind !== 'split' || !rr.parts?.length) return '';
    const items = rr.parts.map((p) => {
      const def = target.parts.find((x) => x.part === p.part);
      const part = this.w(`${target.by}-${p.part}`);
      if (p.value === null || NO_DATA.has(p.status)) return this.w('part-no-data', { part });
      const phrase = def ? this.targetPhrase(def.target, ind.unit) : p.text;
      const value = this.figAt(p.value, p.progress.target, p.status, ind);
      if (p.status === 'met') return this.w('part-met', { part, value, target: phrase });
      const gap = lineGap(p.progress.target, p.value, def ? boundOf(def.target, ind) : boundOf(target, ind));
      return gap !== null && gap > 0 ? this.w('part-short', { part, value, target: phrase, gap: this.amount(gap, ind) }) : this.w('part', { part, value });
    });
    return this.w('parts-join', { list: items.join(this.w('parts-sep')) });
  }

  private units(ind: IndicatorReport, rr: RegionReport, level: string): string {
    const inner = ind.target.kind === 'every-unit' || ind.target.kind === 'conditional' ? ind.target.target : ind.target;
    const phrase = this.targetPhrase(inner, ind.unit);
    const failing = (rr.units ?? []).filter((u) => u.status === 'not-met');
    const missing = (rr.units ?? []).filter((u) => NO_DATA.has(u.status));
    const count = rr.unitCount ?? 0;
    const levelName = this.levelName(level);
    // A miss proven from a region's own value (every-unit.ts), where no unit is named as failing.
    const proven = rr.reason?.code.startsWith('reason/units-proven') ? this.w('units-proven', { why: say(rr.reason, ind, this.ctx) }) : '';
    let s = failing.length === 0
      ? missing.length === 0 && !proven ? this.w('units-all', { count, level: levelName, target: phrase }) : proven
      : this.w('units-failing', { count, level: levelName, n: failing.length, target: phrase, names: this.join(this.worstFirst(failing, ind).map((u) => this.w('region-value', { region: u.region.name, value: this.figAt(u.value, u.progress.target, u.status, ind) }))) });
    if (missing.length) s += this.w('units-missing', { names: this.join(missing.map((u) => u.region.name)) });
    return s;
  }

  /** Worst first: farthest from the line in the bad direction. */
  private worstFirst<T extends { value: number | boolean | null; gap?: number | null }>(items: readonly T[], ind: Pick<IndicatorReport, 'direction'>): T[] {
    const badness = (x: T) => (typeof x.gap === 'number' ? x.gap : typeof x.value === 'number' ? (ind.direction === 'lower' ? x.value : -x.value) : -Infinity);
    return [...items].sort((a, b) => badness(b) - badness(a));
  }

  private verdict(rr: RegionReport, unit: string): string {
    const v = this.verdictOf(rr, unit);
    return this.w(v.key) + (v.projected !== undefined ? this.w('mid-projected', { final: rr.progress.finalYear, projected: v.projected }) : '');
  }

  /** The stage's verdict: its template (final-met, mid-on-track …) and, for a class at risk, the value projected. */
  private verdictOf(rr: RegionReport, unit: string): { key: string; projected?: string } {
    if (this.final) return { key: rr.status === 'met' ? 'final-met' : 'final-not-met' };
    const c = rr.progress.class;
    const p = rr.progress;
    if ((c === 'speed-up' || c === 'limited' || c === 'moving-away') && p.projected !== null && p.year < p.finalYear) return { key: `mid-${c}`, projected: this.fig(p.projected, unit) };
    return { key: `mid-${c}` };
  }

  /** The sub-regions that miss, worst first: 6个市（区）中X市（4.33‰）尚未达标. */
  private subRegions(ind: IndicatorReport, rr: RegionReport): string {
    const subs = ind.regions.filter((x) => x.region.code !== rr.region.code);
    if (!subs.length) return '';
    // Every 市（区） of an every-unit target is named in the units clause already.
    const t = ind.target;
    if ((t.kind === 'every-unit' || t.kind === 'conditional') && rr.units && subs.every((x) => x.region.level === t.level)) return '';
    // A level that reported nothing is said once, in 一 and 四, not under every indicator.
    if (subs.every((x) => this.silentLevels().has(x.region.level))) return '';
    const level = this.levelName(subs[0]!.region.level);
    const notMet = this.worstFirst(subs.filter((x) => x.status === 'not-met'), ind);
    const noData = subs.filter((x) => NO_DATA.has(x.status));
    let s = '';
    // One 市（区） is named, not counted (“1个市（区）均已达标” is not how anyone writes).
    if (subs.length === 1 && !noData.length) {
      const one = subs[0]!;
      if (notMet.length) return this.w(this.final ? 'region-one-missing-final' : 'region-one-missing', { name: this.w('region-value', { region: one.region.name, value: this.figAt(one.value, one.threshold, one.status, ind) }) });
      return this.w(this.final ? 'region-one-met-final' : 'region-one-met', { name: one.region.name });
    }
    if (notMet.length) {
      const names = this.join(notMet.map((x) => this.w('region-value', { region: x.region.name, value: this.figAt(x.value, x.threshold, x.status, ind) })));
      s = this.w(this.final ? 'regions-missing-final' : 'regions-missing', { count: subs.length, level, names });
    } else if (!noData.length) s = this.w(this.final ? 'regions-all-met-final' : 'regions-all-met', { count: subs.length, level });
    if (noData.length && noData.length === subs.length && subs.length > 2) s += this.w('regions-none-with-data', { count: subs.length, level });
    else if (noData.length) s += this.w('regions-no-data', { names: this.join(noData.map((x) => x.region.name)) });
    return s;
  }

  /** 分性别 and 城市/农村 at the year, where the returns give them (a split's own parts are said already). */
  private breakdowns(ind: IndicatorReport, rr: RegionReport): string {
    let s = '';
    for (const b of rr.breakdowns) {
      if (ind.target.kind === 'split' && ind.target.by === b.by) continue;
      const items = b.parts
        .filter((p) => p.part !== 'total')
        .map((p) => ({ part: p.part, v: p.values.find((x) => x.year === this.report.year)?.value ?? null }))
        .filter((x) => x.v !== null)
        .map((x) => this.w('breakdown-item', { part: this.w(`${b.by}-${x.part}`), value: this.fig(x.v, ind) }));
      if (items.length) s += this.w(`breakdown-${b.by}`, { list: this.join(items) });
    }
    return s;
  }

  // ---- 三、存在的问题 ---------------------------------------------------------------

  problems(): Block[] {
    const r = this.report;
    const blocks: Block[] = [];
    let n = 0;
    const away = r.atRisk.filter((x) => x.progress.class === 'moving-away');
    if (away.length) {
      blocks.push(paragraph(this.w('problem-moving-away', {
        n: ++n,
        list: this.join(away.map((x) => this.w('moving-away-item', { indicator: this.name(x), region: x.region.name, baseYear: x.progress.baselineYear ?? r.baselineYear, base: this.fig(x.progress.baseline, x), year: r.year, current: this.fig(x.progress.current, x) }))),
      })));
    }
    if (!this.final) {
      const groups = this.riskGroups();
      if (groups.length) {
        blocks.push(paragraph(this.w('problem-at-risk', { n: ++n, final: r.finalYear })));
        blocks.push(list(groups.map(({ ind, subjects }) => this.w('risk-item', {
          indicator: this.listName(ind),
          regions: subjects.map((x) => this.riskSubject(x, ind)).join(this.w('parts-sep')),
        }))));
      }
      const warnings = this.warningGroups();
      if (warnings.length) {
        blocks.push(paragraph(this.w('problem-warning', { n: ++n, final: r.finalYear })));
        blocks.push(list(warnings.map(({ ind, items }) => this.w('risk-item', {
          indicator: this.listName(ind),
          regions: items.map((x) => this.warningRegion(x, ind)).join(this.w('parts-sep')),
        }))));
      }
    } else {
      const groups = this.notAchieved();
      if (groups.length) {
        blocks.push(paragraph(this.w('problem-not-achieved', { n: ++n })));
        blocks.push(list(groups.map(({ ind, subjects }) => this.w('risk-item', {
          indicator: this.listName(ind),
          regions: subjects.map((x) => x.gap !== null && x.gap > 0
            ? this.w('not-achieved-region', { region: x.label, current: this.figAt(x.value, x.line, x.status, ind), gap: this.amount(x.gap, ind) })
            : this.w('not-achieved-region-no-gap', { region: x.label, current: this.figAt(x.value, x.line, x.status, ind) }) + (x.why ? this.w('trend-why-brief', { why: x.why }) : '')).join(this.w('parts-sep')),
        }))));
      }
    }
    blocks.push(...this.sections.causeBlocks(() => ++n));
    const lagging = this.lagging();
    if (lagging.items.length) blocks.push(paragraph(this.w(this.final ? 'problem-lagging-final' : 'problem-lagging', { n: ++n, level: lagging.level, final: r.finalYear, list: this.join(lagging.items) })));
    const top = this.topRegion();
    // An indicator judged on the year before (report-sections.ts) is said there, not listed again as without data.
    const noData = this.indicators().filter((i) => { const x = this.topOf(i); return x !== undefined && NO_DATA.has(x.status) && !earlierOf(x, r.year); });
    if (top && noData.length) blocks.push(paragraph(this.w('problem-no-data', { n: ++n, region: top.name, count: noData.length, list: this.few(noData.map((i) => this.name(i))) })));
    const noBaseline = this.noBaseline();
    if (noBaseline.length) blocks.push(paragraph(this.w('problem-no-baseline', { n: ++n, year: r.baselineYear, list: this.join(noBaseline.map((i) => this.name(i))) })));
    const q = this.quality();
    if (q.errors + q.warnings > 0) blocks.push(paragraph(this.w('problem-quality', { n: ++n, ...q })));
    return [heading(1, this.w('part-problems'), 'narrative-problems'), ...(blocks.length ? blocks : [paragraph(this.w('problems-none'))])];
  }

  /** At most NAMES_SHOWN names, then 等N项 (the annexes list them all). */
  private few(names: readonly string[]): string {
    if (names.length <= NAMES_SHOWN) return this.join(names);
    return this.w('names-more', { names: this.join(names.slice(0, NAMES_SHOWN)), total: names.length });
  }

  /** The at-risk indicators in the order of their worst region, each with the places at risk named. */
  private riskGroups(): Array<{ ind: IndicatorReport; subjects: Subject[] }> {
    const out: Array<{ ind: IndicatorReport; subjects: Subject[] }> = [];
    for (const g of groupById(this.report.atRisk)) {
      const ind = this.indicatorOf(g[0]!.id);
      if (!ind) continue;
      const regions = g.map((x) => ind.regions.find((rr) => rr.region.code === x.region.code)).filter((x): x is RegionReport => x !== undefined);
      const subjects = this.picked(ind, regions, isRisky);
      if (subjects.length) out.push({ ind, subjects });
    }
    return out;
  }

  /** One place at risk: its class, its own value and the pace left; a target that cannot be paced says so. */
  private riskSubject(x: Subject, unit: Shown): string {
    const value = typeof x.value === 'number' ? this.figAt(x.value, x.line, x.status, unit) : null;
    if (x.progress.class === 'unknown') return this.w(value === null ? 'risk-region-unpaced-no-value' : 'risk-region-unpaced', { region: x.label, year: this.report.year, current: value ?? '' });
    const pace = this.paceLeft(x.progress, unit);
    const params = { region: x.label, class: classLabel(x.progress.class, this.lang), year: this.report.year, current: value ?? '—' };
    return pace ? this.w('risk-region', { ...params, pace }) : this.w('risk-region-no-pace', params);
  }

  private warningGroups(): Array<{ ind: IndicatorReport; items: EarlyWarning[] }> {
    const groups = new Map<string, EarlyWarning[]>();
    for (const w of this.report.warnings ?? []) groups.set(w.id, [...(groups.get(w.id) ?? []), w]);
    return [...groups.values()].map((items) => ({ ind: this.indicatorOf(items[0]!.id), items })).filter((g): g is { ind: IndicatorReport; items: EarlyWarning[] } => g.ind !== undefined);
  }

  /** A区2020年80.87%，2023年78.9%，按目前年均变化2025年预计为77.59%，规划目标为78%以上. */
  private warningRegion(x: EarlyWarning, ind: IndicatorReport): string {
    const p = x.progress;
    const rr = ind.regions.find((y) => y.region.code === x.region.code);
    const t = ind.target;
    const target = x.within && (t.kind === 'every-unit' || t.kind === 'conditional') ? this.targetPhrase(t.target, ind.unit) : this.targetPhrase(t, ind.unit, rr, ind);
    return this.w('warning-region', {
      region: this.warnedPlace(x), baseYear: p.baselineYear ?? this.report.baselineYear, base: this.fig(p.baseline, x), year: p.year, current: this.fig(p.current, x),
      final: p.finalYear, projected: this.fig(p.projected, x), target,
    });
  }

  /** A区, or a unit under the region it was read in: B区C镇. */
  private warnedPlace(x: EarlyWarning): string {
    return x.within ? this.w('place-unit', { region: x.within.name, unit: x.region.name }) : x.region.name;
  }

  /** What is left to do each year to reach the target by the final year: 需年均下降0.6个百分点. */
  private paceLeft(p: Progress, shown: Shown): string | undefined {
    if (p.target === null || p.current === null || p.year >= p.finalYear) return undefined;
    const pace = clean((p.target - p.current) / (p.finalYear - p.year));
    if (pace === 0) return undefined;
    const unit = unitOf(shown);
    const points = unit === '%' || unit === '‰' || unit.includes('/');
    // One precision for every pace of an indicator: its own decimals, but at least two (a pace of
    // 0.14 h a year is not 0.1); a pace too small for them keeps its own.
    const decimals = typeof shown === 'string' || shown.decimals === undefined ? undefined : Math.max(shown.decimals, 2);
    const fits = decimals !== undefined && Math.abs(pace) >= 0.5 * 10 ** -decimals;
    return this.w(`pace-${pace > 0 ? 'up' : 'down'}${points ? '' : '-count'}`, { amount: this.amount(pace, fits ? { unit, decimals } : unit) });
  }

  /** The indicators not achieved, each with the places that miss (the top region's first, then worst first). */
  private notAchieved(): Array<{ ind: IndicatorReport; subjects: Subject[] }> {
    const out: Array<{ ind: IndicatorReport; subjects: Subject[] }> = [];
    for (const ind of this.indicators()) {
      const regions = ind.regions.filter((x) => x.status === 'not-met');
      if (!regions.length) continue;
      const ordered = [...regions.filter((x) => x.region.code === this.top), ...this.worstFirst(regions.filter((x) => x.region.code !== this.top), ind)];
      const subjects = this.picked(ind, ordered, (x) => x.status === 'not-met');
      if (subjects.length) out.push({ ind, subjects });
    }
    return out;
  }

  /**
   * Sub-regions with several targets missed, most first: at the final stage the targets not met,
   * before it those at risk (an indicator not yet met but on track is not a problem).
   */
  private lagging(): { level: string; items: string[] } {
    const counts = new Map<string, { region: RegionRef; ids: Set<string> }>();
    const add = (region: RegionRef, id: string) => {
      if (region.code === this.top) return;
      const c = counts.get(region.code) ?? { region, ids: new Set<string>() };
      c.ids.add(id);
      counts.set(region.code, c);
    };
    if (this.final) {
      for (const ind of this.indicators()) for (const x of ind.regions) if (x.status === 'not-met') add(x.region, ind.id);
    } else for (const x of this.report.atRisk) add(x.region, x.id);
    const rows = [...counts.values()].filter((c) => c.ids.size >= LAGGING_FROM).sort((a, b) => b.ids.size - a.ids.size);
    return { level: this.levelName(rows[0]?.region.level), items: rows.map((c) => this.w('lagging-item', { region: c.region.name, count: c.ids.size })) };
  }

  private noBaseline(): IndicatorReport[] {
    return this.indicators().filter((i) => this.topOf(i)?.progress.reason === 'no-baseline');
  }

  private quality(): { errors: number; warnings: number } {
    const d = this.report.diagnostics;
    return { errors: d.filter((x) => x.severity === 'error').length, warnings: d.filter((x) => x.severity === 'warning').length };
  }

  // ---- 四、下一步工作建议 -------------------------------------------------------------

  next(): Block[] {
    const r = this.report;
    const out: Block[] = [heading(1, this.w('part-next'), 'narrative-next')];
    let n = 0;
    if (!this.final) {
      const groups = this.riskGroups()
        .map(({ ind, subjects }) => ({ ind, paced: subjects.map((x) => ({ x, pace: this.paceLeft(x.progress, ind) })).filter((y): y is { x: Subject; pace: string } => y.pace !== undefined) }))
        .filter((g) => g.paced.length);
      if (groups.length) {
        out.push(paragraph(this.w('next-pace-intro', { n: ++n, final: r.finalYear })));
        out.push(list(groups.map(({ ind, paced }) => this.w('next-pace', {
          indicator: this.listName(ind),
          // A 左右 target is paced to its band's edge (CONTRACT §6): the edge is named as the line judged.
          list: this.join(paced.map(({ x, pace }) => this.w(ind.target.kind === 'about' ? 'next-pace-region-about' : 'next-pace-region', { region: x.label, pace, current: this.figAt(x.progress.current, x.progress.target, x.status, ind), target: ind.target.kind === 'about' && x.progress.target !== null ? formatLine(x.progress.target, ind.unit, this.lang) : targetFigure(x.progress.target, ind, this.lang) }))),
        }))));
      }
      const warnings = this.warningGroups();
      if (warnings.length) out.push(paragraph(this.w('next-warning', { n: ++n, final: r.finalYear, list: this.join(warnings.map(({ ind, items }) => this.w('next-warning-item', { indicator: this.name(ind), regions: this.join(items.map((x) => this.warnedPlace(x))) }))) })));
    } else {
      // The final report's 下一步: what the next plan (十五五) carries over, each miss at its place (report-sections.ts).
      out.push(...this.sections.carryOverBlocks(this.notAchieved(), () => ++n));
    }
    out.push(...this.sections.placeholderBlocks(() => ++n));
    const data = this.dataToComplete();
    if (data.length) out.push(paragraph(this.w('next-data', { n: ++n, list: data.join(this.lang === 'zh' ? '；' : '; ') })));
    if (n === 0) out.push(paragraph(this.w('next-none')));
    return out;
  }

  /**
   * The levels below the top none of whose regions (two or more) has data for any indicator — a
   * city-only return — with their number of regions: said once, not under every indicator.
   */
  private silentLevels(): Map<string, number> {
    if (this.silent) return this.silent;
    const byLevel = new Map<string, Map<string, boolean>>();
    for (const ind of this.indicators())
      for (const x of ind.regions) {
        if (x.region.code === this.top) continue;
        const level = byLevel.get(x.region.level) ?? new Map<string, boolean>();
        level.set(x.region.code, (level.get(x.region.code) ?? false) || reported(x));
        byLevel.set(x.region.level, level);
      }
    this.silent = new Map([...byLevel].filter(([, regions]) => regions.size > 1 && [...regions.values()].every((has) => !has)).map(([level, regions]) => [level, regions.size]));
    return this.silent;
  }

  /**
   * 补齐数据, as a person says it: a level none of whose regions reported anything is one clause
   * (各市（区）均未报送分地区数据), a region that reported nothing another; other lists are short,
   * and the annex 各地区达标情况 holds every cell.
   */
  private dataToComplete(): string[] {
    const r = this.report;
    const data: string[] = [];
    const missing = new Map<string, { region: RegionRef; names: string[]; judged: number; reported: boolean }>();
    for (const ind of this.indicators())
      for (const x of ind.regions) {
        const m = missing.get(x.region.code) ?? { region: x.region, names: [], judged: 0, reported: false };
        m.judged++;
        m.reported ||= reported(x);
        if (NO_DATA.has(x.status)) m.names.push(this.name(ind));
        missing.set(x.region.code, m);
      }
    const rows = [...missing.values()].filter((m) => m.names.length);
    const none = (m: (typeof rows)[number]) => !m.reported;
    let annex = false;
    const silentLevels = this.silentLevels();
    for (const [level, count] of silentLevels) {
      data.push(this.w('next-data-level-none', { level: this.levelName(level), count, year: r.year }));
      annex = true;
    }
    const shown = rows.filter((m) => !(silentLevels.has(m.region.level) && m.region.code !== this.top));
    // The top region and the regions missing most first; past REGIONS_SHOWN, the rest are counted.
    const ordered = [...shown.filter((m) => m.region.code === this.top), ...shown.filter((m) => m.region.code !== this.top).sort((a, b) => b.names.length - a.names.length)];
    for (const m of ordered.slice(0, REGIONS_SHOWN)) {
      if (none(m) && m.judged > NAMES_SHOWN) data.push(this.w('next-data-region-none', { region: m.region.name, year: r.year, count: m.judged }));
      else data.push(this.w('next-data-missing', { region: m.region.name, indicators: this.few(m.names), year: r.year }));
      if (m.names.length > NAMES_SHOWN) annex = true;
    }
    const rest = ordered.slice(REGIONS_SHOWN);
    if (rest.length) {
      data.push(this.w('next-data-more-regions', { regions: this.join(rest.map((m) => m.region.name)), count: rest.reduce((n, m) => n + m.names.length, 0), year: r.year }));
      annex = true;
    }
    const noBaseline = this.noBaseline();
    if (noBaseline.length) data.push(this.w('next-data-baseline', { indicators: this.join(noBaseline.map((i) => this.name(i))), year: r.baselineYear }));
    const q = this.quality();
    if (q.errors + q.warnings > 0) data.push(this.w('next-data-quality', q));
    if (annex) data.push(this.w('next-data-annex'));
    return data;
  }
}

/** Whether a region sent anything for an indicator: a value, or a cell found bad (a no-data result without a value is silence). */
function reported(x: Pick<RegionReport, 'status' | 'value'>): boolean {
  return x.status !== 'no-data' || x.value !== null;
}

/** How far a value is short of its line (positive) or beyond it (negative), on the side the bound says. */
function lineGap(line: number | null, value: number | boolean | null, bound: 'min' | 'max'): number | null {
  if (line === null || typeof value !== 'number') return null;
  return clean(bound === 'max' ? value - line : line - value);
}

/** At-risk entries grouped by indicator, in the order of each indicator's worst entry. */
function groupById(items: readonly AtRisk[]): AtRisk[][] {
  const groups = new Map<string, AtRisk[]>();
  for (const x of items) {
    const g = groups.get(x.id);
    if (g) g.push(x);
    else groups.set(x.id, [x]);
  }
  return [...groups.values()];
}

/** How a value stands against its line, as a template: short of it, not reaching it, on it, beyond it (below / above). */
function lineKey(ind: IndicatorReport, rr: RegionReport, target: Target): LineKey {
  if (rr.status !== 'met') return rr.gap !== null && rr.gap > 0 ? 'short' : 'not-reached';
  if (rr.gap === null || rr.gap === 0 || target.kind === 'about' || target.kind === 'reach') return 'on-line';
  return boundOf(target, ind) === 'max' ? 'better-low' : 'better-high';
}

function boundOf(target: Target, ind: Pick<IndicatorReport, 'direction'>): 'min' | 'max' {
  switch (target.kind) {
    case 'at-most':
      return 'max';
    case 'at-least':
      return 'min';
    case 'change':
      return target.relative < 0 ? 'max' : 'min';
    case 'yearly-change':
      return target.perYear < 0 ? 'max' : 'min';
    default:
      return ind.direction === 'lower' ? 'max' : 'min';
  }
}

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** 1 → 一 … 10 → 十, 11 → 十一, 20 → 二十 (area numbers: （一）儿童与健康). */
export function chineseNumber(n: number): string {
  if (n <= 10) return DIGITS[n]!;
  if (n < 20) return `十${DIGITS[n - 10]}`;
  if (n < 100) return `${DIGITS[Math.floor(n / 10)]}十${n % 10 ? DIGITS[n % 10] : ''}`;
  return String(n);
}
