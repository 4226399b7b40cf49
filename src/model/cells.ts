// The cells of the returns, read and derived, indexed indicator → year × disaggregation
// (a block) → region. A block keeps its cells in one of two forms behind one interface:
//
// - columns: the cells read from ordinary rows of a long return (a number, perhaps a
//   numerator and denominator, nothing else to say) sit in typed arrays by region
//   (src/model/columns.ts): about 14 bytes a cell of a rate, so that a national return
//   of millions of rows needs memory that grows with its cells, not with row objects;
// - objects: any other cell (derived, with a 备注, a repeated row, invalid, yes/no,
//   converted from another unit …) is an Observation object.
//
// An object takes precedence over a column entry for the same cell; column entries are
// only ever added, so a store and its clones can share them.
import type { Residence, Sex } from './disaggregation.js';
import type { Observation, RowRef } from './observation.js';

const SEX_INDEX: Record<Sex, number> = { total: 0, male: 1, female: 2 };
const RESIDENCE_INDEX: Record<Residence, number> = { total: 0, urban: 1, rural: 2 };
const SEXES: readonly Sex[] = ['total', 'male', 'female'];
const RESIDENCES: readonly Residence[] = ['total', 'urban', 'rural'];

/** Position of a disaggregation in a cell's slot array. */
export const slot = (sex: Sex, residence: Residence): number => SEX_INDEX[sex] * 3 + RESIDENCE_INDEX[residence];
export const SLOTS = 9;
export const sexOfSlot = (i: number): Sex => SEXES[Math.floor(i / 3)]!;
export const residenceOfSlot = (i: number): Residence => RESIDENCES[i % 3]!;

export type Slots = Array<Observation | undefined>;

// Column entries and what they say besides their numbers: src/model/columns.ts.
import { CELL_NULL, CELL_PRESENT, CELL_RATIO, CELL_VALUE_GIVEN, Columns } from './columns.js';
export { CELL_NULL, CELL_PRESENT, CELL_RATIO, CELL_VALUE_GIVEN };

/** A return a column entry was read from, and where its value, numerator and denominator columns are (1-based). */
export interface CellSource {
  file: string;
  value?: number;
  numerator?: number;
  denominator?: number;
}

class Block {
  objects: Map<number, Observation> | undefined;
  columns: Columns | undefined;
  /** Column entries, objects not counted. */
  entries = 0;
  constructor(
    readonly indicatorId: string,
    readonly year: number,
    readonly slot: number,
  ) {}

  has(r: number): boolean {
    return this.objects?.has(r) === true || (this.columns !== undefined && r < this.columns.capacity && this.columns.flags[r] !== 0);
  }
}

/** The regions with data in a store, by code (CellStore.regionsWithData). */
export interface RegionsWithData extends Iterable<string> {
  has(code: string): boolean;
  readonly size: number;
}

/** A region and disaggregation: one series of an indicator's values. */
export interface SeriesKey {
  regionCode: string;
  sex: Sex;
  residence: Residence;
}

/** Series by year: entry [series × years.length + year index]; NaN where there is no usable number. */
export interface SeriesTable {
  years: number[];
  /** How many series. */
  count: number;
  /** A series' region and disaggregation, as an object made when asked for (for a finding). */
  key(series: number): SeriesKey;
  /** A series' region number × SLOTS + slot: the same cell of another indicator's table has the same. */
  position(series: number): number;
  value: Float64Array;
  numerator: Float64Array;
  denominator: Float64Array;
  /** Cells of the indicator not in the table: reported missing, invalid, or not a number. */
  skipped: number;
}

/** The typed arrays a SeriesTable is made in, which the next one may be made in again (seriesOf's `reuse`). */
interface SeriesBuffers {
  /** Series number + 1 by region × (slots used) + the slot's place among them, 0 for none. */
  index: Int32Array;
  /** Each series' region × SLOTS + slot. */
  series: Int32Array;
  /** value, numerator and denominator, a third each. */
  numbers: Float64Array;
}

/** The sum of some cells of one block, for deriving a region from its sub-regions. */
export interface Sum {
  /** Every cell asked for is there. */
  complete: boolean;
  invalid: boolean;
  /** Every cell has a numeric value / a numerator and denominator. */
  allNumbers: boolean;
  allRatios: boolean;
  value: number;
  numerator: number;
  denominator: number;
  notes: string[];
  /** The first cell's first row, to cite. */
  row: RowRef | undefined;
}

