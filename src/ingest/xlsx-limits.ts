// A workbook's size, checked before exceljs reads it: a zip a few hundred KB long can hold
// a sheet of millions of rows or a gigabyte of shared strings, which exceljs would build in
// memory for minutes. The zip's directory gives every part's declared size; the sheets and
// the shared strings are inflated here with a cap on their output, so a part that lies
// about its size is stopped at the cap too; the sheets' declared dimensions and rows are
// read from them. Each limit is far above any real return (a return of every 乡镇 of a
// province for six years is some 300,000 rows); larger data belongs in a CSV.
import { inflateRawSync } from 'node:zlib';
import { diag, type Diagnostic } from '../diagnostics.js';

export const XLSX_LIMITS = {
  /** Rows a sheet may declare or hold. */
  rows: 500_000,
  /** Cells (rows × columns) a sheet may declare. */
  cells: 10_000_000,
  /** Bytes of one part (a sheet, the shared strings) once decompressed. */
  partBytes: 128 * 1024 * 1024,
  /** Bytes of every part together once decompressed. */
  totalBytes: 256 * 1024 * 1024,
  /** Decompressed bytes per byte of the file (real workbooks: 3 to 20). */
  ratio: 100,
} as const;

interface Entry {
  name: string;
  method: number;
  compressed: number;
  size: number;
  local: number;
}

/** The limit the workbook exceeds, as a located error; none when it is within them (or not a zip this can read: exceljs says so). */
export function checkWorkbookLimits(bytes: Uint8Array, file: string): Diagnostic[] {
  const entries = centralDirectory(bytes);
  if (!entries) return [];
  const over = (what: string, value: number | string, limit: number | string): Diagnostic[] => [
    diag('error', `data/xlsx-limit-${what}`, { value, limit }, { file, line: 1, column: 1 }),
  ];
  let total = 0;
  for (const e of entries) {
    // 0xFFFFFFFF: a ZIP64 size, over 4 GB.
    if (e.size === 0xffffffff || e.size > XLSX_LIMITS.partBytes) return over('part', `${e.name} ${mb(e.size)}`, mb(XLSX_LIMITS.partBytes));
    total += e.size;
  }
  if (total > XLSX_LIMITS.totalBytes) return over('total', mb(total), mb(XLSX_LIMITS.totalBytes));
  if (total > XLSX_LIMITS.ratio * Math.max(bytes.length, 1)) return over('ratio', Math.round(total / bytes.length), XLSX_LIMITS.ratio);
  for (const e of entries) {
    const sheet = /^xl\/worksheets\/[^/]+\.xml$/iu.test(e.name);
    if (!sheet && !/^xl\/sharedStrings\.xml$/iu.test(e.name)) continue;
    const data = partBytes(bytes, e);
    if (data === 'over') return over('part', `${e.name} > ${mb(XLSX_LIMITS.partBytes)}`, mb(XLSX_LIMITS.partBytes));
    if (!data) continue;
    if (!sheet) continue;
    const dims = declaredDimension(data);
    if (dims && dims.rows > XLSX_LIMITS.rows) return over('rows', dims.rows, XLSX_LIMITS.rows);
    if (dims && dims.rows * dims.columns > XLSX_LIMITS.cells) return over('cells', dims.rows * dims.columns, XLSX_LIMITS.cells);
    const rows = countRows(data);
    if (rows > XLSX_LIMITS.rows) return over('rows', rows, XLSX_LIMITS.rows);
  }
  return [];
}

/** Bytes as the limits' messages give them: `256.0 MB`. */
export const megabytes = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
const mb = megabytes;

export function centralDirectory(b: Uint8Array): Entry[] | undefined {
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const u16 = (o: number) => view.getUint16(o, true);
  const u32 = (o: number) => view.getUint32(o, true);
  let eocd = -1;
  for (let i = b.length - 22; i >= Math.max(0, b.length - 22 - 0xffff); i--) {
    if (u32(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return undefined;
  const count = u16(eocd + 10);
  let at = u32(eocd + 16);
  const entries: Entry[] = [];
  for (let k = 0; k < count; k++) {
    if (at + 46 > b.length || u32(at) !== 0x02014b50) return undefined;
    const nameLength = u16(at + 28);
    if (at + 46 + nameLength > b.length) return undefined;
    entries.push({
      name: new TextDecoder().decode(b.subarray(at + 46, at + 46 + nameLength)),
      method: u16(at + 10),
      compressed: u32(at + 20),
      size: u32(at + 24),
      local: u32(at + 42),
    });
    at += 46 + nameLength + u16(at + 30) + u16(at + 32);
  }
  return entries;
}

/** A part's bytes, inflated with a cap on the output; 'over' past the cap; undefined when it cannot be read here. */
export function partBytes(b: Uint8Array, e: Entry): Uint8Array | 'over' | undefined {
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  if (e.local + 30 > b.length || view.getUint32(e.local, true) !== 0x04034b50) return undefined;
  const start = e.local + 30 + view.getUint16(e.local + 26, true) + view.getUint16(e.local + 28, true);
  const data = b.subarray(start, Math.min(b.length, start + e.compressed));
  if (e.method === 0) return data.length > XLSX_LIMITS.partBytes ? 'over' : data;
  if (e.method !== 8) return undefined;
  try {
    return inflateRawSync(data, { maxOutputLength: XLSX_LIMITS.partBytes });
  } catch (err) {
    return (err as NodeJS.ErrnoException)?.code === 'ERR_BUFFER_TOO_LARGE' ? 'over' : undefined;
  }
}

/** `<dimension ref="A1:Z1048576"/>` near the start of a sheet: its rows and columns. */
function declaredDimension(sheet: Uint8Array): { rows: number; columns: number } | undefined {
  const head = new TextDecoder().decode(sheet.subarray(0, 4096));
  const m = /<(?:\w+:)?dimension\s+ref="([A-Z]{1,3})(\d{1,8})(?::([A-Z]{1,3})(\d{1,8}))?"/u.exec(head);
  if (!m) return undefined;
  const col = (s: string) => [...s].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0);
  const rows = m[4] !== undefined ? Number(m[4]) - Number(m[2]) + 1 : 1;
  const columns = m[3] !== undefined ? col(m[3]) - col(m[1]!) + 1 : 1;
  return { rows: Math.max(rows, 1), columns: Math.max(columns, 1) };
}

/** `<row` elements in a sheet's XML (with or without a namespace prefix). */
function countRows(sheet: Uint8Array): number {
  const buf = Buffer.from(sheet.buffer, sheet.byteOffset, sheet.byteLength);
  let n = 0;
  for (let i = buf.indexOf('row', 0, 'latin1'); i >= 0; i = buf.indexOf('row', i + 3, 'latin1')) {
    const before = buf[i - 1];
    const after = buf[i + 3];
    if ((before === 0x3c || before === 0x3a) && (after === 0x20 || after === 0x3e || after === 0x2f)) n++;
  }
  return n;
}
