// Completeness against the plan, as DHIS2's data-quality app reports it: for every
// year the return covers, every indicator with a target and every unit the target
// needs, is the cell there?
//
// Expected cells:
// - years: each year the returns give any value for (a 2025 return is not incomplete for lacking
//   2021);
// - regions: the regions of the plan itself (市 and 市(区)) that the return covers — a 市(区) when
//   the return gives anything for it or a unit below it, a region above when the return gives
//   anything for it or covers all of its 市(区) (a 区's own return is not incomplete for lacking
//   the other 区); for a target set for every unit of a level (以乡(镇)为单位 …, 每个市(区)) or for
//   the units meeting a condition, every unit at that level below the regions covered, from the
//   plan or the --regions file;
// - parts: the 城市/农村 or 男/女 parts a split target judges, instead of the total;
// - a return covering no year or no region (empty, header only, every value blank): the
//   plan's cells for one year, all missing — never 100 % complete.
// A cell is present when the return gives it or it can be derived (a city from all of its
// 市(区), a total from its parts), reported missing when the return says so (— or empty with
// a 备注), invalid when its rows conflict, and missing otherwise.
import { diag, type Diagnostic, type Where } from '../diagnostics.js';
import type { Observation } from '../model/observation.js';
import type { RegionIndex } from '../plan/lookup.js';
import type { Indicator, Part, Plan, Region, Residence, Sex, Target } from '../plan/model.js';
import { partText, type Describe } from './describe.js';
import { givenOf, type Given } from './given.js';
import { CellStore, SLOTS } from '../model/cells.js';

export type CellState = 'given' | 'derived' | 'reported-missing' | 'invalid' | 'missing';
export const CELL_STATES: readonly CellState[] = ['given', 'derived', 'reported-missing', 'invalid', 'missing'];

export interface ExpectedCell {
  indicator: string;
  region: string;
  year: number;
  /** The part of a split target (城市/农村, 男/女); absent for the total. */
  part?: Part;
  state: CellState;
  /** The region of the plan whose column of the grid shows this cell (a township's 市(区)). */
  column: string;
}

export interface Completeness {
  years: number[];
  /** Columns of the grid: the plan's own regions. */
  regions: Array<{ code: string; name: string }>;
  /** Rows of the grid: the indicators with a target. */
  indicators: Array<{ id: string; name: string; nameEn?: string }>;
  /** Indicators the returns give nothing for (no value, derived or reported missing). */
  absent: string[];
  counts: Record<CellState, number> & { expected: number };
  /** Present (given or derived) out of expected, 0–1; 1 only when the plan expects nothing. */
  rate: number;
  /** Every expected cell, as an object: made when first asked for. */
  cells: ExpectedCell[];
  /** The same cells one at a time, none kept: the JSON and the grid of a return of 74,000 乡镇 go through 444,000 of them. */
  eachCell(): Iterable<ExpectedCell>;
}

export { presence };