/**
 * A cell kept in columns, as an Observation: where it was read (rows, at) and its
 * notes are made only when asked for, as most cells are checked and never cited.
 */
class ColumnCell implements Observation {
  readonly derived = false;
  invalid?: string;
  private cachedRows: RowRef[] | undefined;
  private cachedNotes: string[] | undefined;
  private cachedAt: Observation['at'];

  constructor(
    readonly indicatorId: string,
    readonly regionCode: string,
    readonly year: number,
    readonly sex: Sex,
    readonly residence: Residence,
    readonly value: number | null,
    readonly numerator: number | undefined,
    readonly denominator: number | undefined,
    private readonly flags: number,
    private readonly source: CellSource,
    private readonly line: number,
  ) {}

  get rows(): RowRef[] {
    return (this.cachedRows ??= [{ file: this.source.file, line: this.line }]);
  }

  set rows(rows: RowRef[]) {
    this.cachedRows = rows;
  }

  get notes(): string[] {
    return (this.cachedNotes ??= []);
  }

  set notes(notes: string[]) {
    this.cachedNotes = notes;
  }

  get at(): NonNullable<Observation['at']> {
    if (!this.cachedAt) {
      const { file, value, numerator, denominator } = this.source;
      const line = this.line;
      const at: NonNullable<Observation['at']> = {};
      const ratio = (this.flags & CELL_RATIO) !== 0;
      if (this.flags & CELL_VALUE_GIVEN && value !== undefined) at.value = { file, line, column: value };
      if (ratio && numerator !== undefined) at.numerator = { file, line, column: numerator };
      if (ratio && denominator !== undefined) at.denominator = { file, line, column: denominator };
      this.cachedAt = at;
    }
    return this.cachedAt;
  }

  /** Its fields as a plain object, as the other cells are. */
  toJSON(): Observation {
    const { indicatorId, regionCode, year, sex, residence, value, numerator, denominator, notes, derived, rows, at, invalid } = this;
    return {
      indicatorId, regionCode, year, sex, residence, value,
      ...(numerator !== undefined ? { numerator, denominator: denominator! } : {}),
      notes, derived, rows, ...(invalid ? { invalid } : {}), at,
    };
  }
}

/** Numbers for regions a store may start from: a region index's, its regions in order (RegionIndex). */
export interface RegionNumbering {
  readonly size: number;
  numberOf(code: string): number | undefined;
  codeOf(n: number): string;
}

/**
 * The numbers standing for regions in a store (regionKey): those of the region index it was
 * made with, if any, then one for each other region as it comes. A national return's 74,000
 * 乡镇 are thus numbered once, in the index, not again in a map of the store's.
 */
class RegionNumbers {
  private readonly others = new Map<string, number>();
  private readonly otherCodes: string[] = [];
  private readonly first: number;

  constructor(private readonly base?: RegionNumbering) {
    this.first = base?.size ?? 0;
  }

  get(code: string): number | undefined {
    return this.base?.numberOf(code) ?? this.others.get(code);
  }

  add(code: string): number {
    let i = this.get(code);
    if (i === undefined) {
      i = this.first + this.otherCodes.length;
      this.others.set(code, i);
      this.otherCodes.push(code);
    }
    return i;
  }

  codeOf(n: number): string {
    return n < this.first ? this.base!.codeOf(n) : this.otherCodes[n - this.first]!;
  }

  get size(): number {
    return this.first + this.otherCodes.length;
  }
}

export class CellStore {
  private readonly indicators = new Map<string, Map<number, Block>>();
  // Shared with the store's clones: a number names a region in all of them, whichever added
  // it (a number with no cell is no cell).
  private regionNumbers: RegionNumbers;
  private readonly sources: CellSource[] = [];
  /**
   * By region number, the line the region's first row read was on (0: none yet). A column
   * entry keeps its line as the distance from it, which is small where a return gives each
   * 乡镇's rows together (Columns). Shared with the clones, as the columns are.
   */
  private firstLines = { at: new Int32Array(64) };
  /** 1 by region number for a region with a value (or a cell marked invalid), kept as cells arrive. */
  private withData = new Uint8Array(64);
  /** Years with a value (or a cell marked invalid), kept as cells arrive. */
  readonly yearsWithValue = new Set<number>();
  private count = 0;

  /** `regions`: a region index whose numbers the store takes for its regions (the reader's store: every region of the plan and the regions file). */
  constructor(observations: Iterable<Observation> = [], regions?: RegionNumbering) {
    this.regionNumbers = new RegionNumbers(regions);
    for (const o of observations) this.put(o);
  }

