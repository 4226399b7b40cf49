// The consistency rules of plan/checks.yaml, applied to the values a return gives
// (never to derived ones: a breach is reported at the cell that was typed).
import { diag, placeText, type Diagnostic, type Where } from '../diagnostics.js';
import { above, below, clean } from '../engine/numbers.js';
import { cellKey, type Observation } from '../model/observation.js';
import type { ConsistencyCheck, NumeratorCheck, OrderCheck, RangeCheck, SameDenominatorCheck, SubRegionsCheck } from '../plan/checks.js';
import type { RegionIndex } from '../plan/lookup.js';
import type { Indicator, Plan } from '../plan/model.js';
import { residenceOfSlot, sexOfSlot, SLOTS, type SeriesKey, type SeriesTable } from '../model/cells.js';
import { describeCell, placeOf, unitSuffix, type Describe } from './describe.js';
import { givenOf, type Given } from './given.js';

export function checkConsistency(
  plan: Plan,
  checks: readonly ConsistencyCheck[],
  cells: Given | Iterable<Observation>,
  describe: Describe,
  candidates?: ConsistencyCandidates,
): Diagnostic[] {
  const given = givenOf(cells);
  const out: Diagnostic[] = [];
  // The numerator rule says more than the range rule about the same value: report it alone.
  // Cells are named by key, as a store makes a new object each time a cell is asked for.
  const numeratorFlagged = new Set<string>();
  const scan = candidates ?? new ConsistencyCandidates(plan, checks, given);
  const mayFind: Candidates = (c, id) => scan.has(c, id);
  for (const c of checks) if (c.kind === 'numerator-within-denominator') out.push(...numeratorWithinDenominator(c, given, describe, numeratorFlagged, mayFind));
  for (const c of checks) {
    if (c.kind === 'order') out.push(...order(c, given, describe));
    if (c.kind === 'same-denominator') out.push(...sameDenominator(c, given, describe));
    if (c.kind === 'range') out.push(...range(plan, c, given, describe, numeratorFlagged, mayFind));
  }
  return out;
}

type Candidates = (c: ConsistencyCheck, indicatorId: string) => boolean;

/**
 * For the numerator and range rules, the indicators with a cell that fails the rule's test,
 * found by running the test inline over each indicator's numbers (one pass an indicator for
 * all its rules), without a call per cell: only those ask given.where for their cells.
 * checkQuality hands over each indicator's series as it makes them (scan); any indicator not
 * scanned so far is scanned from the store's numbers when a rule asks about it.
 */
export class ConsistencyCandidates {
  private readonly rules = new Map<string, Array<NumeratorCheck | RangeCheck>>();
  private readonly scanned = new Set<string>();
  private readonly foundFor = new Map<string, Set<NumeratorCheck | RangeCheck>>();

  constructor(
    plan: Plan,
    checks: readonly ConsistencyCheck[],
    private readonly given: Given,
  ) {
    for (const c of checks) {
      if (c.kind !== 'numerator-within-denominator' && c.kind !== 'range') continue;
      for (const id of c.kind === 'range' ? rangeIds(plan, c) : c.indicators) {
        const list = this.rules.get(id);
        if (!list) this.rules.set(id, [c]);
        else if (!list.includes(c)) list.push(c);
      }
    }
  }

  /**
   * Runs the rules naming an indicator over its numbers: those of its series table when the
   * table holds every cell (none skipped), else those the store gives (given.numbers).
   */
  scan(indicatorId: string, table?: SeriesTable): void {
    if (this.scanned.has(indicatorId)) return;
    this.scanned.add(indicatorId);
    const rules = this.rules.get(indicatorId);
    if (!rules) return;
    let hits: Array<NumeratorCheck | RangeCheck>;
    if (table && table.skipped === 0) {
      // Where a table has no cell, its value, numerator and denominator are all NaN: no rule fails there.
      const n = table.value.length;
      hits = rules.filter((c) => (c.kind === 'range' ? rangeFails(c, table.value, 0, 1, n) : numeratorFails(table.numerator, 0, table.denominator, 0, 1, n)));
    } else {
      const { count, numbers } = this.given.numbers(indicatorId);
      hits = rules.filter((c) => (c.kind === 'range' ? rangeFails(c, numbers, 0, 3, count) : numeratorFails(numbers, 1, numbers, 2, 3, count)));
    }
    if (hits.length > 0) this.foundFor.set(indicatorId, new Set(hits));
  }

