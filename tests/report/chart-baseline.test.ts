// The report's charts start from the 2020 baseline its text measures from (issue 21 loose end):
// the plan's stated figure (婴儿死亡率 1.94‰) in place of the return's (2.03‰), drawn as a ring
// and said in the caption; the return's own figure with --baseline returns; no note where the two
// agree (新生儿死亡率 1.54‰). Through the BUILT binary on a two-indicator city return
// (tests/fixtures/report/chart-baseline.csv), read back from the HTML's SVG and the Word caption.
import { existsSync, readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it, vi } from 'vitest';
import { plancheck, tempDir } from '../cli/helpers.js';

vi.setConfig({ testTimeout: 180_000 });

const RETURN = 'tests/fixtures/report/chart-baseline.csv';

/** The figure (SVG and caption) of one indicator's chart in the HTML report. */
function figure(html: string, indicator: string): { svg: string; caption: string } {
  const m = new RegExp(`<figure class="chart">(<svg[^>]*aria-label="${indicator} — 泰州市"[\\s\\S]*?</svg>)<figcaption>([\\s\\S]*?)</figcaption>`).exec(html);
  expect(m, indicator).not.toBeNull();
  return { svg: m![1]!, caption: m![2]! };
}

/** The labels of the plotted points, in the order drawn (font-size 10 marks a point's label). */
const pointLabels = (svg: string) => [...svg.matchAll(/<text [^>]*font-size="10">([^<]*)<\/text>/g)].map((x) => x[1]);

function html(stage: 'midterm' | 'final', extra: string[] = [], lang = 'zh'): string {
  const out = join(tempDir(), 'r.html');
  const r = plancheck(['report', RETURN, '--stage', stage, '--lang', lang, '-q', '-o', out, ...extra]);
  expect(r.code, r.stderr).toBe(0);
  return readFileSync(out, 'utf8');
}

describe('a chart’s 2020 point is the baseline the text uses', () => {
  for (const stage of ['midterm', 'final'] as const) {
    it(`${stage}: the plan's 1.94‰ replaces the return's 2.03‰, drawn as a ring and said in the caption`, () => {
      const page = html(stage);
      const { svg, caption } = figure(page, '婴儿死亡率');
      expect(pointLabels(svg)).toEqual(stage === 'midterm' ? ['1.94', '1.90'] : ['1.94', '1.90', '1.82']);
      expect(svg).not.toContain('2.03');
      expect(svg.match(/data-baseline="plan"/g)).toHaveLength(1);
      expect(caption).toContain('○ 2020年为规划所述基线1.94‰（报表数2.03‰）');
      // The text measures from the same figure.
      expect(page).toContain(stage === 'midterm' ? '婴儿死亡率为1.90‰，比2020年下降0.04个千分点' : '婴儿死亡率为1.82‰，比2020年下降0.12个千分点');
    });
  }

  it('where the return agrees with the plan (新生儿死亡率 1.54‰) the point is the usual one and the caption says nothing', () => {
    const { svg, caption } = figure(html('midterm'), '新生儿死亡率');
    expect(pointLabels(svg)).toEqual(['1.54', '1.40']);
    expect(svg).not.toContain('data-baseline');
    expect(caption).not.toContain('规划所述基线');
  });

  it('--baseline returns: the return’s 2.03‰ is drawn, no ring, no note', () => {
    const { svg, caption } = figure(html('midterm', ['--baseline', 'returns']), '婴儿死亡率');
    expect(pointLabels(svg)).toEqual(['2.03', '1.90']);
    expect(svg).not.toContain('data-baseline');
    expect(caption).not.toContain('规划所述基线');
  });

  it('--lang en: the caption says it in English', () => {
    const { caption } = figure(html('midterm', [], 'en'), 'Infant mortality rate');
    expect(caption).toContain('○ 2020: the plan’s stated baseline, 1.94‰ (the returns give 2.03‰)');
  });
});

/** Is a CJK font where the CLI looks for one (src/cli/chart-png.ts)? Then the Word file has the charts. */
const cjkFont = ['/usr/share/fonts', '/usr/local/share/fonts'].some((d) => existsSync(d) && spawnSync('sh', ['-c', `find ${d} -iname '*cjk*' -o -iname '*wqy*' -o -iname '*sourcehan*' -o -iname '*droidsansfallback*' | head -1`], { encoding: 'utf8' }).stdout.trim() !== '');

describe('the Word file', () => {
  it.skipIf(!cjkFont)('the figure caption carries the same note', async () => {
    const out = join(tempDir(), 'r.docx');
    const r = plancheck(['report', RETURN, '--stage', 'midterm', '-q', '-o', out]);
    expect(r.code, r.stderr).toBe(0);
    const zip = await JSZip.loadAsync(readFileSync(out));
    const body = await zip.file('word/document.xml')!.async('string');
    const text = [...body.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
    expect(text).toMatch(/图\d+ 婴儿死亡率 — 泰州市　○ 2020年为规划所述基线1\.94‰（报表数2\.03‰）/);
    expect(text).toMatch(/图\d+ 新生儿死亡率 — 泰州市图/);
  });
});