  /** A copy whose objects can change without changing this store (column entries are shared, never changed). */
  clone(): CellStore {
    const c = new CellStore();
    c.regionNumbers = this.regionNumbers;
    c.firstLines = this.firstLines;
    c.sources.push(...this.sources);
    for (const [id, blocks] of this.indicators) {
      const copy = new Map<number, Block>();
      for (const [k, b] of blocks) {
        const nb = new Block(b.indicatorId, b.year, b.slot);
        nb.columns = b.columns;
        nb.entries = b.entries;
        if (b.objects) nb.objects = new Map(b.objects);
        copy.set(k, nb);
      }
      c.indicators.set(id, copy);
    }
    c.withData = this.withData.slice();
    for (const y of this.yearsWithValue) c.yearsWithValue.add(y);
    c.count = this.count;
    return c;
  }

  /** Cells held (read and derived). */
  get size(): number {
    return this.count;
  }

  /**
   * The regions with a value (or a cell marked invalid): a view of the store, not a copy (a
   * national return's are 74,000 乡镇), read as it is walked.
   */
  get regionsWithData(): RegionsWithData {
    const flags = this.withData;
    const numbers = this.regionNumbers;
    const n = Math.min(flags.length, numbers.size);
    const keyOf = (code: string) => numbers.get(code);
    return {
      has: (code) => {
        const r = keyOf(code);
        return r !== undefined && r < n && flags[r] === 1;
      },
      get size() {
        let count = 0;
        for (let r = 0; r < n; r++) count += flags[r]!;
        return count;
      },
      *[Symbol.iterator]() {
        for (let r = 0; r < n; r++) if (flags[r]) yield numbers.codeOf(r);
      },
    };
  }

  private hasData(r: number): void {
    if (r >= this.withData.length) {
      const grown = new Uint8Array(Math.max(r + 1, 2 * this.withData.length));
      grown.set(this.withData);
      this.withData = grown;
    }
    this.withData[r] = 1;
  }

  /** A small number standing for a region, for addRead. */
  regionKey(code: string): number {
    return this.regionNumbers.add(code);
  }

  /** Registers a return whose rows addRead will store; returns its number. */
  addSource(source: CellSource): number {
    this.sources.push(source);
    return this.sources.length - 1;
  }

  private block(indicatorId: string, year: number, s: number, create: true): Block;
  private block(indicatorId: string, year: number, s: number, create?: boolean): Block | undefined;
  private block(indicatorId: string, year: number, s: number, create = false): Block | undefined {
    let blocks = this.indicators.get(indicatorId);
    if (!blocks) {
      if (!create) return undefined;
      blocks = new Map();
      this.indicators.set(indicatorId, blocks);
    }
    const key = year * 16 + s;
    let b = blocks.get(key);
    if (!b && create) {
      b = new Block(indicatorId, year, s);
      blocks.set(key, b);
    }
    return b;
  }

  put(o: Observation): void {
    const r = this.regionKey(o.regionCode);
    const b = this.block(o.indicatorId, o.year, slot(o.sex, o.residence), true);
    b.objects ??= new Map();
    if (!b.has(r)) this.count++;
    b.objects.set(r, o);
    if (o.value !== null) this.yearsWithValue.add(o.year);
    if (o.value !== null || o.invalid) this.hasData(r);
  }

  /**
   * Stores a cell read from an ordinary row as column entries: false (and nothing stored)
   * when the store already has the cell, which the caller then handles as a repeated row.
   */
  addRead(
    indicatorId: string,
    region: number,
    year: number,
    s: number,
    /** [value, numerator, denominator]: an array the caller reuses (see Columns.setNumbers); CELL_NULL in flags for a missing value. */
    numbers: Float64Array,
    flags: number,
    decimals: number,
    source: number,
    line: number,
    /** The indicator's unit per whole (100 for %), which gives a value back from its ratio. */
    scale = 1,
  ): boolean {
    const b = this.block(indicatorId, year, s, true);
    if (b.has(region)) return false;
    let c = b.columns;
    // Room for every region known: a block of a large return fills up, and growing it step by step copies it again and again.
    if (!c) c = b.columns = new Columns(Math.max(64, this.regionNumbers.size), scale);
    // Room for every region known so far, as most blocks of a large return fill up.
    if (region >= c.capacity) c.grow(Math.max(region + 1, Math.min(c.capacity * 2, this.regionNumbers.size)));
    c.setNumbers(region, flags, numbers, decimals, source, line - this.firstLine(region, line));
    b.entries++;
    this.count++;
    if (!(flags & CELL_NULL)) {
      this.yearsWithValue.add(year);
      this.hasData(region);
    }
    return true;
  }

