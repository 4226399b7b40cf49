// The fast row reader: the ordinary rows of a long CSV — known names, plain numbers,
// nothing to say about them — each straight into the store's columns, without an object.
// Any other row it hands to the general row reader (row-reader.ts), which reads it cell by
// cell with its messages, so that this path only ever makes a return faster, never read
// differently (tests/fuzz/reader-paths.test.ts generates returns to prove it).
//
// Two ways in: a row already split into texts (readRow: any piece, any encoding), and the
// bytes of a piece of UTF-8 without quotes (readBytes), read without decoding them: a
// national return repeats a few dozen names and six years a million times, so every
// distinct cell is decoded and looked up once, and its numbers are read from their digits.
import type { Indicator } from '../plan/model.js';
import type { ReturnsContext } from './context.js';
import type { GridRow } from './grid.js';
import type { LayoutFound } from './layout.js';
import type { ReturnColumn } from './header.js';
import type { Piece } from './pieces.js';
import type { RowReader } from './row-reader.js';
import type { CellBook } from './store.js';
import { parseResidence, parseSex, parseYear, scaleOf, unitKey, unitOfName } from './cells.js';
import { CELL_RATIO, CELL_VALUE_GIVEN, slot } from '../model/cells.js';

const LF = 0x0a;
const CR = 0x0d;
// A BOM inside the file stays a character, as in the text path.
const UTF8 = new TextDecoder('utf-8', { ignoreBOM: true });

interface IndicatorHit {
  indicator: Indicator;
  unit: string;
  scale: number;
}

/** Texts looked up once each, by their text. */
class Memo<T> {
  private readonly known = new Map<string, T>();
  constructor(readonly compute: (text: string) => T) {}
  get(text: string): T {
    let hit = this.known.get(text);
    if (hit === undefined && !this.known.has(text)) {
      hit = this.compute(text);
      this.known.set(text, hit);
    }
    return hit as T;
  }
}

/**
 * Byte strings looked up once each: by a hash of their bytes, then compared byte by byte,
 * so that a cell seen before costs no decoding and no string. The bytes of every distinct
 * cell are kept one after another in one array, and found through a table of their
 * numbers by hash (open addressing): a return naming 74,000 乡镇 keeps 74,000 short runs of
 * bytes, not an array and an object for each.
 */
class ByteMemo<T> {
  /** The distinct cells' bytes, one after another: cell i is pool[at[i] … at[i + 1]). */
  private pool = new Uint8Array(1024);
  private at = new Int32Array(64);
  private readonly values: T[] = [];
  /** Cell number + 1 by hash, 0 for a free slot; never more than half full. */
  private table = new Int32Array(64);

  constructor(
    private readonly decoder: TextDecoder,
    private readonly compute: (text: string) => T,
  ) {}
  // The cell looked up last: a sorted return repeats its indicator and unit row after row.
  private lastBytes: Uint8Array | undefined;
  private lastStart = 0;
  private lastEnd = 0;
  private lastValue: T | undefined;

  get(bytes: Uint8Array, start: number, end: number): T {
    const n = end - start;
    const last = this.lastBytes;
    if (last !== undefined && this.lastEnd - this.lastStart === n) {
      const from = this.lastStart;
      let i = 0;
      while (i < n && last[from + i] === bytes[start + i]) i++;
      if (i === n) return this.lastValue as T;
    }
    const value = this.lookUp(bytes, start, end);
    this.lastBytes = bytes;
    this.lastStart = start;
    this.lastEnd = end;
    this.lastValue = value;
    return value;
  }

  /** Forgets the last cell: the bytes it lay in may be reused for the next piece. */
  forget(): void {
    this.lastBytes = undefined;
    this.lastValue = undefined;
  }

  private lookUp(bytes: Uint8Array, start: number, end: number): T {
    const mask = this.table.length - 1;
    let slot = hashOf(bytes, start, end) & mask;
    for (let k = this.table[slot]!; k !== 0; slot = (slot + 1) & mask, k = this.table[slot]!) {
      if (this.same(k - 1, bytes, start, end)) return this.values[k - 1]!;
    }
    const i = this.values.length;
    this.keep(bytes, start, end);
    this.table[slot] = i + 1;
    // The cell's bytes are kept before they are decoded: the piece they came from is reused.
    const value = this.compute(this.decoder.decode(this.pool.subarray(this.at[i]!, this.at[i + 1]!)));
    this.values.push(value);
    if (2 * this.values.length > this.table.length) this.rehash();
    return value;
  }

