// Sets the time of every entry of a zip archive (an .xlsx is one) to a given day, so that
// a workbook made twice from the same figures on the same day is the same bytes: the zip
// library exceljs uses stamps each entry with the clock, and has no option to say otherwise.
// Only the stamps change (no checksum covers them); an archive it cannot follow is an error.

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/** MS-DOS date and time (what a zip entry holds) of 00:00 on a day; DOS dates start in 1980. */
function dosStamp(day: { year: number; month: number; day: number }): { date: number; time: number } {
  const year = Math.min(Math.max(day.year, 1980), 2107);
  return { date: ((year - 1980) << 9) | (day.month << 5) | day.day, time: 0 };
}

/** The archive with every entry stamped 00:00 on `day`; changed in place and returned. */
export function stampZip(zip: Uint8Array, day: { year: number; month: number; day: number }): Uint8Array {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const { date, time } = dosStamp(day);
  let end = -1;
  for (let at = zip.length - 22; at >= Math.max(0, zip.length - 22 - 0xffff); at--) {
    if (view.getUint32(at, true) === EOCD) {
      end = at;
      break;
    }
  }
  if (end < 0) throw new Error('stampZip: no end of central directory');
  const entries = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  for (let i = 0; i < entries; i++) {
    if (view.getUint32(at, true) !== CENTRAL) throw new Error(`stampZip: no central directory entry at ${at}`);
    view.setUint16(at + 12, time, true);
    view.setUint16(at + 14, date, true);
    const local = view.getUint32(at + 42, true);
    if (view.getUint32(local, true) !== LOCAL) throw new Error(`stampZip: no local header at ${local}`);
    view.setUint16(local + 10, time, true);
    view.setUint16(local + 12, date, true);
    at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return zip;
}