  /**
   * Takes out every cell read from `file`, as if it had not been read: for a return refused
   * for a limit after its first rows were stored (a return read in pieces). Its rows and
   * notes stay cited by a cell of an earlier return they repeated (the message about them
   * was given). Column entries change here, so this is for the reader's store, before any
   * clone shares them. Walks the store once, so it costs nothing to a return read through.
   */
  dropFile(file: string): void {
    const sources = new Set<number>();
    this.sources.forEach((s, i) => {
      if (s.file === file) sources.add(i);
    });
    this.count = 0;
    this.withData.fill(0);
    this.yearsWithValue.clear();
    for (const [id, blocks] of this.indicators) {
      for (const [key, b] of blocks) {
        const c = b.columns;
        if (c && sources.size) {
          for (let r = 0; r < c.capacity; r++) {
            if (c.flags[r] !== 0 && sources.has(c.sourceOf(r))) {
              c.flags[r] = 0;
              b.entries--;
            }
          }
        }
        for (const [r, o] of b.objects ?? []) {
          const rows = o.rows;
          if (rows[0]?.file === file) {
            b.objects!.delete(r);
            continue;
          }
          for (let i = rows.length - 1; i > 0; i--) if (rows[i]!.file === file) rows.splice(i, 1);
        }
        if (b.entries === 0 && !b.objects?.size) {
          blocks.delete(key);
          continue;
        }
        this.recount(b);
      }
      if (blocks.size === 0) this.indicators.delete(id);
    }
  }

  /** Counts a block's cells again into count, withData and yearsWithValue (dropFile). */
  private recount(b: Block): void {
    const c = b.columns;
    if (c) {
      for (let r = 0; r < c.capacity; r++) {
        if (c.flags[r] === 0 || b.objects?.has(r)) continue;
        this.count++;
        if (!(c.flags[r]! & CELL_NULL)) {
          this.yearsWithValue.add(b.year);
          this.hasData(r);
        }
      }
    }
    for (const [r, o] of b.objects ?? []) {
      this.count++;
      if (o.value !== null) this.yearsWithValue.add(o.year);
      if (o.value !== null || o.invalid) this.hasData(r);
    }
  }

  /** The first line read of region r, `line` if none was yet. */
  private firstLine(r: number, line: number): number {
    let at = this.firstLines.at;
    if (r >= at.length) {
      const grown = new Int32Array(Math.max(r + 1, 2 * at.length));
      grown.set(at);
      at = this.firstLines.at = grown;
    }
    if (at[r] === 0) at[r] = line;
    return at[r]!;
  }

  /** The line of a column entry's row. */
  private lineOf(c: Columns, r: number): number {
    return this.firstLines.at[r]! + c.lineOf(r);
  }

  private at(b: Block, r: number): Observation | undefined {
    const o = b.objects?.get(r);
    if (o) return o;
    const c = b.columns;
    if (!c || r >= c.capacity || c.flags[r] === 0) return undefined;
    return this.materialize(b, c, r);
  }

  private materialize(b: Block, c: Columns, r: number): Observation {
    const flags = c.flagsOf(r);
    const ratio = (flags & CELL_RATIO) !== 0;
    return new ColumnCell(
      b.indicatorId,
      this.regionNumbers.codeOf(r),
      b.year,
      sexOfSlot(b.slot),
      residenceOfSlot(b.slot),
      flags & CELL_NULL ? null : c.value(r),
      ratio ? c.numerator(r) : undefined,
      ratio ? c.denominator(r) : undefined,
      flags,
      this.sources[c.sourceOf(r)]!,
      this.lineOf(c, r),
    );
  }

  /** The text a column entry's value was written as, for a message about a repeated row. */
  writtenValue(indicatorId: string, regionCode: string, year: number, s: number): string | undefined {
    const b = this.block(indicatorId, year, s);
    const r = this.regionNumbers.get(regionCode);
    const c = b?.columns;
    if (!b || r === undefined || !c || r >= c.capacity || c.flags[r] === 0 || b.objects?.has(r)) return undefined;
    const flags = c.flagsOf(r);
    if (flags & CELL_VALUE_GIVEN) return flags & CELL_NULL ? '' : c.value(r).toFixed(c.decimalsOf(r));
    if (this.sources[c.sourceOf(r)]!.value === undefined && flags & CELL_RATIO) return String(c.numerator(r));
    return String(Number(c.value(r).toPrecision(6)));
  }