  /** Whether the rule may find a cell of the indicator. */
  has(c: ConsistencyCheck, indicatorId: string): boolean {
    this.scan(indicatorId);
    return this.foundFor.get(indicatorId)?.has(c as NumeratorCheck | RangeCheck) === true;
  }
}

/** Whether a value at a[start + i × step] (i < count) fails a range rule, as range()'s test says. */
function rangeFails(c: RangeCheck, a: Float64Array, start: number, step: number, count: number): boolean {
  const { min, max } = c;
  const lo = min ?? -Infinity;
  const hi = max ?? Infinity;
  for (let i = 0, at = start; i < count; i++, at += step) {
    const v = a[at]!;
    // below and above are stricter than < and >: a value within [min, max] passes without them.
    if (v >= lo && v <= hi) continue;
    if (!Number.isNaN(v) && ((min !== undefined && below(v, min)) || (max !== undefined && above(v, max)))) return true;
  }
  return false;
}

/** Whether a numerator exceeds its denominator (at num[ns + i × step], den[ds + i × step]), as numeratorWithinDenominator's test says. */
function numeratorFails(num: Float64Array, ns: number, den: Float64Array, ds: number, step: number, count: number): boolean {
  for (let i = 0; i < count; i++) {
    const n = num[ns + i * step]!;
    const d = den[ds + i * step]!;
    // above is stricter than >, and false with NaN.
    if (!(n > d)) continue;
    if (!Number.isNaN(n) && !Number.isNaN(d) && above(n, d)) return true;
  }
  return false;
}

/** The indicators a range rule applies to: those it names, else those of its unit but the exceptions. */
function rangeIds(plan: Plan, c: RangeCheck): Set<string> {
  return new Set(c.indicators ?? plan.indicators.filter((i) => i.unit === c.unit && !(c.except ?? []).includes(i.id)).map((i) => i.id));
}

const numberOf = (o: Observation): number | undefined => (typeof o.value === 'number' && !o.invalid ? o.value : undefined);

/**
 * Each indicator at least the next one, in one region, year and disaggregation. Compared block
 * by block (an indicator's numbers for one year and disaggregation, by region number, NaN where
 * a cell has no usable number) in one array per indicator, made once for the check: only a
 * breach makes its two cells into objects, to cite them.
 */
function order(c: OrderCheck, given: Given, describe: Describe): Diagnostic[] {
  const out: Diagnostic[] = [];
  const store = given.store;
  const ids = c.indicators;
  const buffers: Array<Float64Array | undefined> = ids.map(() => undefined);
  const numbers = (j: number, year: number, s: number): Float64Array | undefined => {
    const got = store.blockValues(ids[j]!, year, s, buffers[j]);
    if (got) buffers[j] = got;
    return got;
  };
  const regions = store.regionCount;
  for (let i = 0; i + 1 < ids.length; i++) {
    for (const year of [...store.indicatorYears(ids[i]!)].sort((a, b) => a - b)) {
      for (let s = 0; s < SLOTS; s++) {
        const larger = numbers(i, year, s);
        if (!larger) continue;
        const smaller = ids.map((_, j) => (j > i ? numbers(j, year, s) : undefined));
        for (let r = 0; r < regions; r++) {
          const a = larger[r]!;
          if (Number.isNaN(a)) continue;
          // Compare with the next indicator that has a number for that cell (a chain a ≥ b ≥ c skips a missing b).
          for (let j = i + 1; j < ids.length; j++) {
            const b = smaller[j]?.[r] ?? NaN;
            if (Number.isNaN(b)) continue;
            if (below(a, b)) out.push(orderFinding(c, given, describe, ids[i]!, { regionCode: store.regionCodeOf(r), sex: sexOfSlot(s), residence: residenceOfSlot(s) }, ids[j]!, year));
            break;
          }
        }
      }
    }
  }
  return out;
}

function orderFinding(c: OrderCheck, given: Given, describe: Describe, largerId: string, k: SeriesKey, smallerId: string, year: number): Diagnostic {
  const big = given.store.get(largerId, k.regionCode, year, k.sex, k.residence)!;
  const small = given.store.get(smallerId, k.regionCode, year, k.sex, k.residence)!;
  return diag(c.severity, 'quality/order', {
    check: c.id,
    larger: describe.indicator(big.indicatorId),
    largerValue: describe.value(big),
    smaller: describe.indicator(small.indicatorId),
    smallerValue: describe.value(small),
    cell: describeCell(describe, big),
    other: placeOf(small),
  }, whereOf(big, 'value'));
}