export function checkCompleteness(
  plan: Plan,
  regions: RegionIndex,
  observations: Given,
  describe: Describe,
  where: Where,
  onlyYears?: readonly number[],
): { completeness: Completeness; findings: Diagnostic[] } {
  const states = new Presence(observations, plan.indicators, regions);
  const inData = observations.years();
  const years = [...inData].filter((y) => !onlyYears || onlyYears.includes(y)).sort((a, b) => a - b);
  const planCodes = new Set(plan.regions.map((r) => r.code));
  const covered = coverage(plan, regions, observations);
  const columns = plan.regions.filter((r) => regions.get(r.code) && covered.has(r.code)).map((r) => ({ code: r.code, name: r.name }));
  /** The plan's region a unit is shown under: itself or the nearest above it that is the plan's, else the top. */
  const columnOf = (code: string): string => {
    for (let r = regions.get(code); r; r = r.parent !== undefined ? regions.get(r.parent) : undefined) if (planCodes.has(r.code)) return r.code;
    return regions.top.code;
  };
  const indicators = plan.indicators.filter((i) => i.target);
  const cells = new ExpectedCells();
  const findings: Diagnostic[] = [];
  const unknownUnits: string[] = [];

  for (const indicator of indicators) {
    const all = unitsFor(indicator.target!, plan, regions, planCodes, columnOf);
    // The units under the regions the returns cover, by their place in `all`.
    const shown: number[] = [];
    for (let u = 0; u < all.units.length; u++) if (covered.has(all.columns[u]!)) shown.push(u);
    if (shown.length === 0) {
      unknownUnits.push(indicator.id);
      continue;
    }
    const parts = partsFor(indicator.target!);
    const partSlots = parts.map((part) => {
      const [sex, residence] = disaggregation(part);
      return SEX_INDEX[sex] * 3 + RESIDENCE_INDEX[residence];
    });
    const ids = new Int32Array(shown.length);
    for (let i = 0; i < shown.length; i++) ids[i] = states.id(all.units[shown[i]!]!.code);
    for (const year of years) {
      for (let i = 0; i < shown.length; i++) {
        const u = shown[i]!;
        for (let p = 0; p < parts.length; p++) {
          cells.add(indicator.id, all.units[u]!.code, year, parts[p], states.state(indicator.id, ids[i]!, year, partSlots[p]!), all.columns[u]!);
        }
      }
    }
  }
  const n = cells.length;

  // A region missing only because a unit below it is missing or reported missing cannot be
  // derived: the gap is the unit's, reported there (or explained by its 备注), not again here.
  // The cells' states by indicator, year and part, then region: made only when a gap is found.
  let stateOf: Map<string, Map<string, CellState>> | undefined;
  const groupKey = (indicator: string, year: number, part: Part | undefined) => `${indicator}\u0000${year}\u0000${part ?? ''}`;
  const blockedByUnit = (c: number) => {
    if (!stateOf) {
      stateOf = new Map();
      for (let x = 0; x < n; x++) {
        const key = groupKey(cells.indicatorOf(x), cells.yearOf(x), cells.partOf(x));
        let group = stateOf.get(key);
        if (!group) stateOf.set(key, (group = new Map()));
        group.set(cells.regionOf(x), cells.stateOf(x));
      }
    }
    const group = stateOf.get(groupKey(cells.indicatorOf(c), cells.yearOf(c), cells.partOf(c)));
    return regions.children(cells.regionOf(c)).some((child) => {
      const s = group?.get(child.code);
      return s === 'missing' || s === 'reported-missing' || s === 'invalid';
    });
  };

  // An indicator the return says nothing about is one note (a return may cover one
  // department's indicators); gaps in the indicators it does give are warnings.
  const reported = new Set<string>();
  for (let c = 0; c < n; c++) if (!cells.missing(c)) reported.add(cells.indicatorOf(c));
  const absent = indicators.filter((i) => !reported.has(i.id) && !unknownUnits.includes(i.id));
  if (absent.length > 0 && years.length > 0) {
    findings.push(diag('info', 'quality/indicators-absent', { count: absent.length, indicators: describe.list(absent.map((i) => describe.indicator(i.id))) }, where));
  }

  // One finding per indicator, region and part, naming the years missing.
  const missing = new Map<string, number[]>();
  for (let c = 0; c < n; c++) {
    if (!cells.missing(c) || !reported.has(cells.indicatorOf(c)) || blockedByUnit(c)) continue;
    const key = `${cells.indicatorOf(c)}\u0000${cells.regionOf(c)}\u0000${cells.partOf(c) ?? ''}`;
    if (!missing.has(key)) missing.set(key, []);
    missing.get(key)!.push(c);
  }
  for (const list of missing.values()) {
    const c = list[0]!;
    const [sex, residence] = disaggregation(cells.partOf(c));
    findings.push(
      diag('warning', 'quality/missing-cells', {
        indicator: describe.indicator(cells.indicatorOf(c)),
        region: `${describe.region(cells.regionOf(c))}${partText(sex, residence, describe.lang)}`,
        years: describe.list(list.map((x) => cells.yearOf(x))),
        count: list.length,
      }, where),
    );
  }
  if (unknownUnits.length > 0 && years.length > 0) findings.push(diag('info', 'quality/units-unknown', { indicators: describe.list(unknownUnits.map((id) => describe.indicator(id))) }, where));

  const counts = Object.fromEntries(CELL_STATES.map((s) => [s, 0])) as Record<CellState, number>;
  for (let c = 0; c < n; c++) counts[cells.stateOf(c)]++;
  const present = counts.given + counts.derived;
  // Nothing expected because the returns cover no year or no region (an empty return): the
  // plan's cells for one year are expected, all missing. An empty return is not complete.
  let expected = n;
  if (expected === 0) {
    for (const indicator of indicators) expected += unitsFor(indicator.target!, plan, regions, planCodes, columnOf).units.length * partsFor(indicator.target!).length;
    counts.missing = expected;
  }
  let made: ExpectedCell[] | undefined;
  return {
    completeness: {
      years,
      regions: columns,
      indicators: indicators.map((i) => ({ id: i.id, name: i.name, ...(i.nameEn !== undefined ? { nameEn: i.nameEn } : {}) })),
      absent: absent.map((i) => i.id),
      counts: { ...counts, expected },
      rate: expected === 0 ? 1 : present / expected,
      // An object a cell, made when asked for (check's grid and JSON): evaluate only needs the findings.
      get cells() {
        return (made ??= cells.objects());
      },
      eachCell: () => made ?? cells.each(),
    },
    findings,
  };
}