  get(indicatorId: string, regionCode: string, year: number, sex: Sex = 'total', residence: Residence = 'total'): Observation | undefined {
    const b = this.block(indicatorId, year, slot(sex, residence));
    const r = this.regionNumbers.get(regionCode);
    return b && r !== undefined ? this.at(b, r) : undefined;
  }

  /** The nine disaggregations of one indicator, region and year; undefined when it has none. */
  slotsFor(indicatorId: string, regionCode: string, year: number): Slots | undefined {
    const blocks = this.indicators.get(indicatorId);
    const r = this.regionNumbers.get(regionCode);
    if (!blocks || r === undefined) return undefined;
    let slots: Slots | undefined;
    for (let i = 0; i < SLOTS; i++) {
      const b = blocks.get(year * 16 + i);
      const o = b ? this.at(b, r) : undefined;
      if (o) (slots ??= new Array<Observation | undefined>(SLOTS).fill(undefined))[i] = o;
    }
    return slots;
  }

  /** Whether any cell of this indicator and year is a part (男/女, 城市/农村). */
  hasParts(indicatorId: string, year: number): boolean {
    const blocks = this.indicators.get(indicatorId);
    if (!blocks) return false;
    for (let i = 1; i < SLOTS; i++) if (blocks.has(year * 16 + i)) return true;
    return false;
  }

  /** Whether the cell is there. */
  has(indicatorId: string, regionCode: string, year: number, s: number): boolean {
    const b = this.block(indicatorId, year, s);
    const r = this.regionNumbers.get(regionCode);
    return b !== undefined && r !== undefined && b.has(r);
  }

  /** Years with a cell for this series, ascending. */
  years(indicatorId: string, regionCode: string, sex: Sex = 'total', residence: Residence = 'total'): number[] {
    const blocks = this.indicators.get(indicatorId);
    const r = this.regionNumbers.get(regionCode);
    if (!blocks || r === undefined) return [];
    const s = slot(sex, residence);
    const years: number[] = [];
    for (const b of blocks.values()) if (b.slot === s && b.has(r)) years.push(b.year);
    return years.sort((a, b) => a - b);
  }

  /** Every year any region has for this indicator. */
  indicatorYears(indicatorId: string): Set<number> {
    const years = new Set<number>();
    for (const b of this.indicators.get(indicatorId)?.values() ?? []) years.add(b.year);
    return years;
  }

  /**
   * The sum of one cell over some regions (a region's sub-regions, by their numbers here,
   * regionKeyOf, -1 for one never seen): values, numerators and denominators added up,
   * without making an object of each cell.
   */
  sum(indicatorId: string, year: number, s: number, regions: Int32Array): Sum {
    const out: Sum = { complete: true, invalid: false, allNumbers: true, allRatios: true, value: 0, numerator: 0, denominator: 0, notes: [], row: undefined };
    const b = this.block(indicatorId, year, s);
    if (!b || regions.length === 0) return { ...out, complete: false };
    const c = b.columns;
    let notes: Set<string> | undefined;
    for (let i = 0; i < regions.length; i++) {
      const key = regions[i]!;
      const r = key < 0 ? undefined : key;
      const o = r === undefined ? undefined : b.objects?.get(r);
      if (o) {
        out.row ??= o.rows[0];
        if (o.invalid) out.invalid = true;
        for (const n of o.notes) (notes ??= new Set()).add(n);
        if (typeof o.value === 'number') out.value += o.value;
        else out.allNumbers = false;
        if (o.numerator !== undefined && o.denominator !== undefined) {
          out.numerator += o.numerator;
          out.denominator += o.denominator;
        } else out.allRatios = false;
        continue;
      }
      if (r === undefined || !c || r >= c.capacity || c.flags[r] === 0) return { ...out, complete: false };
      const flags = c.flagsOf(r);
      out.row ??= { file: this.sources[c.sourceOf(r)]!.file, line: this.lineOf(c, r) };
      if (flags & CELL_NULL) out.allNumbers = false;
      else out.value += c.value(r);
      if (flags & CELL_RATIO) {
        out.numerator += c.numerator(r);
        out.denominator += c.denominator(r);
      } else out.allRatios = false;
    }
    if (notes) out.notes = [...notes];
    return out;
  }

