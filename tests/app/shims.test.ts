// The page's browser versions of Node's APIs (src/app/shims/) answer as Node's own do.
import { isAscii, isUtf8 } from 'node:buffer';
import * as path from 'node:path';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import * as shimBuffer from '../../src/app/shims/node-buffer.js';
import * as shimPath from '../../src/app/shims/node-path.js';
import * as shimZlib from '../../src/app/shims/node-zlib.js';

describe('the page\'s node:path', () => {
  const cases = [['/data', 'a.csv'], ['/data', '../plan/x.yaml'], ['/data', '/out/r.xlsx'], ['/', 'a/./b/../c'], ['/data/', 'sub/'], ['/a/b', '..', '..', '..', 'c']];
  it.each(cases)('resolve(%s, %s …) as Node', (...parts) => expect(shimPath.resolve(...parts)).toBe(path.posix.resolve(...parts)));
  it.each([['a', 'b'], ['/a', 'b/../c'], ['', 'x'], ['/plancheck/plan', 'plan.yaml']])('join(%s, %s) as Node', (a, b) => expect(shimPath.join(a, b)).toBe(path.posix.join(a, b)));
  it.each([['/data', '/plancheck/plan/plan.yaml'], ['/data', '/data/broken/water.yaml'], ['/a/b', '/a/b'], ['/', '/x/y']])('relative(%s, %s) as Node', (a, b) => expect(shimPath.relative(a, b)).toBe(path.posix.relative(a, b)));
  it.each(['/out/report.docx', 'a.tar.gz', '.hidden', '/data/', 'noext', '/'])('dirname, basename, extname(%s) as Node', (p) => {
    expect(shimPath.dirname(p)).toBe(path.posix.dirname(p));
    expect(shimPath.basename(p)).toBe(path.posix.basename(p));
    expect(shimPath.extname(p)).toBe(path.posix.extname(p));
  });
});

describe('the page\'s node:buffer checks', () => {
  const samples = [Buffer.from('指标,地区'), Buffer.from('plain ascii'), Buffer.from([0xd6, 0xb8, 0xb1, 0xea]), Buffer.from([0xe6, 0x8c]), Buffer.from([0x7f, 0x80]), Buffer.alloc(0), Buffer.from([0xef, 0xbb, 0xbf, 0x41])];
  it.each(samples.map((s) => [s.toString('hex'), s]))('isUtf8 and isAscii of %s as Node', (_hex, bytes) => {
    expect(shimBuffer.isUtf8(bytes as Buffer)).toBe(isUtf8(bytes as Buffer));
    expect(shimBuffer.isAscii(bytes as Buffer)).toBe(isAscii(bytes as Buffer));
  });
});

describe('the page\'s node:zlib inflateRawSync', () => {
  const data = Buffer.from('<sheetData>'.repeat(5000));
  const packed = deflateRawSync(data);
  it('inflates as Node does', () => expect(Buffer.from(shimZlib.inflateRawSync(packed)).equals(inflateRawSync(packed))).toBe(true));
  it('fails at the cap as Node does, with ERR_BUFFER_TOO_LARGE', () => {
    const code = (f: () => unknown) => {
      try {
        f();
        return 'none';
      } catch (e) {
        return (e as NodeJS.ErrnoException).code;
      }
    };
    expect(code(() => shimZlib.inflateRawSync(packed, { maxOutputLength: data.length - 1 }))).toBe('ERR_BUFFER_TOO_LARGE');
    expect(code(() => inflateRawSync(packed, { maxOutputLength: data.length - 1 }))).toBe('ERR_BUFFER_TOO_LARGE');
    expect(code(() => shimZlib.inflateRawSync(packed, { maxOutputLength: data.length }))).toBe('none');
    expect(code(() => shimZlib.inflateRawSync(Buffer.from([1, 2, 3, 4, 5])))).not.toBe('none');
  });
});