  private same(i: number, bytes: Uint8Array, start: number, end: number): boolean {
    const from = this.at[i]!;
    if (this.at[i + 1]! - from !== end - start) return false;
    for (let j = start; j < end; j++) if (this.pool[from + j - start] !== bytes[j]) return false;
    return true;
  }

  /** Cell number values.length: its bytes after the others'. */
  private keep(bytes: Uint8Array, start: number, end: number): void {
    const i = this.values.length;
    if (i + 2 > this.at.length) this.at = grown(this.at, 2 * this.at.length);
    const from = this.at[i]!;
    const to = from + (end - start);
    if (to > this.pool.length) this.pool = grown(this.pool, Math.max(2 * this.pool.length, to));
    this.pool.set(bytes.subarray(start, end), from);
    this.at[i + 1] = to;
  }

  private rehash(): void {
    const table = new Int32Array(2 * this.table.length);
    const mask = table.length - 1;
    for (let i = 0; i < this.values.length; i++) {
      let slot = hashOf(this.pool, this.at[i]!, this.at[i + 1]!) & mask;
      while (table[slot] !== 0) slot = (slot + 1) & mask;
      table[slot] = i + 1;
    }
    this.table = table;
  }
}

/** FNV-1a of some bytes and their count, as a small integer. */
function hashOf(bytes: Uint8Array, start: number, end: number): number {
  let h = 0x811c9dc5 ^ (end - start);
  for (let i = start; i < end; i++) h = Math.imul(h ^ bytes[i]!, 0x01000193);
  return h & 0x3fffffff;
}

function grown<A extends Uint8Array | Int32Array>(a: A, n: number): A {
  const b = new (a.constructor as new (n: number) => A)(n);
  b.set(a);
  return b;
}

export class FastRows implements RowReader {
  private readonly width: number;
  private readonly ci: number;
  private readonly cr: number;
  private readonly cy: number;
  private readonly cv: number;
  private readonly cn: number;
  private readonly cd: number;
  private readonly cs: number;
  private readonly cz: number;
  private readonly cu: number;
  private readonly cnote: number;
  private readonly source: number;
  private readonly top: number;
  private readonly indicators: Memo<IndicatorHit | null>;
  private readonly regions: Memo<number>;
  private readonly years: Memo<number>;
  private readonly sexes: Memo<number>;
  private readonly residences: Memo<number>;
  private readonly units: Memo<string>;
  private bytesReader: BytesReader | undefined;
  /** The numbers of the row being read: value, numerator, denominator (NaN: none). */
  readonly numbers = new Float64Array(3);

  /** The reader for a long CSV's layout, handing `general` the rows it does not store; undefined when no row can take this path. */
  static of(book: CellBook, file: string, layout: LayoutFound, ctx: ReturnsContext, general: RowReader): FastRows | undefined {
    const { columns } = layout;
    if (columns.indicator === undefined || columns.year === undefined) return undefined;
    return new FastRows(book, file, layout.width, columns, ctx, general);
  }

  private constructor(
    private readonly book: CellBook,
    file: string,
    width: number,
    columns: Partial<Record<ReturnColumn, number>>,
    ctx: ReturnsContext,
    private readonly general: RowReader,
  ) {
    const col = (id: ReturnColumn) => columns[id] ?? -1;
    this.width = width;
    this.ci = col('indicator');
    this.cr = col('region');
    this.cy = col('year');
    this.cv = col('value');
    this.cn = col('numerator');
    this.cd = col('denominator');
    this.cs = col('sex');
    this.cz = col('residence');
    this.cu = col('unit');
    this.cnote = col('note');
    const { cv, cn, cd } = this;
    this.source = book.addSource({ file, ...(cv >= 0 ? { value: cv + 1 } : {}), ...(cn >= 0 ? { numerator: cn + 1 } : {}), ...(cd >= 0 ? { denominator: cd + 1 } : {}) });
    this.top = ctx.regions.top ? book.regionKey(ctx.regions.top.code) : -1;
    this.indicators = new Memo((text) => {
      const found = ctx.indicators.find(text.trim()).found;
      // A name carrying a unit not the indicator's own (新生儿死亡率（%）) converts its values: the general reader's work.
      if (found && unitOfName(text, found) !== undefined) return null;
      return found && (found.measure === 'rate' || found.measure === 'count' || found.measure === 'value') ? { indicator: found, unit: unitKey(found.unit), scale: scaleOf(found) } : null;
    });
    this.regions = new Memo((text) => {
      const found = text.trim() === '' ? ctx.regions.top : ctx.regions.find(text.trim()).found;
      return found ? book.regionKey(found.code) : -1;
    });
    this.years = new Memo((text) => (text.trim() === '' ? 0 : (parseYear(text.trim()).value ?? 0)));
    // Sex × 3 + residence is the store's slot; -1 for a word that needs a message.
    this.sexes = new Memo((text) => {
      const sex = parseSex(text.trim()).value;
      return sex ? slot(sex, 'total') : -1;
    });
    this.residences = new Memo((text) => {
      const residence = parseResidence(text.trim()).value;
      return residence ? slot('total', residence) : -1;
    });
    this.units = new Memo((text) => unitKey(text.trim()));
  }