  /**
   * One indicator's cells as series of numbers, for checks over every region: the years
   * it has, and for each series (a region and disaggregation) its value and numerator by
   * year, NaN where there is no usable number (none, reported missing, or invalid).
   * Series are numbered in the order their first cell is met (block by block, a block's
   * objects before its column entries); nothing is made per cell or per series.
   * Given `reuse`, a table this method made before and that is no longer needed, the new
   * table is made in its typed arrays (grown when too small): a check going through the
   * indicators one by one then allocates and touches new memory once, not per indicator.
   * `reuse` must not be read afterwards.
   */
  seriesOf(indicatorId: string, reuse?: SeriesTable): SeriesTable {
    const blocks = [...(this.indicators.get(indicatorId)?.values() ?? [])];
    const years = [...new Set(blocks.map((b) => b.year))].sort((a, b) => a - b);
    const yearIndex = new Map(years.map((y, i) => [y, i] as const));
    const old = (reuse as (SeriesTable & { buffers?: SeriesBuffers }) | undefined)?.buffers;
    if (blocks.length === 0) {
      const none = new Float64Array(0);
      const key = (): SeriesKey => {
        throw new RangeError('no series');
      };
      return Object.assign({ years, count: 0, key, position: key as unknown as (k: number) => number, value: none, numerator: none, denominator: none, skipped: 0 }, old ? { buffers: old } : {});
    }
    // The slots the indicator uses, in a row: most use the total alone, and memory touched for
    // the first time costs a page fault a page, so the index is no larger than it needs.
    const place = new Int8Array(SLOTS).fill(-1);
    let used = 0;
    let cellCount = 0;
    for (const b of blocks) {
      if (place[b.slot] === -1) place[b.slot] = used++;
      cellCount += b.entries + (b.objects?.size ?? 0);
    }
    // The series number + 1 of each region × slot used, 0 for none yet (a fill with 0 is the fastest).
    const cells = this.regionNumbers.size * used;
    const index = old && old.index.length >= cells ? old.index : new Int32Array(cells);
    // Each series' region × SLOTS + slot, by series number: at most one series per entry of the index.
    const series = old && old.series.length >= cells ? old.series : new Int32Array(cells);
    const width = years.length;
    const usableObject = (o: Observation) => typeof o.value === 'number' && !o.invalid;
    // Room for as many series as there can be: no more than entries of the index, nor than
    // cells (each series has at least one). Value, numerator and denominator of series k,
    // year y at k × width + y of each third.
    const most = Math.min(cells, cellCount);
    const room = most * width;
    let numbers = old?.numbers ?? new Float64Array(0);
    if (numbers.length < 3 * room) numbers = new Float64Array(3 * room);
    // NaN everywhere: TypedArray#fill takes a slow path for NaN, a doubling copyWithin does not.
    if (room > 0) {
      numbers[0] = NaN;
      for (let done = 1; done < 3 * room; done *= 2) numbers.copyWithin(done, 0, Math.min(done, 3 * room - done));
    }
    index.fill(0, 0, cells);
    let count = 0;
    let skipped = 0;
    /** Where a cell of region r, slot s goes for year index y: its series numbered as first met. */
    const at = (r: number, s: number, y: number): number => {
      const i = r * used + place[s]!;
      let k = index[i]!;
      if (k === 0) {
        series[count] = r * SLOTS + s;
        k = index[i] = ++count;
      }
      return (k - 1) * width + y;
    };
    // One pass numbers the series and writes their numbers.
    for (const b of blocks) {
      const s = b.slot;
      const y = yearIndex.get(b.year)!;
      if (b.objects) {
        for (const [r, o] of b.objects) {
          if (!usableObject(o)) {
            skipped++;
            continue;
          }
          const a = at(r, s, y);
          numbers[a] = o.value as number;
          numbers[room + a] = o.numerator ?? NaN;
          numbers[2 * room + a] = o.denominator ?? NaN;
        }
      }
      const c = b.columns;
      if (!c) continue;
      const flags = c.flags;
      for (let r = 0; r < flags.length; r++) {
        const f = flags[r]!;
        if (f === 0 || b.objects?.has(r)) continue;
        if (f & CELL_NULL) {
          skipped++;
          continue;
        }
        const a = at(r, s, y);
        numbers[a] = c.value(r);
        if (f & CELL_RATIO) {
          numbers[room + a] = c.numerator(r);
          numbers[2 * room + a] = c.denominator(r);
        }
      }
    }
    const n = count * width;
    const value = numbers.subarray(0, n);
    const numerator = numbers.subarray(room, room + n);
    const denominator = numbers.subarray(2 * room, 2 * room + n);
    const codes = this.regionNumbers;
    const key = (k: number): SeriesKey => {
      const i = series[k]!;
      const s = i % SLOTS;
      return { regionCode: codes.codeOf((i - s) / SLOTS), sex: sexOfSlot(s), residence: residenceOfSlot(s) };
    };
    const position = (k: number): number => series[k]!;
    const buffers: SeriesBuffers = { index, series, numbers };
    return { years, count, key, position, value, numerator, denominator, skipped, buffers } as SeriesTable;
  }

