// Telling a workbook from a text return by its first bytes, without loading the workbook reader.

/** Zip: an .xlsx (or .xlsm) workbook. */
export function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/** OLE compound file: the old binary .xls. */
export function isOle(bytes: Uint8Array): boolean {
  return bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0;
}

/**
 * An OpenDocument file (.ods): a zip whose first entry, stored uncompressed, is `mimetype`
 * holding application/vnd.oasis.opendocument.…; the workbook reader would find no sheet in it.
 */
export function isOpenDocument(bytes: Uint8Array): boolean {
  if (!isZip(bytes)) return false;
  const head = new TextDecoder('latin1').decode(bytes.subarray(30, 120));
  return head.startsWith('mimetype') && head.includes('application/vnd.oasis.opendocument');
}

/**
 * UTF-16 text without a BOM (what some tools write for "Unicode 文本"): in the first 4 KB a
 * NUL byte in a good share of one byte position of the pairs (the high byte of ASCII
 * characters: digits, commas, line ends) and almost none in the other.
 */
export function utf16WithoutBom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 8) return undefined;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) even++;
    if (bytes[i + 1] === 0) odd++;
  }
  const pairs = n / 2;
  // A few NULs are a binary file, not text: at least 4, and in 30% of the pairs (a CSV's
  // digits, commas and line ends); a CJK character may have a zero byte too (U+4E00 一), rarely.
  if (odd >= Math.max(4, pairs * 0.3) && even <= odd * 0.1) return 'utf-16le';
  if (even >= Math.max(4, pairs * 0.3) && odd <= even * 0.1) return 'utf-16be';
  return undefined;
}
