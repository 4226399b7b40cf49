// A minimal zip writer for hostile workbooks: parts deflated (or stored), with sizes that
// may be declared falsely, so that tests can build a bomb in a few hundred bytes.
import { crc32, deflateRawSync } from 'node:zlib';

export interface Part {
  name: string;
  data: Buffer;
  /** A size to declare instead of the real one (a lying directory). */
  declare?: number;
}

export function zip(parts: Part[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const p of parts) {
    const name = Buffer.from(p.name, 'utf8');
    const body = deflateRawSync(p.data);
    const size = p.declare ?? p.data.length;
    const crc = crc32(p.data);
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
  if (o.stringBytes) parts.push({ name: 'xl/sharedStrings.xml', data: Buffer.alloc(o.stringBytes, 0x61), declare: 1000 });
  return zip(parts);
}
