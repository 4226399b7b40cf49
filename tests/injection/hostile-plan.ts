// The hostile text the injection tests trace into every export: a 备注 per region, and an
// indicator's name, nameEn and aliases written into a copy of plan/ (given with --plan).
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { ROOT } from '../cli/helpers.js';

/** The 备注 of each region's row: every way a cell can start a formula, markup, a table break. */
export const NOTES: Record<string, string> = {
  泰州市: '=HYPERLINK("http://evil","x")',
  海陵区: '+cmd|/C calc',
  高港区: '-1+1',
  姜堰区: '@SUM(A1)',
  兴化市: '<script>alert(1)</script>',
  靖江市: 'a|b\nc',
  泰兴市: '\t=1+1',
};

/** What the plan copy says of 新生儿死亡率 and 婴儿死亡率: names and aliases as hostile as the notes. */
export const NAME = '新生儿死亡率=HYPERLINK("http://evil","x")<script>alert(1)</script>|a\nb';
export const NAME_EN = '=HYPERLINK("http://evil","x") <script>alert(2)</script> | a\nb';
export const NAME_2 = '\t@SUM(A1)|<b>婴儿';
export const ALIASES = ['=HYPERLINK("http://evil","y")', '\t+cmd', '<script>alert(3)</script>', 'a|b\nc'];

const yamlString = (s: string) => JSON.stringify(s);
/** A CSV cell as Excel quotes it. */
export const csvCell = (s: string) => (/[",\r\n\t]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

/** Copies plan/ into dir/plan with 新生儿死亡率 and 婴儿死亡率 renamed and aliased as above. */
export function writeHostilePlan(dir: string): void {
  cpSync(join(ROOT, 'plan'), join(dir, 'plan'), { recursive: true });
  const health = join(dir, 'plan', 'health.yaml');
  const text = readFileSync(health, 'utf8')
    .replace(
      '    name: 新生儿死亡率\n    nameEn: Neonatal mortality rate\n    aliases: [新生儿死亡率（‰）]\n',
      `    name: ${yamlString(NAME)}\n    nameEn: ${yamlString(NAME_EN)}\n    aliases: [新生儿死亡率（‰）, ${ALIASES.map(yamlString).join(', ')}]\n`,
    )
    // 婴儿死亡率 stays an alias (its （‰） spelling reads the same), so the rows still match.
    .replace('    name: 婴儿死亡率\n', `    name: ${yamlString(NAME_2)}\n`);
  expect(text).toContain(yamlString(NAME));
  expect(text).toContain(yamlString(NAME_2));
  writeFileSync(health, text);
}