  readRow(row: GridRow): void {
    // A workbook cell with something to say is never ordinary (a workbook never comes here today).
    if (row.marks || !this.stored(row.texts, row.line)) this.general.readRow(row);
  }

  /** A row split into texts: true when it is stored, false when it needs the general reader. */
  private stored(texts: ReadonlyArray<string | undefined>, line: number): boolean {
    const { width, cr, cs, cz, cu, cnote, cv, cn, cd } = this;
    for (let j = width; j < texts.length; j++) if (texts[j] !== undefined && texts[j]!.trim() !== '') return false;
    const hit = this.indicators.get(texts[this.ci] ?? '');
    if (!hit) return false;
    const region = cr < 0 ? this.top : this.regions.get(texts[cr] ?? '');
    const year = this.years.get(texts[this.cy] ?? '');
    if (region < 0 || year === 0) return false;
    const s = this.part(cs < 0 ? -2 : this.sexes.get(texts[cs] ?? ''), cz < 0 ? -2 : this.residences.get(texts[cz] ?? ''));
    if (s < 0) return false;
    if (cnote >= 0 && (texts[cnote] ?? '').trim() !== '') return false;
    if (cu >= 0) {
      const unit = texts[cu] ?? '';
      if (unit !== '' && this.units.get(unit) !== hit.unit) return false;
    }
    const valueText = cv < 0 ? '' : (texts[cv] ?? '');
    const numeratorText = cn < 0 ? '' : (texts[cn] ?? '');
    const denominatorText = cd < 0 ? '' : (texts[cd] ?? '');
    // A long number may be out of range (src/ingest/cells.ts, NUMBER_LIMIT): the text path says so.
    if (valueText.length > 20 || numeratorText.length > 20 || denominatorText.length > 20) return false;
    const numbers = this.numbers;
    let decimals = -1;
    numbers[0] = numbers[1] = numbers[2] = NaN;
    if (valueText !== '') {
      decimals = plainDecimals(valueText);
      if (decimals < 0) return false;
      numbers[0] = Number(valueText);
    }
    if (numeratorText !== '' || denominatorText !== '') {
      const numeratorDecimals = plainDecimals(numeratorText);
      // Without a value column a repeated row quotes the numerator, which the store gives back as an integer.
      if (numeratorDecimals < 0 || (cv < 0 && numeratorDecimals > 0) || plainDecimals(denominatorText) < 0) return false;
      numbers[1] = Number(numeratorText);
      numbers[2] = Number(denominatorText);
    }
    return this.store(hit, region, year, s, decimals, line);
  }

  /** Sex and residence slots (-2: no such column) as one slot, or -1. Also the byte reader's. */
  part(sex: number, residence: number): number {
    if (sex === -1 || residence === -1) return -1;
    return (sex === -2 ? 0 : sex) + (residence === -2 ? 0 : residence);
  }

  /**
   * A row's numbers, in `numbers` (value, numerator, denominator; NaN where none), into
   * the store: a value (decimals ≥ 0), a numerator and denominator, or both when they
   * agree. False for anything the row reader must say something about. Also the byte reader's.
   */
  store(hit: IndicatorHit, region: number, year: number, s: number, decimals: number, line: number): boolean {
    const numbers = this.numbers;
    let flags = 0;
    if (decimals >= 0) flags |= CELL_VALUE_GIVEN;
    const numerator = numbers[1]!;
    if (!Number.isNaN(numerator)) {
      const denominator = numbers[2]!;
      if (hit.indicator.measure !== 'rate' || !(denominator > 0)) return false;
      const computed = (numerator / denominator) * hit.scale;
      if (flags & CELL_VALUE_GIVEN) {
        // A given value agrees when it is the computed one rounded to the decimals it was written with.
        if (Math.abs(numbers[0]! - computed) > (HALF_UNIT[decimals] ?? 0.5 * 10 ** -decimals) + 1e-9) return false;
      } else numbers[0] = computed;
      flags |= CELL_RATIO;
    } else if (!(flags & CELL_VALUE_GIVEN)) return false;
    else numbers[1] = numbers[2] = 0;
    return this.book.addRead(hit.indicator.id, region, year, s, numbers, flags, Math.max(decimals, 0), this.source, line, hit.scale);
  }