function numeratorWithinDenominator(c: NumeratorCheck, given: Given, describe: Describe, flagged: Set<string>, mayFind: Candidates): Diagnostic[] {
  const out: Diagnostic[] = [];
  // The test candidates() ran already, inline: the cells of the indicators it found are asked for.
  const exceeds = (_: number, n: number, d: number) => !Number.isNaN(n) && !Number.isNaN(d) && above(n, d);
  for (const id of new Set(c.indicators)) for (const o of mayFind(c, id) ? given.where(id, exceeds) : []) {
    if (o.numerator === undefined || o.denominator === undefined) continue;
    if (!above(o.numerator, o.denominator)) continue;
    flagged.add(cellKey(o));
    out.push(
      diag(c.severity, 'quality/numerator-exceeds-denominator', {
        check: c.id,
        indicator: describe.indicator(o.indicatorId),
        numerator: o.numerator,
        denominator: o.denominator,
        cell: describeCell(describe, o),
      }, whereOf(o, 'numerator')),
    );
  }
  return out;
}

function range(plan: Plan, c: RangeCheck, given: Given, describe: Describe, flagged: Set<string>, mayFind: Candidates): Diagnostic[] {
  const ids = rangeIds(plan, c);
  const out: Diagnostic[] = [];
  // The test candidates() ran already, inline: the cells of the indicators it found are asked for.
  const outside = (v: number) => !Number.isNaN(v) && ((c.min !== undefined && below(v, c.min)) || (c.max !== undefined && above(v, c.max)));
  for (const id of ids) for (const o of mayFind(c, id) ? given.where(id, outside) : []) {
    if (flagged.has(cellKey(o))) continue;
    const v = numberOf(o);
    if (v === undefined) continue;
    const low = c.min !== undefined && below(v, c.min);
    const high = c.max !== undefined && above(v, c.max);
    if (!low && !high) continue;
    out.push(
      diag(c.severity, 'quality/out-of-range', {
        check: c.id,
        indicator: describe.indicator(o.indicatorId),
        value: describe.value(o),
        min: c.min !== undefined ? clean(c.min) : '−∞',
        max: c.max !== undefined ? clean(c.max) : '∞',
        unit: describe.unit(o.indicatorId),
        cell: describeCell(describe, o),
      }, whereOf(o, 'value')),
    );
  }
  return out;
}

/** The cell a finding points at: the one named, else the value's, else the row. */
export function whereOf(o: Observation, cell: 'value' | 'numerator' | 'denominator'): Where {
  const at = o.at?.[cell] ?? o.at?.value ?? o.at?.numerator;
  if (at) return at;
  const row = o.rows[0];
  if (!row) return {};
  return row.sheet !== undefined && row.cell !== undefined
    ? { file: row.file, line: row.line, sheet: row.sheet, cell: row.cell }
    : { file: row.file, line: row.line, ...(row.column !== undefined ? { column: row.column } : {}) };
}

/** How many rows a finding about a region and its sub-regions cites, before it counts the rest. */
const ROWS_CITED = 6;

/**
 * Rates that share a denominator (the three mortality rates: the live births of the period)
 * given with different ones for one region, year and disaggregation: one finding for the cell,
 * at the first denominator that differs, listing each rate's denominator and its place.
 */
function sameDenominator(c: SameDenominatorCheck, given: Given, describe: Describe): Diagnostic[] {
  // The first denominator of each region, disaggregation and year, from the indicators' series
  // (numbers, not objects: the reference return has millions of such cells); only a cell whose
  // denominators differ is made into objects, to cite them.
  const store = given.store;
  const first = new Map<number, number>();
  const differ = new Map<number, SeriesKey & { year: number }>();
  let table: SeriesTable | undefined;
  for (const id of new Set(c.indicators)) {
    table = store.seriesOf(id, table);
    const { years, count, denominator } = table;
    for (let s = 0; s < count; s++) {
      const position = table.position(s);
      for (let y = 0; y < years.length; y++) {
        const d = denominator[s * years.length + y]!;
        if (Number.isNaN(d)) continue;
        const key = position * 100_000 + years[y]!;
        const seen = first.get(key);
        if (seen === undefined) first.set(key, d);
        else if (seen !== d && !differ.has(key)) differ.set(key, { ...table.key(s), year: years[y]! });
      }
    }
  }
  const out: Diagnostic[] = [];
  for (const k of differ.values()) {
    const list = c.indicators
      .map((id) => store.get(id, k.regionCode, k.year, k.sex, k.residence))
      .filter((o): o is Observation => o !== undefined && o.denominator !== undefined && !o.invalid);
    const head = list[0];
    const other = head && list.find((o) => o.denominator !== head.denominator);
    if (!head || !other) continue;
    const place = (o: Observation) => shortPlace(placeText(whereOf(o, 'denominator')), whereOf(other, 'denominator').file);
    const each = list.map((o) => `${describe.indicator(o.indicatorId)} ${o.denominator}${describe.lang === 'en' ? ` (${place(o)})` : `（${place(o)}）`}`);
    out.push(diag(c.severity, 'quality/denominators-differ', {
      check: c.id,
      cell: describeCell(describe, head),
      denominators: describe.list(each),
      description: c.description ?? '',
    }, whereOf(other, 'denominator')));
  }
  return out;
}