/**
 * The expected cells, a column each (an object a cell would be some 60 bytes: an every-unit
 * target of 74,000 乡镇 expects 74,000 cells a year), in the order they are expected. The
 * indicators and the columns of the grid, a few, are kept once and numbered.
 */
class ExpectedCells {
  private readonly region: string[] = [];
  private readonly part: Array<Part | undefined> = [];
  private year = new Int32Array(64);
  /** The state's place in CELL_STATES. */
  private state = new Uint8Array(64);
  private indicator = new Uint16Array(64);
  private column = new Uint16Array(64);
  private readonly names: string[] = [];
  private readonly numbers = new Map<string, number>();
  length = 0;

  add(indicator: string, region: string, year: number, part: Part | undefined, state: CellState, column: string): void {
    const i = this.length++;
    if (i === this.year.length) {
      this.year = grownTo(this.year, 2 * i);
      this.state = grownTo(this.state, 2 * i);
      this.indicator = grownTo(this.indicator, 2 * i);
      this.column = grownTo(this.column, 2 * i);
    }
    this.region.push(region);
    this.part.push(part);
    this.year[i] = year;
    this.state[i] = CELL_STATES.indexOf(state);
    this.indicator[i] = this.number(indicator);
    this.column[i] = this.number(column);
  }

  private number(name: string): number {
    let n = this.numbers.get(name);
    if (n === undefined) {
      this.numbers.set(name, (n = this.names.length));
      this.names.push(name);
    }
    return n;
  }

  indicatorOf(i: number): string {
    return this.names[this.indicator[i]!]!;
  }

  regionOf(i: number): string {
    return this.region[i]!;
  }

  yearOf(i: number): number {
    return this.year[i]!;
  }

  partOf(i: number): Part | undefined {
    return this.part[i];
  }

  columnOf(i: number): string {
    return this.names[this.column[i]!]!;
  }

  stateOf(i: number): CellState {
    return CELL_STATES[this.state[i]!]!;
  }

  missing(i: number): boolean {
    return this.state[i] === MISSING_STATE;
  }

  objects(): ExpectedCell[] {
    return [...this.each()];
  }

  /** The cells as objects, one at a time. */
  *each(): Generator<ExpectedCell> {
    for (let i = 0; i < this.length; i++) {
      const part = this.partOf(i);
      const [indicator, region, year, state, column] = [this.indicatorOf(i), this.regionOf(i), this.yearOf(i), this.stateOf(i), this.columnOf(i)];
      yield part ? { indicator, region, year, part, state, column } : { indicator, region, year, state, column };
    }
  }
}

function grownTo<A extends Int32Array | Uint16Array | Uint8Array>(a: A, n: number): A {
  const b = new (a.constructor as new (n: number) => A)(n);
  b.set(a);
  return b;
}

const SEX_INDEX: Record<Sex, number> = { total: 0, male: 1, female: 2 };
const RESIDENCE_INDEX: Record<Residence, number> = { total: 0, urban: 1, rural: 2 };

/**
 * The state of any cell, as the engine would find it (src/engine/derive.ts): given; or
 * derived, for a rate from sub-regions or parts that all give numerator and denominator
 * (Σ/Σ), for a count from sub-regions or parts that all give a value (Σ); invalid when
 * derived from an invalid cell; else missing. Worked out only for the cells asked about,
 * so a check does not derive the whole return a second time.
 */
