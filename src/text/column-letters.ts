// A spreadsheet column's letters, for the reader's cell references and the workbooks' ranges.

/** `A`, `B`, … `Z`, `AA`: the letters of a 1-based column number. */
export function columnLetters(column: number): string {
  let s = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}
