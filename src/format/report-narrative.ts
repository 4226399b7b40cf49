// The report's narrative, as a 中期/终期评估报告 words it: 一、总体情况, 二、各领域目标实现情况
// (a sentence of figures per indicator), 三、存在的问题 and 四、下一步工作建议 — facts from the
// results only, each sentence from a template of src/i18n/narrative.ts. Pure.
import { t, type Lang } from '../i18n/index.js';
import type { Params } from '../diagnostics.js';
import { clean } from '../engine/numbers.js';
import type { Status } from '../engine/verdict.js';
import type { Target } from '../plan/model.js';
import type { AreaReport, AtRisk, IndicatorReport, RegionRef, RegionReport, Report } from '../report/model.js';
import { heading, list, paragraph, type Block } from './report-doc.js';
import { say } from './detail.js';
import type { FormatContext } from './records.js';
import { areaName, classLabel, indicatorName } from './report-words.js';
import { formatNumber, formatValue, gapUnit, unitOf, type Shown } from './words.js';

const HAS_DATA: ReadonlySet<Status> = new Set(['met', 'not-met']);
const NO_DATA: ReadonlySet<Status> = new Set(['no-data', 'invalid']);

/** Regions not meeting a target count as several from this many indicators on. */
export const LAGGING_FROM = 3;

export function narrativeBlocks(report: Report, ctx: FormatContext): Block[] {
  const n = new Narrative(report, ctx);
  return [...n.summary(), ...n.areas(), ...n.problems(), ...n.next()];
}

/** The sentence of figures for one indicator, or undefined when its region has no data. */
export function indicatorSentence(report: Report, ind: IndicatorReport, ctx: FormatContext): string | undefined {
  return new Narrative(report, ctx).sentence(ind);
}

class Narrative {
  private readonly lang: Lang;
  private readonly top: string | null;
  private readonly final: boolean;

  constructor(
    private readonly report: Report,
    private readonly ctx: FormatContext,
  ) {
    this.lang = ctx.lang;
    this.top = report.chartRegion;
    this.final = report.stage === 'final';
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

  /** A difference in the unit it is spoken in: 0.41个千分点, 2.3个百分点, 0.16人. */
  private amount(x: number, unit: Shown): string {
    return `${formatNumber(Math.abs(x), unit)}${gapUnit(unitOf(unit), this.lang)}`;
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
      this.w('summary-status', { met: s.byStatus.met, share: this.share(s.byStatus.met, s.total - s.byStatus['not-applicable']), notMet: s.byStatus['not-met'], noData: s.byStatus['no-data'] + s.byStatus.invalid }),
    ];
    if (!this.final) bits.push(this.classSentence('summary-classes', s.byClass));
    const top = this.topRegion();
    if (top) {
      const tops = inds.map((i) => this.topOf(i)).filter((x): x is RegionReport => x !== undefined);
      const count = (f: (s: Status) => boolean) => tops.filter((x) => f(x.status)).length;
      bits.push(this.w(this.final ? 'summary-top-final' : 'summary-top-midterm', { region: top.name, indicators: tops.length, met: count((x) => x === 'met'), notMet: count((x) => x === 'not-met'), noData: count((x) => NO_DATA.has(x)) }));
    }
    const areas = this.areasAheadBehind();
    if (areas) bits.push(areas);
    return [heading(1, this.w('part-summary'), 'narrative-summary'), paragraph(bits.join(this.lang === 'en' ? ' ' : ''))];
  }

  private classSentence(code: string, c: Report['summary']['byClass'], extra: Params = {}): string {
    return this.w(code, { final: this.report.finalYear, achieved: c.achieved, onTrack: c['on-track'], speedUp: c['speed-up'], limited: c.limited, movingAway: c['moving-away'], unknown: c.unknown, ...extra });
  }