  /**
   * The lines of a piece of UTF-8 without quotes and without a lone CR (pieces.ts, isPlain),
   * read from its bytes. A line this path cannot store is decoded, split at the delimiter and
   * read as a row of texts (readRow).
   */
  readBytes(piece: Piece, delimiter: ',' | '\t'): void {
    if (!this.bytesReader) {
      // Only pieces that are valid UTF-8 come here; a BOM inside the file stays a character, as in the text path.
      // Each distinct cell is looked up once here: by its bytes, without remembering its text as well.
      const by = <T>(memo: Memo<T>) => new ByteMemo(UTF8, memo.compute);
      const memos = { indicators: by(this.indicators), regions: by(this.regions), years: by(this.years), sexes: by(this.sexes), residences: by(this.residences), units: by(this.units) };
      const { width, ci, cr, cy, cv, cn, cd, cs, cz, cu, cnote, top } = this;
      this.bytesReader = new BytesReader(this, { width, ci, cr, cy, cv, cn, cd, cs, cz, cu, cnote, top }, memos);
    }
    const { bytes } = piece;
    this.bytesReader.read(bytes, piece.lineOffset, delimiter.charCodeAt(0), (line, start, end) =>
      this.readRow({ line, texts: UTF8.decode(bytes.subarray(start, end)).split(delimiter) }),
    );
  }
}

/** Where each cell of a row is (-1: no such column), and the row's parts looked up by their bytes. */
interface ByteColumns {
  width: number;
  ci: number;
  cr: number;
  cy: number;
  cv: number;
  cn: number;
  cd: number;
  cs: number;
  cz: number;
  cu: number;
  cnote: number;
  /** The top region's key in the store, for a return without a region column. */
  top: number;
}

interface ByteMemos {
  indicators: ByteMemo<IndicatorHit | null>;
  regions: ByteMemo<number>;
  years: ByteMemo<number>;
  sexes: ByteMemo<number>;
  residences: ByteMemo<number>;
  units: ByteMemo<string>;
}

/** Half a unit of the last digit written with d decimals, the same doubles 0.5 * 10 ** -d gives. */
const HALF_UNIT = Array.from({ length: 16 }, (_, d) => 0.5 * 10 ** -d);

/** 10^d, exact for every d a plain number here may have. */
const POW10 = Array.from({ length: 16 }, (_, d) => 10 ** d);
/** A plain number with more digits than this is left to the general reader (Number() would round it). */
const MAX_DIGITS = 15;

class BytesReader {
  private readonly starts: Int32Array;
  private readonly ends: Int32Array;
  /** The decimals of the last number read. */
  private decimals = 0;

  constructor(
    private readonly rows: FastRows,
    private readonly c: ByteColumns,
    private readonly memos: ByteMemos,
  ) {
    this.starts = new Int32Array(c.width);
    this.ends = new Int32Array(c.width);
  }

  read(bytes: Uint8Array, lineOffset: number, delimiter: number, other: (line: number, start: number, end: number) => void): void {
    for (const memo of Object.values(this.memos)) memo.forget();
    const { starts, ends } = this;
    const width = this.c.width;
    const n = bytes.length;
    let line = lineOffset;
    for (let pos = 0; pos < n; ) {
      line++;
      let field = 0;
      let fieldStart = pos;
      let extra = false;
      let i = pos;
      for (; i < n; i++) {
        const b = bytes[i]!;
        if (b === LF) break;
        if (b === delimiter) {
          if (field < width) {
            starts[field] = fieldStart;
            ends[field] = i;
          } else if (i > fieldStart) extra = true;
          field++;
          fieldStart = i + 1;
        }
      }
      let lineEnd = i;
      if (lineEnd > pos && bytes[lineEnd - 1] === CR) lineEnd--;
      if (field < width) {
        starts[field] = fieldStart;
        ends[field] = lineEnd;
      } else if (lineEnd > fieldStart) extra = true;
      for (let k = field + 1; k < width; k++) starts[k] = ends[k] = 0;
      const start = pos;
      pos = i + 1;
      if (lineEnd === start) continue;
      if (extra || !this.row(bytes, line)) other(line, start, lineEnd);
    }
  }

