import { describe, expect, it } from 'vitest';
import { decode } from '../../src/ingest/decode.js';
import { fixture } from './test-plan.js';

describe('decode', () => {
  it.each([
    ['utf8.csv', 'utf-8'],
    ['utf8-bom.csv', 'utf-8-bom'],
    ['gb18030.csv', 'gb18030'],
    ['utf16le.txt', 'utf-16le'],
  ])('reads %s as %s without being told', (name, encoding) => {
    const { bytes, file } = fixture(name);
    const decoded = decode(bytes, file);
    expect(decoded.diagnostics).toEqual([]);
    expect(decoded.text === undefined ? undefined : decoded.encoding).toBe(encoding);
    expect(decoded.text).toMatch(/^指标[,\t]地区[,\t]年份[,\t]数值/u);
    expect(decoded.text).toContain('新生儿死亡率');
  });

  it('reads UTF-16BE with its BOM', () => {
    const text = '指标,年份\n';
    const bytes = new Uint8Array([0xfe, 0xff, ...[...text].flatMap((c) => [c.charCodeAt(0) >> 8, c.charCodeAt(0) & 0xff])]);
    const decoded = decode(bytes, 'be.csv');
    expect(decoded.text).toBe(text);
  });

  it('reports a NUL byte as a binary file at its line, without throwing', () => {
    const bytes = new Uint8Array([...new TextEncoder().encode('a,b\n1,2\n'), 0x00, 0x01]);
    expect(decode(bytes, 'x.csv').diagnostics).toEqual([
      { severity: 'error', code: 'data/binary-file', params: {}, file: 'x.csv', line: 3, column: 1 },
    ]);
  });

  it('falls back to GB18030 and warns at the line of a byte neither encoding reads', () => {
    const decoded = decode(new Uint8Array([0x61, 0x0a, 0xd6, 0xd0, 0x0a, 0xff, 0x0a]), 'g.csv');
    expect(decoded.text === undefined ? undefined : decoded.encoding).toBe('gb18030');
    expect(decoded.text?.startsWith('a\n中\n')).toBe(true);
    expect(decoded.diagnostics.map((d) => [d.severity, d.code, d.line])).toEqual([['warning', 'data/undecodable-bytes', 3]]);
  });

  it('recognises an Excel workbook saved in place of a CSV', () => {
    const xlsx = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]);
    expect(decode(xlsx, 'returns.csv').diagnostics.map((d) => d.code)).toEqual(['data/excel-workbook']);
  });

  it('reports a UTF-16 BOM over text that is not UTF-16', () => {
    const bytes = new Uint8Array([0xff, 0xfe, 0x00, 0xd8, 0x41]); // a lone surrogate, an odd byte
    expect(decode(bytes, 'u.txt').diagnostics.map((d) => d.code)).toEqual(['data/bad-encoding']);
  });
});
