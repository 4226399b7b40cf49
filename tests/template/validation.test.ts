// The .xlsx form's data validation accepts what its 填报说明 asks for — a number, “—” where
// there is no data, an empty cell — on the cells a person fills and on no others, with a
// prompt and an error message; read back from the sheet's XML, and (where LibreOffice is
// installed) the validation's formula evaluated by LibreOffice itself.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { plancheck, tempDir } from '../cli/helpers.js';

/** One part of a zip file, by name, through its central directory. */
function zipPart(zip: Buffer, name: string): string {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  let at = zip.readUInt32LE(end + 16);
  for (let n = zip.readUInt16LE(end + 10); n > 0; n--) {
    const method = zip.readUInt16LE(at + 10);
    const size = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const local = zip.readUInt32LE(at + 42);
    if (zip.toString('utf8', at + 46, at + 46 + nameLength) === name) {
      const data = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
      const raw = zip.subarray(data, data + size);
      return (method === 8 ? inflateRawSync(raw) : raw).toString('utf8');
    }
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  throw new Error(`${name} is not in the workbook`);
}

interface Rule {
  type: string;
  sqref: string;
  attrs: Record<string, string>;
  formula: string;
}

const unescape = (s: string) => s.replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

function rulesOf(sheetXml: string): Rule[] {
  return [...sheetXml.matchAll(/<dataValidation ([^>]*)>(?:<formula1>([^<]*)<\/formula1>)?/g)].map((m) => {
    const attrs = Object.fromEntries([...m[1]!.matchAll(/(\w+)="([^"]*)"/g)].map((a) => [a[1]!, unescape(a[2]!)]));
    return { type: attrs.type ?? 'any', sqref: attrs.sqref!, attrs, formula: unescape(m[2] ?? '') };
  });
}

/** Every cell a validation covers, as `F12`. */
function cellsOf(sqref: string): string[] {
  return sqref.split(' ').flatMap((range) => {
    const [a, b = a] = range.split(':') as [string, string?];
    const col = a.replace(/\d+/, '');
    const from = Number(a.replace(/\D+/, ''));
    const to = Number(b!.replace(/\D+/, ''));
    return Array.from({ length: to - from + 1 }, (_, i) => `${col}${from + i}`);
  });
}

/** Whether LibreOffice with its spreadsheet (Calc) is installed: a one-cell CSV converts. */
function hasCalc(): boolean {
  if (spawnSync('soffice', ['--version'], { encoding: 'utf8' }).status !== 0) return false;
  const dir = tempDir('plancheck-calc-');
  writeFileSync(join(dir, 'one.csv'), '1\n');
  spawnSync('soffice', [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--convert-to', 'fods', '--outdir', dir, join(dir, 'one.csv')], { timeout: 120_000 });
  return existsSync(join(dir, 'one.fods'));
}

describe('the .xlsx form validates what its instructions ask for', () => {
  const dir = tempDir('plancheck-form-');
  const made = plancheck(['template', '--year', '2020,2025', '-o', join(dir, 'form.xlsx')]);
  const zip = readFileSync(join(dir, 'form.xlsx'));
  const rules = rulesOf(zipPart(zip, 'xl/worksheets/sheet1.xml'));
  const csv = plancheck(['template', '--year', '2020,2025']).stdout.replace(/^\uFEFF/, '').trimEnd().split('\r\n');
  const header = csv[0]!.split(',');
  const rows = csv.slice(1).map((line) => line.split(','));

  it('covers each cell once, only the cells a person fills', () => {
    expect(made.code).toBe(0);
    const seen = new Map<string, number>();
    for (const r of rules) for (const c of cellsOf(r.sqref)) seen.set(c, (seen.get(c) ?? 0) + 1);
    expect([...seen].filter(([, n]) => n > 1)).toEqual([]);
    // 数值 (F) on every row; 分子/分母 (G, H) exactly on the rate rows, whose hint asks for them; nothing else.
    const rate = rows.map((r) => r[header.indexOf('填报说明')]!.includes('分子、分母由工具计算'));
    expect(rows.length).toBeGreaterThan(100);
    for (let i = 0; i < rows.length; i++) {
      expect(seen.get(`F${i + 2}`), `F${i + 2}`).toBe(1);
      expect(seen.has(`G${i + 2}`), `G${i + 2}`).toBe(rate[i]);
      expect(seen.has(`H${i + 2}`), `H${i + 2}`).toBe(rate[i]);
    }
    expect([...seen.keys()].every((c) => /^[FGH]\d+$/.test(c))).toBe(true);
    expect(seen.has('F1')).toBe(false);
  });

  it('lets “—” and empty cells into 数值, with a Chinese prompt and error, refusing anything else', () => {
    const values = rules.filter((r) => r.sqref.startsWith('F'));
    expect(values.length).toBeGreaterThan(0);
    for (const r of values) {
      expect(r.attrs.allowBlank).toBe('1');
      expect(r.attrs.errorStyle).toBe('stop');
      expect(r.attrs.showErrorMessage).toBe('1');
      expect(r.attrs.showInputMessage).toBe('1');
      expect(r.attrs.prompt).toMatch(/—/u);
      expect(r.attrs.error).toMatch(/只能填/u);
      if (r.type === 'list') expect(r.formula).toBe('"是,否,—"');
      else {
        expect(r.type).toBe('custom');
        // relative to the range's first cell, so that each cell checks itself
        const first = r.sqref.split(':')[0]!;
        expect(r.formula).toBe(`OR(ISNUMBER(${first}),TRIM(${first})="—")`);
      }
    }
    // no decimal rule on 数值 any more: that refused the “—” the instructions ask for
    expect(values.some((r) => r.type === 'decimal')).toBe(false);
  });

  it('says it in English with --lang en', () => {
    const en = join(dir, 'en.xlsx');
    expect(plancheck(['template', '--lang', 'en', '-o', en]).code).toBe(0);
    const r = rulesOf(zipPart(readFileSync(en), 'xl/worksheets/sheet1.xml')).find((x) => x.type === 'custom')!;
    expect(r.attrs.error).toMatch(/only a number, or "—"/);
  });

  it.skipIf(!hasCalc())('LibreOffice reads the validation and its formula accepts “—”, a number and nothing else', () => {
    // The validation as LibreOffice reads it (converted to a flat OpenDocument file) ...
    const out = tempDir('plancheck-soffice-');
    const profile = `-env:UserInstallation=file://${join(out, 'profile')}`;
    const conv = spawnSync('soffice', [profile, '--headless', '--convert-to', 'fods', '--outdir', out, join(dir, 'form.xlsx')], { encoding: 'utf8', timeout: 120_000 });
    expect(conv.status, conv.stderr).toBe(0);
    const fods = readFileSync(join(out, 'form.fods'), 'utf8');
    expect(fods).toMatch(/table:condition="of:is-true-formula\(OR\(ISNUMBER\(\[\.F2\]\);TRIM\(\[\.F2\]\)=&quot;—&quot;\)\)" table:allow-empty-cell="true"/u);
    // on the form's cells, none on the instructions sheet
    const [form, help] = fods.split('<table:table table:name="填报说明"') as [string, string];
    expect(form.split('table:content-validation-name=').length - 1).toBeGreaterThan(rows.length);
    expect(help).not.toMatch(/table:content-validation-name=/);
    // ... and its formula, evaluated by LibreOffice on “—”, a number, a word and a hyphen.
    const custom = rules.find((r) => r.type === 'custom')!;
    const probe = ['—', '12.5', 'abc', '-'];
    const quote = (v: string) => `"${v.replaceAll('"', '""')}"`;
    const lines = probe.map((v, i) => `${quote(v)},${quote(`=${custom.formula.replaceAll(custom.sqref.split(':')[0]!, `A${i + 1}`)}`)}`);
    writeFileSync(join(out, 'probe.csv'), `${lines.join('\n')}\n`);
    const csvFilter = 'Text - txt - csv (StarCalc):44,34,76,1';
    const calc = spawnSync('soffice', [profile, '--headless', '--infilter=CSV:44,34,76,1', '--convert-to', `csv:${csvFilter},,0,false,true`, '--outdir', join(out, 'calc'), join(out, 'probe.csv')], { encoding: 'utf8', timeout: 120_000 });
    expect(calc.status, calc.stderr).toBe(0);
    const result = readFileSync(join(out, 'calc', 'probe.csv'), 'utf8').trim().split(/\r?\n/).map((l) => l.split(',').at(-1));
    // TRUE and FALSE, as the CSV export writes them
    expect(result).toEqual(['1', '1', '0', '0']);
  }, 240_000);
});