  private row(bytes: Uint8Array, line: number): boolean {
    const { starts, ends, memos } = this;
    const { ci, cr, cy, cv, cn, cd, cs, cz, cu, cnote, top } = this.c;
    const hit = memos.indicators.get(bytes, starts[ci]!, ends[ci]!);
    if (!hit) return false;
    const region = cr < 0 ? top : memos.regions.get(bytes, starts[cr]!, ends[cr]!);
    const year = memos.years.get(bytes, starts[cy]!, ends[cy]!);
    if (region < 0 || year === 0) return false;
    const s = this.rows.part(cs < 0 ? -2 : memos.sexes.get(bytes, starts[cs]!, ends[cs]!), cz < 0 ? -2 : memos.residences.get(bytes, starts[cz]!, ends[cz]!));
    if (s < 0) return false;
    if (cnote >= 0 && !blank(bytes, starts[cnote]!, ends[cnote]!)) return false;
    if (cu >= 0 && ends[cu]! > starts[cu]! && memos.units.get(bytes, starts[cu]!, ends[cu]!) !== hit.unit) return false;
    const numbers = this.rows.numbers;
    numbers[0] = numbers[1] = numbers[2] = NaN;
    let decimals = -1;
    if (cv >= 0 && ends[cv]! > starts[cv]!) {
      if (!this.plain(bytes, starts[cv]!, ends[cv]!, 0)) return false;
      decimals = this.decimals;
    }
    if ((cn >= 0 && ends[cn]! > starts[cn]!) || (cd >= 0 && ends[cd]! > starts[cd]!)) {
      if (cn < 0 || cd < 0 || !this.plain(bytes, starts[cn]!, ends[cn]!, 1)) return false;
      // Without a value column a repeated row quotes the numerator, which the store gives back as an integer.
      if ((cv < 0 && this.decimals > 0) || !this.plain(bytes, starts[cd]!, ends[cd]!, 2)) return false;
    }
    return this.rows.store(hit, region, year, s, decimals, line);
  }

  /**
   * A plain number (plainDecimals) into the row's numbers at `k`, and its decimals into
   * this.decimals; false for anything else. Read as Number() reads its text: an integer of
   * at most 15 digits divided by a power of ten is exact on both sides, so the one rounding
   * of the division gives the same double.
   */
  private plain(bytes: Uint8Array, start: number, end: number, k: number): boolean {
    let m = 0;
    let i = start;
    while (i < end) {
      const d = bytes[i]! - 0x30;
      if (d < 0 || d > 9) break;
      m = m * 10 + d;
      i++;
    }
    const whole = i - start;
    if (whole === 0 || (whole > 1 && bytes[start] === 0x30)) return false;
    let decimals = 0;
    if (i < end) {
      if (bytes[i] !== 0x2e) return false;
      i++;
      while (i < end) {
        const d = bytes[i]! - 0x30;
        if (d < 0 || d > 9) return false;
        m = m * 10 + d;
        i++;
        decimals++;
      }
      if (decimals === 0) return false;
    }
    if (whole + decimals > MAX_DIGITS) return false;
    this.rows.numbers[k] = decimals === 0 ? m : m / POW10[decimals]!;
    this.decimals = decimals;
    return true;
  }
}

/** Spaces and tabs only (a cell the text path would trim to nothing; anything else goes there). */
function blank(bytes: Uint8Array, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (bytes[i] !== 0x20 && bytes[i] !== 0x09) return false;
  return true;
}

/**
 * Decimals of a plain number, or -1 for anything else. Plain: digits, perhaps a point and
 * digits, without a leading zero (0.5, not 00.5) and at most 15 digits in all, so that the
 * store gives its text back as it was written (value.toFixed(decimals)) when a repeated row
 * quotes it.
 */
export function plainDecimals(text: string): number {
  const n = text.length;
  let i = 0;
  while (i < n && isDigit(text.charCodeAt(i))) i++;
  if (i === 0 || (i > 1 && text.charCodeAt(0) === 0x30)) return -1;
  if (i === n) return i > MAX_DIGITS ? -1 : 0;
  if (text.charCodeAt(i) !== 0x2e) return -1;
  const point = i++;
  while (i < n && isDigit(text.charCodeAt(i))) i++;
  return i === n && i > point + 1 && i - 1 <= MAX_DIGITS ? i - point - 1 : -1;
}

const isDigit = (c: number): boolean => c >= 0x30 && c <= 0x39;