/** Decimals a number is written with (1.9 → 1, 2 → 0), at most 12. */
function decimalsOf(v: number): number {
  const m = /\.(\d+)$/u.exec(String(v));
  return m ? Math.min(m[1]!.length, 12) : 0;
}

/**
 * A region's rate against its sub-regions', for the indicators of a sum-of-sub-regions rule:
 * when every sub-region gives its numerator and denominator, the region's rate is Σ numerator /
 * Σ denominator, and a value given for the region must be that, rounded as written (a city of
 * 0.9‰ over six 市(区) that pool to 1.91‰: one of them is wrong). At the region's value, with
 * both figures and the rows behind the sum. Not for a rate that does not add up (空气质量优良
 * 天数比率: the city's days are not the sum of its districts'), which no rule lists.
 */
export function levelMismatches(
  c: SubRegionsCheck,
  indicator: Indicator,
  table: SeriesTable,
  cellAt: (k: SeriesKey, year: number) => Observation,
  regions: RegionIndex,
  describe: Describe,
): Diagnostic[] {
  if (indicator.measure !== 'rate' || indicator.scale === undefined) return [];
  const scale = indicator.scale;
  const width = table.years.length;
  const series = new Map<string, number>();
  const keys: SeriesKey[] = [];
  for (let s = 0; s < table.count; s++) {
    const k = table.key(s);
    keys.push(k);
    series.set(`${k.regionCode}\u0000${k.sex}\u0000${k.residence}`, s);
  }
  const out: Diagnostic[] = [];
  for (let s = 0; s < table.count; s++) {
    const k = keys[s]!;
    const children = regions.children(k.regionCode);
    if (children.length === 0) continue;
    const subs = children.map((r) => series.get(`${r.code}\u0000${k.sex}\u0000${k.residence}`));
    if (subs.some((b) => b === undefined)) continue;
    for (let y = 0; y < width; y++) {
      const v = table.value[s * width + y]!;
      if (Number.isNaN(v)) continue;
      let numerator = 0;
      let denominator = 0;
      for (const b of subs) {
        const n = table.numerator[b! * width + y]!;
        const d = table.denominator[b! * width + y]!;
        numerator += n;
        denominator += d;
      }
      // NaN when a sub-region gives no numerator and denominator: nothing to pool.
      if (!(denominator > 0)) continue;
      const pooled = (numerator / denominator) * scale;
      if (Math.abs(v - pooled) <= 0.5 * 10 ** -decimalsOf(v) + 1e-9) continue;
      const year = table.years[y]!;
      const o = cellAt(k, year);
      if (o.indicatorId !== indicator.id || typeof o.value !== 'number' || o.invalid) continue;
      const rows = subs.map((b) => shortPlace(placeOf(cellAt(keys[b!]!, year)), whereOf(o, 'value').file));
      const cited = rows.length > ROWS_CITED ? [...rows.slice(0, ROWS_CITED), '…'] : rows;
      out.push(diag(c.severity, 'quality/level-mismatch', {
        check: c.id,
        indicator: describe.indicator(indicator.id),
        cell: describeCell(describe, o),
        region: describe.region(k.regionCode),
        value: describe.value(o),
        pooled: `${clean(pooled)}${unitSuffix(describe.unit(indicator.id), describe.lang)}`,
        numerator: clean(numerator),
        denominator: clean(denominator),
        count: children.length,
        rows: describe.list(cited),
      }, whereOf(o, 'value')));
    }
  }
  return out;
}

/** A place in the file a finding is already located in, without the file's name: `3:5`, `Sheet1!D7`. */
function shortPlace(place: string, file: string | undefined): string {
  return file !== undefined && place.startsWith(`${file}:`) ? place.slice(file.length + 1) : place;
}