  /** The areas whose share of met results is above the whole's and those below it, two of each at most. */
  private areasAheadBehind(): string | undefined {
    const s = this.report.summary;
    if (s.byArea.length < 3) return undefined;
    const rate = (c: { total: number; byStatus: Report['summary']['byStatus'] }) => {
      const judged = c.total - c.byStatus['not-applicable'];
      return judged > 0 ? c.byStatus.met / judged : null;
    };
    const whole = rate(s);
    if (whole === null) return undefined;
    const rated = s.byArea.map((a) => ({ a, r: rate(a) })).filter((x): x is { a: (typeof s.byArea)[number]; r: number } => x.r !== null);
    const item = (x: (typeof rated)[number]) => this.w('area-share', { area: areaName(x.a.area, this.lang), share: `${Number((x.r * 100).toFixed(1))}%` });
    const ahead = rated.filter((x) => x.r > whole).sort((p, q) => q.r - p.r).slice(0, 2);
    const behind = rated.filter((x) => x.r < whole).sort((p, q) => p.r - q.r).slice(0, 2);
    if (!ahead.length || !behind.length) return undefined;
    return this.w('summary-areas', { ahead: this.join(ahead.map(item)), behind: this.join(behind.map(item)) });
  }

  // ---- 二、各领域目标实现情况 -------------------------------------------------------

  areas(): Block[] {
    const out: Block[] = [heading(1, this.w('part-areas'), 'narrative-areas')];
    this.report.areas.forEach((a, i) => out.push(...this.area(a, i + 1)));
    return out;
  }

  private area(a: AreaReport, n: number): Block[] {
    const out: Block[] = [heading(2, this.w('area-heading', { n: this.lang === 'zh' ? chineseNumber(n) : n, area: areaName(a.area, this.lang) }))];
    const tops = a.indicators.map((i) => this.topOf(i)).filter((x): x is RegionReport => x !== undefined);
    const top = this.topRegion();
    if (top) {
      const count = (f: (r: RegionReport) => boolean) => tops.filter(f).length;
      const byClass = (c: string) => count((r) => r.progress.class === c);
      out.push(paragraph(this.w(this.final ? 'area-text-final' : 'area-text', {
        indicators: a.indicators.length, region: top.name, final: this.report.finalYear,
        met: count((r) => r.status === 'met'), notMet: count((r) => r.status === 'not-met'), noData: count((r) => NO_DATA.has(r.status)),
        onTrack: byClass('on-track'), speedUp: byClass('speed-up'), limited: byClass('limited'), movingAway: byClass('moving-away'),
      })));
    }
    const missing: string[] = [];
    const notApplicable: string[] = [];
    for (const ind of a.indicators) {
      const s = this.sentence(ind);
      if (s !== undefined) out.push(paragraph(s));
      else if (this.topOf(ind)?.status === 'not-applicable') notApplicable.push(this.name(ind));
      else missing.push(this.name(ind));
    }
    if (missing.length) out.push(paragraph(this.w('no-data-list', { list: this.join(missing) })));
    if (notApplicable.length) out.push(paragraph(this.w('not-applicable-list', { list: this.join(notApplicable) })));
    return out;
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
    else s = this.w('value', { ...base, value: this.fig(rr.value, ind) });
    s += this.change(rr, ind);
    s += this.against(ind, rr);
    s += this.verdict(rr, unit);
    if (rr.chance) s += this.w(rr.chance);
    if (rr.missEvents) s += this.w(ind.direction === 'lower' ? 'miss-events-more' : 'miss-events-short', { count: rr.missEvents.count, denominator: rr.missEvents.denominator });
    s += this.subRegions(ind, rr);
    s += this.breakdowns(ind, rr);
    return s + this.w('end');
  }

