// A minimal zip writer for hostile workbooks: parts deflated (or stored), with sizes that
// may be declared falsely, so that tests can build a bomb in a few hundred bytes.
import { constants, crc32, deflateRawSync } from 'node:zlib';

export interface Part {
  name: string;
  /** The part's bytes, or a large part already deflated (`repeated`). */
  data: Buffer | Deflated;
  /** A size to declare instead of the real one (a lying directory). */
  declare?: number;
}

/** A part's deflated stream, with the CRC and length of the bytes it inflates to. */
export interface Deflated {
  body: Buffer;
  crc: number;
  size: number;
}

const MIB = 1024 * 1024;
const FILL = 0x61;
/** One MiB of `a`, deflated as non-final blocks that end on a full flush (no back-reference crosses it). */
let block: Buffer | undefined;
/** The CRC of k MiB of `a`, by k. */
const crcOfMiBs: number[] = [0];

/**
 * `size` bytes of `a` as a deflate stream of the same one-MiB block repeated and a last short
 * block: a part of 160 MiB in a few milliseconds and 200 KB, where deflating it takes a second
 * (the fuzz made hundreds of them) and 160 MiB of memory.
 */
export function repeated(size: number): Deflated {
  const whole = Math.floor(size / MIB);
  const rest = Buffer.alloc(size - whole * MIB, FILL);
  block ??= deflateRawSync(Buffer.alloc(MIB, FILL), { finishFlush: constants.Z_FULL_FLUSH });
  const mib = Buffer.alloc(MIB, FILL);
  while (crcOfMiBs.length <= whole) crcOfMiBs.push(crc32(mib, crcOfMiBs[crcOfMiBs.length - 1]!));
  return { body: Buffer.concat([...Array.from({ length: whole }, () => block!), deflateRawSync(rest)]), crc: rest.length ? crc32(rest, crcOfMiBs[whole]!) : crcOfMiBs[whole]!, size };
}

export function zip(parts: Part[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const p of parts) {
    const name = Buffer.from(p.name, 'utf8');
    const d = Buffer.isBuffer(p.data) ? { body: deflateRawSync(p.data), crc: crc32(p.data), size: p.data.length } : p.data;
    const body = d.body;
    const size = p.declare ?? d.size;
    const crc = d.crc;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, body);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += 30 + name.length + body.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

const CONTENT_TYPES = '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>';

/** A workbook-shaped zip whose sheet declares `ref` and holds `rows` rows, and shared strings of `stringBytes` bytes. */
export function hostileWorkbook(o: { ref?: string; rows?: number; stringBytes?: number; declare?: number }): Buffer {
  const rows = Array.from({ length: o.rows ?? 1 }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>1</v></c></row>`).join('');
  const sheet = `<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${o.ref ? `<dimension ref="${o.ref}"/>` : ''}<sheetData>${rows}</sheetData></worksheet>`;
  const parts: Part[] = [
    { name: '[Content_Types].xml', data: Buffer.from(CONTENT_TYPES) },
    { name: 'xl/worksheets/sheet1.xml', data: Buffer.from(sheet), ...(o.declare !== undefined ? { declare: o.declare } : {}) },
  ];
  if (o.stringBytes) parts.push({ name: 'xl/sharedStrings.xml', data: repeated(o.stringBytes), declare: 1000 });
  return zip(parts);
}

// A workbook a spreadsheet program could have written, or one that lies (issue 22): sheet 数据,
// header 指标/地区/年份/数值 and row 2 of 新生儿死亡率, 海陵区, 2025 and `valueCell`.
const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const inline = (ref: string, s: string) => `<c r="${ref}" t="inlineStr"><is><t>${s}</t></is></c>`;
/**
 * A workbook of sheet 数据 whose row 2 holds 新生儿死亡率, 海陵区, 2025 and `valueCell`; `rows` replace its rows;
 * `dimension` is the range its sheet declares (none by default).
 */
export function sheetWorkbook(o: { valueCell?: string; strings?: string[]; rows?: string; dimension?: string }): Buffer {
  const header = `<row r="1">${inline('A1', '指标')}${inline('B1', '地区')}${inline('C1', '年份')}${inline('D1', '数值')}</row>`;
  const row2 = `<row r="2">${inline('A2', '新生儿死亡率')}${inline('B2', '海陵区')}<c r="C2"><v>2025</v></c>${o.valueCell ?? '<c r="D2"><v>1.5</v></c>'}</row>`;
  const parts = [
    { name: '[Content_Types].xml', data: Buffer.from('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>') },
    { name: '_rels/.rels', data: Buffer.from('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>') },
    { name: 'xl/workbook.xml', data: Buffer.from(`<?xml version="1.0" encoding="UTF-8"?><workbook ${NS}><sheets><sheet name="数据" sheetId="1" r:id="rId1"/></sheets></workbook>`) },
    { name: 'xl/_rels/workbook.xml.rels', data: Buffer.from(`<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>${o.strings ? '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>' : ''}</Relationships>`) },
    { name: 'xl/worksheets/sheet1.xml', data: Buffer.from(`<?xml version="1.0" encoding="UTF-8"?><worksheet ${NS}>${o.dimension ? `<dimension ref="${o.dimension}"/>` : ''}<sheetData>${header}${o.rows ?? row2}</sheetData></worksheet>`) },
    ...(o.strings ? [{ name: 'xl/sharedStrings.xml', data: Buffer.from(`<?xml version="1.0" encoding="UTF-8"?><sst ${NS} count="${o.strings.length}">${o.strings.map((s) => `<si><t>${s}</t></si>`).join('')}</sst>`) }] : []),
  ];
  return zip(parts);
}
