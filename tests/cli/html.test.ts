// `evaluate --format html` and `-o table.html` through the built binary: one self-contained
// page (no script, no request, a Content-Security-Policy), a table per region and year with a
// row per result and its status coloured, the findings after, both languages; an empty run
// says why.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { SAMPLE, STACK_LINE, TOWNSHIPS, fixture, parseEvaluation, plancheck, tempDir } from './helpers.js';

vi.setConfig({ testTimeout: 60_000 });

const count = (text: string, re: RegExp) => text.match(re)?.length ?? 0;

describe('evaluate --format html', () => {
  it('the sample: a section per region, a row per result, statuses as the JSON counts them', () => {
    const dir = tempDir('plancheck-html-');
    const r = plancheck(['evaluate', SAMPLE, '--regions', TOWNSHIPS, '-q', '-o', join(dir, 'table.html'), '-o', join(dir, 'results.json')]);
    expect(r.stderr).not.toMatch(STACK_LINE);
    expect(r.code, r.stderr).toBe(1);
    const html = readFileSync(join(dir, 'table.html'), 'utf8');
    const json = parseEvaluation(readFileSync(join(dir, 'results.json'), 'utf8'));

    expect(html.startsWith('<!DOCTYPE html>\n<html lang="zh-CN">')).toBe(true);
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`);
    expect(html).not.toMatch(/<script|<link|<img|src=|href="http/u);
    expect(html).toContain('<h1>泰州市“十四五”儿童发展规划</h1>');
    expect(html).toContain(`共 ${json.results.length} 项：达标 ${json.summary.met}，未达标 ${json.summary['not-met']}`);

    // Seven regions, one year: seven sections, each with the plan's areas as header rows.
    expect(count(html, /<section><h2>[^<]+ 2025年<\/h2>/gu)).toBe(7);
    expect(html).toContain('<section><h2>靖江市 2025年</h2>');
    expect(count(html, /<tr class="row-area">/gu)).toBe(7 * 8);
    // A row per result, its status cell classed by status.
    expect(count(html, /<td class="st st-/gu)).toBe(json.results.length);
    for (const status of ['met', 'not-met', 'no-data'] as const) expect(count(html, new RegExp(`<td class="st st-${status}">`, 'gu')), status).toBe(json.summary[status]);
    // The 说明 of a unit-level miss, its interval and the derived mark.
    // Corrected (issue 20 items 3 and 9): immunisation coverage is a complete count (nature: census), so it
    // carries no interval and no chance note; the plan's two decimals are kept.
    expect(html).toMatch(/未达标：季市镇 94\.20%；备注：流动儿童补种未完成/u);
    expect(html).not.toMatch(/季市镇 94\.20%（差异无统计学意义/u);
    expect(html).toContain('* 由下级地区或分组数据汇总推算');
    // The returns' 备注 in the 说明 of the result they belong to.
    expect(html).toMatch(/<td class="name">★1 新生儿死亡率<\/td>(?:(?!<\/tr>).)*备注：2025年出生缺陷死亡病例集中，已逐例核实<\/td><\/tr>/u);
  });

  it('--format html to stdout is the same page as -o; --lang en in English', () => {
    const dir = tempDir('plancheck-html-');
    const env = { SOURCE_DATE_EPOCH: '1700000000' };
    plancheck(['evaluate', SAMPLE, '--regions', TOWNSHIPS, '-q', '-o', join(dir, 'a.html')], { env });
    const piped = plancheck(['evaluate', SAMPLE, '--regions', TOWNSHIPS, '--format', 'html'], { env });
    expect(piped.code).toBe(1);
    expect(piped.stdout).toBe(readFileSync(join(dir, 'a.html'), 'utf8'));
    const en = plancheck(['evaluate', SAMPLE, '--regions', TOWNSHIPS, '--format', 'html', '--lang', 'en']);
    expect(en.stdout.startsWith('<!DOCTYPE html>\n<html lang="en">')).toBe(true);
    expect(en.stdout).toContain('<section><h2>靖江市, 2025</h2>');
    expect(en.stdout).toContain('<th>Indicator</th><th>Target</th><th>Value</th><th>Status</th><th>Gap</th><th>Detail</th>');
  });

  it('lists the findings, located and escaped', () => {
    const dir = tempDir('plancheck-html-');
    writeFileSync(join(dir, 'data.csv'), '指标,地区,年份,数值,备注\n新生儿死亡率,海陵区,2025,0.2%,<b>见说明</b>\n');
    const r = plancheck(['evaluate', 'data.csv', '--format', 'html'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('<h2>数据问题</h2>');
    expect(r.stdout).toMatch(/<li>data\.csv:2:4: 提示: 海陵区 2025年：“新生儿死亡率”的数值以“%”填写，已换算为 2‰/u);
    expect(r.stdout).not.toContain('<b>见说明</b>');
  });

  it('a run that evaluates nothing: exit 2, and the page says why', () => {
    const r = plancheck(['evaluate', fixture('bounds.csv'), '--year', '1999', '--format', 'html']);
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(/<p class="st-invalid">错误: .*\[run\/year-absent\]<\/p>/u);
    expect(r.stdout).not.toContain('<table>');
  });
});