  /**
   * The numbers cellsWhere tests, of every cell of one indicator, in cellsWhere's order: value,
   * numerator and denominator of cell i at numbers[3i], [3i + 1] and [3i + 2], NaN where there is
   * none. Written into `into` when it is long enough, so that a check can test them without a call
   * per cell, and ask cellsWhere for the objects only when some pass.
   */
  cellNumbers(indicatorId: string, into?: Float64Array): { count: number; numbers: Float64Array } {
    const blocks = [...(this.indicators.get(indicatorId)?.values() ?? [])];
    let most = 0;
    for (const b of blocks) most += (b.columns?.capacity ?? 0) + (b.objects?.size ?? 0);
    const numbers = into && into.length >= 3 * most ? into : new Float64Array(3 * most);
    let i = 0;
    for (const b of blocks) {
      if (b.objects) {
        for (const o of b.objects.values()) {
          numbers[i++] = typeof o.value === 'number' ? o.value : NaN;
          numbers[i++] = o.numerator ?? NaN;
          numbers[i++] = o.denominator ?? NaN;
        }
      }
      const c = b.columns;
      if (!c) continue;
      for (let r = 0; r < c.capacity; r++) {
        const flags = c.flagsOf(r);
        if (flags === 0 || b.objects?.has(r)) continue;
        const ratio = (flags & CELL_RATIO) !== 0;
        numbers[i++] = flags & CELL_NULL ? NaN : c.value(r);
        numbers[i++] = ratio ? c.numerator(r) : NaN;
        numbers[i++] = ratio ? c.denominator(r) : NaN;
      }
    }
    return { count: i / 3, numbers };
  }

  /** Whether any indicator has a cell for this region (read, reported missing or derived): regionsWithCells for one region. */
  regionHasCells(code: string): boolean {
    const r = this.regionNumbers.get(code);
    if (r === undefined) return false;
    for (const blocks of this.indicators.values()) for (const b of blocks.values()) if (b.has(r)) return true;
    return false;
  }

  /** The number standing for a region (as regionKey), without adding one: undefined for a region never seen. */
  regionKeyOf(code: string): number | undefined {
    return this.regionNumbers.get(code);
  }

  /** How many regions have a number (regionKey). */
  get regionCount(): number {
    return this.regionNumbers.size;
  }

  /** The region a number stands for (regionKey's inverse). */
  regionCodeOf(key: number): string {
    return this.regionNumbers.codeOf(key);
  }

  /**
   * One block's usable numbers (a numeric value, not invalid) by region number, NaN where there
   * is none, in `into` when it is long enough (else a new array; read the one returned):
   * undefined when the block has no cell. For a check comparing indicators cell by cell.
   */
  blockValues(indicatorId: string, year: number, s: number, into?: Float64Array): Float64Array | undefined {
    const b = this.block(indicatorId, year, s);
    if (!b) return undefined;
    const n = this.regionNumbers.size;
    const out = into && into.length >= n ? into : new Float64Array(n);
    for (let r = 0; r < n; r++) out[r] = NaN;
    const c = b.columns;
    if (c) {
      const flags = c.flags;
      for (let r = 0; r < flags.length; r++) {
        const f = flags[r]!;
        if (f !== 0 && !(f & CELL_NULL)) out[r] = c.value(r);
      }
    }
    if (b.objects) for (const [r, o] of b.objects) out[r] = typeof o.value === 'number' && !o.invalid ? o.value : NaN;
    return out;
  }

  /** What cellStates says of a cell, bit by bit. */
  static readonly STATE = { present: 1, null: 2, ratio: 4, number: 8, invalid: 16 } as const;