  /** The change from the baseline year: 比2020年下降0.41个千分点 / 与2020年持平. */
  private change(rr: RegionReport, shown: Shown): string {
    const unit = unitOf(shown);
    if (typeof rr.value !== 'number' || unit === '是/否') return '';
    const p = rr.progress;
    const first = rr.values[0];
    const from = p.baseline !== null && p.baselineYear !== null
      ? { year: p.baselineYear, value: p.baseline, plan: p.baselineFrom === 'plan' }
      : first && typeof first.value === 'number' ? { year: first.year, value: first.value, plan: false } : undefined;
    if (!from || from.year >= this.report.year) return '';
    const diff = clean(rr.value - from.value);
    const amount = this.amount(diff, shown);
    const flat = Number(formatNumber(Math.abs(diff), shown)) === 0;
    const points = unit === '%' || unit === '‰' || unit.includes('/');
    const key = flat ? 'change-flat' : `change-${points ? 'pp-' : ''}${diff > 0 ? 'up' : 'down'}`;
    return this.w(key, { year: from.year, amount }) + (from.plan ? this.w('baseline-plan', { year: from.year }) : '');
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
        return this.w('t-about', { value: v(target.value) });
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
      case 'yes-no':
        return this.w(rr.status === 'met' ? 'reached' : 'not-reached', { target: say(ind.description, ind, this.ctx) });
      default:
        return this.line(ind, rr, target);
    }
  }

  /** A numeric line: 低于规划目标（4‰以下） / 距规划目标（98%以上）尚差0.5个百分点. */
  private line(ind: IndicatorReport, rr: RegionReport, target: Target): string {
    const phrase = this.targetPhrase(target, ind.unit, rr, ind);
    if (rr.status !== 'met') return rr.gap !== null && rr.gap > 0 ? this.w('short', { target: phrase, gap: this.amount(rr.gap, ind) }) : this.w('not-reached', { target: phrase });
    if (rr.gap === null || rr.gap === 0 || target.kind === 'about' || target.kind === 'reach') return this.w('on-line', { target: phrase });
    return this.w(boundOf(target, ind) === 'max' ? 'better-low' : 'better-high', { target: phrase });
  }

  private parts(ind: IndicatorReport, rr: RegionReport): string {
    const target = ind.target;
    if (target.kind !== 'split' || !rr.parts?.length) return '';
    const items = rr.parts.map((p) => {
      const def = target.parts.find((x) => x.part === p.part);
      const part = this.w(`${target.by}-${p.part}`);
      if (p.value === null || NO_DATA.has(p.status)) return this.w('part-no-data', { part });
      const phrase = def ? this.targetPhrase(def.target, ind.unit) : p.text;
      const value = this.fig(p.value, ind);
      if (p.status === 'met') return this.w('part-met', { part, value, target: phrase });
      const line = p.progress.target;
      const gap = typeof p.value === 'number' && line !== null ? (ind.direction === 'lower' ? p.value - line : line - p.value) : null;
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
    let s = failing.length === 0
      ? missing.length === 0 ? this.w('units-all', { count, level: levelName, target: phrase }) : ''
      : this.w('units-failing', { count, level: levelName, n: failing.length, target: phrase, names: this.join(this.worstFirst(failing, ind).map((u) => this.w('region-value', { region: u.region.name, value: this.fig(u.value, ind) }))) });
    if (missing.length) s += this.w('units-missing', { names: this.join(missing.map((u) => u.region.name)) });
    return s;
  }

  /** Worst first: farthest from the line in the bad direction. */
  private worstFirst<T extends { value: number | boolean | null; gap?: number | null }>(items: readonly T[], ind: Pick<IndicatorReport, 'direction'>): T[] {
    const badness = (x: T) => (typeof x.gap === 'number' ? x.gap : typeof x.value === 'number' ? (ind.direction === 'lower' ? x.value : -x.value) : -Infinity);
    return [...items].sort((a, b) => badness(b) - badness(a));
  }

  private verdict(rr: RegionReport, unit: string): string {
    if (this.final) return this.w(rr.status === 'met' ? 'final-met' : 'final-not-met');
    const c = rr.progress.class;
    let s = this.w(`mid-${c}`);
    const p = rr.progress;
    if ((c === 'speed-up' || c === 'limited' || c === 'moving-away') && p.projected !== null && p.year < p.finalYear) s += this.w('mid-projected', { final: p.finalYear, projected: this.fig(p.projected, unit) });
    return s;
  }

  /** The sub-regions that miss, worst first: 6个市（区）中X市（4.33‰）尚未达标. */
  private subRegions(ind: IndicatorReport, rr: RegionReport): string {
    const subs = ind.regions.filter((x) => x.region.code !== rr.region.code);
    if (!subs.length) return '';
    // Every 市（区） of an every-unit target is named in the units clause already.
    const t = ind.target;
    if ((t.kind === 'every-unit' || t.kind === 'conditional') && rr.units && subs.every((x) => x.region.level === t.level)) return '';
    const level = this.levelName(subs[0]!.region.level);
    const notMet = this.worstFirst(subs.filter((x) => x.status === 'not-met'), ind);
    const noData = subs.filter((x) => NO_DATA.has(x.status));
    let s = '';
    if (notMet.length) {
      const names = this.join(notMet.map((x) => this.w('region-value', { region: x.region.name, value: this.fig(x.value, ind) })));
      s = this.w(this.final ? 'regions-missing-final' : 'regions-missing', { count: subs.length, level, names });
    } else if (!noData.length) s = this.w(this.final ? 'regions-all-met-final' : 'regions-all-met', { count: subs.length, level });
    if (noData.length) s += this.w('regions-no-data', { names: this.join(noData.map((x) => x.region.name)) });
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
      const groups = groupById(r.atRisk);
      if (groups.length) {
        blocks.push(paragraph(this.w('problem-at-risk', { n: ++n, final: r.finalYear })));
        blocks.push(list(groups.map((g) => this.w('risk-item', {
          indicator: this.name(g[0]!),
          regions: g.map((x) => this.riskRegion(x)).join(this.w('parts-sep')),
        }))));
      }
    } else {
      const groups = this.notAchieved();
      if (groups.length) {
        blocks.push(paragraph(this.w('problem-not-achieved', { n: ++n })));
        blocks.push(list(groups.map(({ ind, regions }) => this.w('risk-item', {
          indicator: this.name(ind),
          regions: regions.map((x) => x.gap !== null && x.gap > 0
            ? this.w('not-achieved-region', { region: x.region.name, current: this.fig(x.value, ind), gap: this.amount(x.gap, ind) })
            : this.w('not-achieved-region-no-gap', { region: x.region.name, current: this.fig(x.value, ind) })).join(this.w('parts-sep')),
        }))));
      }
    }
    const lagging = this.lagging();
    if (lagging.items.length) blocks.push(paragraph(this.w('problem-lagging', { n: ++n, level: lagging.level, list: this.join(lagging.items) })));
    const top = this.topRegion();
    const noData = this.indicators().filter((i) => { const x = this.topOf(i); return x !== undefined && NO_DATA.has(x.status); });
    if (top && noData.length) blocks.push(paragraph(this.w('problem-no-data', { n: ++n, region: top.name, list: this.join(noData.map((i) => this.name(i))) })));
    const noBaseline = this.noBaseline();
    if (noBaseline.length) blocks.push(paragraph(this.w('problem-no-baseline', { n: ++n, year: r.baselineYear, list: this.join(noBaseline.map((i) => this.name(i))) })));
    const q = this.quality();
    if (q.errors + q.warnings > 0) blocks.push(paragraph(this.w('problem-quality', { n: ++n, ...q })));
    return [heading(1, this.w('part-problems'), 'narrative-problems'), ...(blocks.length ? blocks : [paragraph(this.w('problems-none'))])];
  }

  /** One region of an at-risk indicator: its class, value and the pace left; a target that cannot be paced says so. */
  private riskRegion(x: AtRisk): string {
    const value = x.progress.current !== null ? this.fig(x.progress.current, x) : null;
    if (x.progress.class === 'unknown') return this.w(value === null ? 'risk-region-unpaced-no-value' : 'risk-region-unpaced', { region: x.region.name, year: this.report.year, current: value ?? '' });
    const pace = this.paceLeft(x);
    const params = { region: x.region.name, class: classLabel(x.progress.class, this.lang), year: this.report.year, current: value ?? '—' };
    // A split target is as far along as its part furthest behind: that part is named.
    if (x.progress.part !== undefined) return this.w('risk-region-by-part', { ...params, part: t(this.lang, `part/${x.progress.part}`) });
    return pace ? this.w('risk-region', { ...params, pace }) : this.w('risk-region-no-pace', params);
  }

  /** What is left to do each year to reach the target by the final year: 需年均下降0.6个百分点. */
  private paceLeft(x: Pick<AtRisk, 'progress' | 'unit'>): string | undefined {
    const p = x.progress;
    if (p.target === null || p.current === null || p.year >= p.finalYear) return undefined;
    const pace = clean((p.target - p.current) / (p.finalYear - p.year));
    if (pace === 0) return undefined;
    const points = x.unit === '%' || x.unit === '‰' || x.unit.includes('/');
    return this.w(`pace-${pace > 0 ? 'up' : 'down'}${points ? '' : '-count'}`, { amount: this.amount(pace, x) });
  }

  private notAchieved(): Array<{ ind: IndicatorReport; regions: RegionReport[] }> {
    const out: Array<{ ind: IndicatorReport; regions: RegionReport[] }> = [];
    for (const ind of this.indicators()) {
      const regions = ind.regions.filter((x) => x.status === 'not-met');
      if (regions.length) out.push({ ind, regions: [...regions.filter((x) => x.region.code === this.top), ...this.worstFirst(regions.filter((x) => x.region.code !== this.top), ind)] });
    }
    return out;
  }

  /** Sub-regions with several targets not met, most first. */
  private lagging(): { level: string; items: string[] } {
    const counts = new Map<string, { region: RegionRef; count: number }>();
    for (const ind of this.indicators())
      for (const x of ind.regions) {
        if (x.region.code === this.top || x.status !== 'not-met') continue;
        const c = counts.get(x.region.code) ?? { region: x.region, count: 0 };
        c.count++;
        counts.set(x.region.code, c);
      }
    const rows = [...counts.values()].filter((c) => c.count >= LAGGING_FROM).sort((a, b) => b.count - a.count);
    return { level: this.levelName(rows[0]?.region.level), items: rows.map((c) => this.w('lagging-item', { region: c.region.name, count: c.count })) };
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
      const groups = groupById(r.atRisk)
        .map((g) => g.map((x) => ({ x, pace: this.paceLeft(x) })).filter((y): y is { x: AtRisk; pace: string } => y.pace !== undefined))
        .filter((g) => g.length);
      if (groups.length) {
        out.push(paragraph(this.w('next-pace-intro', { n: ++n, final: r.finalYear })));
        out.push(list(groups.map((g) => this.w('next-pace', {
          indicator: this.name(g[0]!.x),
          list: this.join(g.map(({ x, pace }) => this.w('next-pace-region', { region: x.region.name, pace, current: this.fig(x.progress.current, x), target: this.fig(x.progress.target, x) }))),
        }))));
      }
    } else {
      const groups = this.notAchieved().map((g) => ({ ...g, regions: g.regions.filter((x) => x.gap !== null && x.gap > 0) })).filter((g) => g.regions.length);
      if (groups.length) {
        out.push(paragraph(this.w('next-gap-intro', { n: ++n })));
        out.push(list(groups.map(({ ind, regions }) => this.w('next-gap', { indicator: this.name(ind), list: this.join(regions.map((x) => this.w('next-gap-region', { region: x.region.name, gap: this.amount(x.gap!, ind) }))) }))));
      }
    }
    const data: string[] = [];
    const missing = new Map<string, { region: RegionRef; names: string[] }>();
    for (const ind of this.indicators())
      for (const x of ind.regions) {
        if (!NO_DATA.has(x.status)) continue;
        const m = missing.get(x.region.code) ?? { region: x.region, names: [] };
        m.names.push(this.name(ind));
        missing.set(x.region.code, m);
      }
    for (const m of missing.values()) data.push(this.w('next-data-missing', { region: m.region.name, indicators: this.join(m.names), year: r.year }));
    const noBaseline = this.noBaseline();
    if (noBaseline.length) data.push(this.w('next-data-baseline', { indicators: this.join(noBaseline.map((i) => this.name(i))), year: r.baselineYear }));
    const q = this.quality();
    if (q.errors + q.warnings > 0) data.push(this.w('next-data-quality', q));
    if (data.length) out.push(paragraph(this.w('next-data', { n: ++n, list: data.join(this.lang === 'zh' ? '；' : '; ') })));
    if (n === 0) out.push(paragraph(this.w('next-none')));
    return out;
  }
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