function presence(source: Given | Iterable<Observation> | CellStore, indicators: readonly Indicator[], regions: RegionIndex) {
  const states = new Presence(source, indicators, regions);
  return (indicatorId: string, regionCode: string, year: number, sex: Sex, residence: Residence): CellState =>
    states.state(indicatorId, states.id(regionCode), year, SEX_INDEX[sex] * 3 + RESIDENCE_INDEX[residence]);
}

// What is known of a cell, in one byte: 0 not worked out yet, else 1 + its state's index in
// CELL_STATES × 2 + 1 when it can be summed into a region above (Σ, or Σ/Σ for a rate).
const known = (state: number, summable: boolean) => 1 + state * 2 + (summable ? 1 : 0);
const stateOfKnown = (k: number) => (k - 1) >> 1;
const summableKnown = (k: number) => ((k - 1) & 1) === 1;
const GIVEN = 0;
const REPORTED_MISSING = 2;
const INVALID_STATE = 3;
const MISSING_STATE = 4;
const MISSING = known(MISSING_STATE, false);
const DERIVED = known(1, true);
const INVALID = known(INVALID_STATE, false);
const { present: PRESENT, null: NULL, ratio: RATIO, number: NUMBER, invalid: INVALID_BIT } = CellStore.STATE;

const NO_KIDS = new Int32Array(0);

/** One year of the indicator looked at: what is known of each region × slot, and the store's blocks as read. */
interface YearMemo {
  known: Uint8Array;
  blocks: Array<Uint8Array | null | undefined>;
}

/**
 * presence() by numbers: a region is numbered after the store's own number for it (id), and
 * what is known of a cell is kept in a byte per region × slot, one indicator at a time (as
 * the checks ask indicator by indicator) and year by year.
 */
class Presence {
  private readonly store: CellStore;
  private readonly measure: Map<string, Indicator['measure']>;
  /** Regions the store has never seen, by code: numbered 1, 3, 5 …, and their codes in that order. */
  private readonly others = new Map<string, number>();
  private readonly otherCodes: string[] = [];
  /** One more than the largest id given. */
  private ids = 0;
  /** The ids of the regions below a region, once asked for: only regions with sub-regions (a few) are kept. */
  private readonly kids = new Map<number, Int32Array>();
  private loaded: string | undefined;
  private loadedMeasure: Indicator['measure'] | undefined;
  private storeYears = new Set<number>();
  private memos = new Map<number, YearMemo>();
  /** Memos of the indicator looked at before, to be cleared and used again rather than allocated anew. */
  private spare: Uint8Array[] = [];

  constructor(
    source: Given | Iterable<Observation> | CellStore,
    indicators: readonly Indicator[],
    private readonly regions: RegionIndex,
  ) {
    this.store = givenOf(source).store;
    this.measure = new Map(indicators.map((i) => [i.id, i.measure] as const));
  }

  /**
   * The number standing for a region: twice the store's own number for it (regionKeyOf), so
   * that its cells are found without a second look-up; an odd number for a region the store
   * does not know.
   */
  id(code: string): number {
    const key = this.store.regionKeyOf(code);
    let i: number | undefined = key === undefined ? undefined : 2 * key;
    if (i === undefined) {
      i = this.others.get(code);
      if (i === undefined) {
        this.others.set(code, (i = 2 * this.others.size + 1));
        this.otherCodes.push(code);
      }
    }
    if (i >= this.ids) this.ids = i + 1;
    return i;
  }

  /** The code of a region by its id. */
  private codeOf(id: number): string {
    return id & 1 ? this.otherCodes[id >> 1]! : this.store.regionCodeOf(id >> 1);
  }

  /** The state of a cell: an indicator, a region (by id), a year and a slot (sex × 3 + residence). */
  state(indicatorId: string, region: number, year: number, slot: number): CellState {
    if (this.loaded !== indicatorId) {
      this.loaded = indicatorId;
      this.loadedMeasure = this.measure.get(indicatorId);
      this.storeYears = this.store.indicatorYears(indicatorId);
      for (const m of this.memos.values()) this.spare.push(m.known);
      this.memos = new Map();
    }
    return CELL_STATES[stateOfKnown(this.usable(region, year, slot))]!;
  }