  /**
   * What one block (an indicator, year and slot) holds for each region, by region number
   * (regionKey, regionKeyOf), as CellStore.STATE bits: 0 for no cell; else present, with null
   * (reported missing), ratio (a numerator and a denominator), number (a numeric value) and
   * invalid. Undefined when the block has no cell. For checks that ask about many cells
   * without making objects of them.
   */
  cellStates(indicatorId: string, year: number, s: number): Uint8Array | undefined {
    const b = this.block(indicatorId, year, s);
    if (!b) return undefined;
    const { present, null: isNull, ratio, number, invalid } = CellStore.STATE;
    const out = new Uint8Array(this.regionNumbers.size);
    const c = b.columns;
    if (c) {
      const flags = c.flags;
      for (let r = 0; r < flags.length; r++) {
        const f = flags[r]!;
        if (f !== 0) out[r] = present | (f & CELL_NULL ? isNull : number) | (f & CELL_RATIO ? ratio : 0);
      }
    }
    if (b.objects) {
      for (const [r, o] of b.objects) {
        out[r] =
          present |
          (o.value === null ? isNull : 0) |
          (typeof o.value === 'number' ? number : 0) |
          (o.numerator !== undefined && o.denominator !== undefined ? ratio : 0) |
          (o.invalid ? invalid : 0);
      }
    }
    return out;
  }

  /**
   * The cells of one indicator whose numbers pass `test` (value, numerator, denominator;
   * NaN where there is none), as objects: a check that finds few makes few.
   */
  cellsWhere(indicatorId: string, test: (value: number, numerator: number, denominator: number) => boolean): Observation[] {
    const out: Observation[] = [];
    for (const b of this.indicators.get(indicatorId)?.values() ?? []) {
      if (b.objects) for (const o of b.objects.values()) if (test(typeof o.value === 'number' ? o.value : NaN, o.numerator ?? NaN, o.denominator ?? NaN)) out.push(o);
      const c = b.columns;
      if (!c) continue;
      for (let r = 0; r < c.capacity; r++) {
        const flags = c.flagsOf(r);
        if (flags === 0 || b.objects?.has(r)) continue;
        const ratio = (flags & CELL_RATIO) !== 0;
        if (test(flags & CELL_NULL ? NaN : c.value(r), ratio ? c.numerator(r) : NaN, ratio ? c.denominator(r) : NaN)) out.push(this.materialize(b, c, r));
      }
    }
    return out;
  }

  /** The cells kept as objects (read with more to say than a number, or derived). */
  *objectCells(): IterableIterator<Observation> {
    for (const blocks of this.indicators.values()) for (const b of blocks.values()) if (b.objects) yield* b.objects.values();
  }

  /** The indicators with cells. */
  indicatorIds(): string[] {
    return [...this.indicators.keys()];
  }

  /** Every region with a cell of any indicator (read, reported missing or derived). */
  regionsWithCells(): Set<string> {
    const seen = new Uint8Array(this.regionNumbers.size);
    for (const blocks of this.indicators.values()) {
      for (const b of blocks.values()) {
        if (b.objects) for (const r of b.objects.keys()) seen[r] = 1;
        const c = b.columns;
        if (c) for (let r = 0; r < c.capacity; r++) if (c.flags[r] !== 0) seen[r] = 1;
      }
    }
    const out = new Set<string>();
    for (let r = 0; r < seen.length; r++) if (seen[r]) out.add(this.regionNumbers.codeOf(r));
    return out;
  }

  /** The cells of one indicator, as objects made now (a list: cheaper to walk than a generator). */
  allOf(indicatorId: string): Observation[] {
    const out: Observation[] = [];
    for (const b of this.indicators.get(indicatorId)?.values() ?? []) {
      if (b.objects) for (const o of b.objects.values()) out.push(o);
      const c = b.columns;
      if (!c) continue;
      const flags = c.flags;
      const objects = b.objects;
      for (let r = 0; r < flags.length; r++) if (flags[r] !== 0 && !(objects && objects.has(r))) out.push(this.materialize(b, c, r));
    }
    return out;
  }

  *all(): IterableIterator<Observation> {
    for (const blocks of this.indicators.values()) {
      for (const b of blocks.values()) {
        if (b.objects) yield* b.objects.values();
        const c = b.columns;
        if (!c) continue;
        for (let r = 0; r < c.capacity; r++) if (c.flags[r] !== 0 && !b.objects?.has(r)) yield this.materialize(b, c, r);
      }
    }
  }
}