  private memo(year: number): YearMemo | undefined {
    // A year without any cell of the indicator derives nothing: not searched.
    if (!this.storeYears.has(year)) return undefined;
    let m = this.memos.get(year);
    if (!m) {
      const size = Math.max(this.ids, 2 * this.regions.all.length + 2) * SLOTS;
      let known = this.spare.pop();
      if (known && known.length >= size) known.fill(0);
      else known = new Uint8Array(size);
      this.memos.set(year, (m = { known, blocks: new Array<Uint8Array | null | undefined>(SLOTS).fill(null) }));
    }
    return m;
  }

  /** The store's states of one block of the year (cellStates), asked for once. */
  private block(m: YearMemo, year: number, slot: number): Uint8Array | undefined {
    let block = m.blocks[slot];
    if (block === null) block = m.blocks[slot] = this.store.cellStates(this.loaded!, year, slot);
    return block;
  }

  /** What the store holds for a region in a block: CellStore.STATE bits, 0 for nothing. */
  private static bitsOf(block: Uint8Array | undefined, region: number): number {
    if (!block || region & 1) return 0;
    const key = region >> 1;
    return key < block.length ? block[key]! : 0;
  }

  /** What is known of a cell the store holds, from its bits. */
  private givenKnown(bits: number): number {
    const measure = this.loadedMeasure;
    const invalid = (bits & INVALID_BIT) !== 0;
    const state = invalid ? INVALID_STATE : bits & NULL ? REPORTED_MISSING : GIVEN;
    return known(state, !invalid && (measure === 'rate' ? (bits & RATIO) !== 0 : measure === 'count' && (bits & NUMBER) !== 0));
  }

  /** Room in the memo for entry `at`. */
  private static room(m: YearMemo, at: number): void {
    if (at < m.known.length) return;
    const grown = new Uint8Array(Math.max(at + SLOTS, m.known.length * 2));
    grown.set(m.known);
    m.known = grown;
  }

  private children(region: number): Int32Array {
    let kids = this.kids.get(region);
    if (!kids) {
      // Most regions asked about are 乡镇 without sub-regions (each asked once a year): not kept.
      const children = this.regions.children(this.codeOf(region));
      if (children.length === 0) return NO_KIDS;
      kids = new Int32Array(children.length);
      for (let i = 0; i < children.length; i++) kids[i] = this.id(children[i]!.code);
      this.kids.set(region, kids);
    }
    return kids;
  }

  private usable(region: number, year: number, slot: number): number {
    const m = this.memo(year);
    if (!m) return MISSING;
    const at = region * SLOTS + slot;
    Presence.room(m, at);
    const k = m.known[at]!;
    if (k) return k;
    m.known[at] = MISSING; // a cycle cannot derive anything
    const measure = this.loadedMeasure;
    const bits = Presence.bitsOf(this.block(m, year, slot), region);
    let result = MISSING;
    if (bits & PRESENT) {
      result = this.givenKnown(bits);
    } else if (measure === 'rate' || measure === 'count') {
      const sex = Math.floor(slot / 3);
      const residence = slot % 3;
      result =
        this.fromChildren(region, year, slot) ||
        (residence === 0 ? this.fromParts(region, year, sex * 3 + 1, sex * 3 + 2) : 0) ||
        (sex === 0 ? this.fromParts(region, year, 3 + residence, 6 + residence) : 0) ||
        MISSING;
    }
    // The memo may have grown meanwhile: write to the current one.
    m.known[at] = result;
    return result;
  }

  /** Derived from every sub-region, in the engine's order: all there, then any invalid, then all summable; 0 for none. */
  private fromChildren(region: number, year: number, slot: number): number {
    const kids = this.children(region);
    if (kids.length === 0) return 0;
    // The memo is there: usable() is asking for this region in this year.
    const m = this.memo(year)!;
    const block = this.block(m, year, slot);
    let invalid = false;
    let summable = true;
    for (let i = 0; i < kids.length; i++) {
      const kid = kids[i]!;
      const at = kid * SLOTS + slot;
      let k = at < m.known.length ? m.known[at]! : 0;
      if (k === 0) {
        // What usable() would do, without a call for the common case: a unit the store holds.
        const bits = Presence.bitsOf(block, kid);
        if (bits & PRESENT) {
          k = this.givenKnown(bits);
          Presence.room(m, at);
          m.known[at] = k;
        } else k = this.usable(kid, year, slot);
      }
      const state = stateOfKnown(k);
      if (state === MISSING_STATE) return 0;
      if (state === INVALID_STATE) invalid = true;
      if (!summableKnown(k)) summable = false;
    }
    return invalid ? INVALID : summable ? DERIVED : 0;
  }

  /** Derived from two parts of the same region (城市 and 农村, or 男 and 女), as fromChildren. */
  private fromParts(region: number, year: number, a: number, b: number): number {
    const ka = this.usable(region, year, a);
    if (stateOfKnown(ka) === MISSING_STATE) return 0;
    const kb = this.usable(region, year, b);
    if (stateOfKnown(kb) === MISSING_STATE) return 0;
    if (stateOfKnown(ka) === INVALID_STATE || stateOfKnown(kb) === INVALID_STATE) return INVALID;
    return summableKnown(ka) && summableKnown(kb) ? DERIVED : 0;
  }
}

/** The plan's own regions the returns cover (see the header of this file). */
function coverage(plan: Plan, regions: RegionIndex, observations: Given): Set<string> {
  const { store } = observations;
  const own = { has: (code: string) => store.regionHasCells(code) };
  // Whether the returns give anything for a region or a unit below it: searched downwards,
  // stopping at the first unit found (the first 乡镇 of a 市(区), as a rule).
  const below = {
    has(code: string): boolean {
      if (!regions.get(code)) return false;
      const seen = new Set<string>();
      const stack = [code];
      while (stack.length > 0) {
        const c = stack.pop()!;
        if (seen.has(c)) continue;
        seen.add(c);
        if (store.regionHasCells(c)) return true;
        const children = regions.children(c);
        for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!.code);
      }
      return false;
    },
  };
  const covered = new Set<string>();
  const memo = new Map<string, boolean>();
  const covers = (code: string): boolean => {
    const known = memo.get(code);
    if (known !== undefined) return known;
    const children = plan.regions.filter((r) => r.parent === code);
    const result = children.length === 0 ? below.has(code) : own.has(code) || children.every((c) => covers(c.code));
    memo.set(code, result);
    if (result) covered.add(code);
    return result;
  };
  for (const r of plan.regions) covers(r.code);
  return covered;
}

/**
 * The units a target is judged on — every unit of its level (as regions.unitsAt lists them), or
 * the plan's own regions — each with the plan's region it is shown under (columnOf).
 */
function unitsFor(target: Target, plan: Plan, regions: RegionIndex, planCodes: ReadonlySet<string>, columnOf: (code: string) => string): { units: Region[]; columns: string[] } {
  const units: Region[] = [];
  const columns: string[] = [];
  if (target.kind === 'every-unit' || target.kind === 'conditional') {
    // Down from the top, carrying the nearest of the plan's regions: no walk up per unit.
    const level = target.level;
    const visit = (code: string, column: string): void => {
      const r = regions.get(code);
      if (!r) return;
      const here = planCodes.has(r.code) ? r.code : column;
      if (r.level === level) {
        units.push(r);
        columns.push(here);
        return;
      }
      for (const c of regions.children(code)) visit(c.code, here);
    };
    visit(regions.top.code, regions.top.code);
  } else {
    for (const p of plan.regions) {
      const r = regions.get(p.code);
      if (!r) continue;
      units.push(r);
      columns.push(columnOf(r.code));
    }
  }
  return { units, columns };
}

/** The parts a split target judges; the total otherwise. */
function partsFor(target: Target): Array<Part | undefined> {
  if (target.kind === 'split') return target.parts.map((p) => p.part);
  if (target.kind === 'every-unit' || target.kind === 'conditional') return partsFor(target.target);
  return [undefined];
}

function disaggregation(part: Part | undefined): [Sex, Residence] {
  if (part === 'male' || part === 'female') return [part, 'total'];
  if (part === 'urban' || part === 'rural') return ['total', part];
  return ['total', 'total'];
}
