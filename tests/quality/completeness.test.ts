// Completeness against the plan: which indicator × region × year cells a return owes.
import { describe, expect, it } from 'vitest';
import { readReturns } from '../../src/ingest/read-returns.js';
import { deriveCells } from '../../src/engine/derive.js';
import { presence } from '../../src/quality/completeness.js';
import { checkQuality } from '../../src/quality/index.js';
import { bytesOf, realContext, text } from './real-plan.js';

function report(body: string, townships = false) {
  const ctx = realContext(townships);
  const read = readReturns([text(body, 'c.csv')], ctx);
  expect(read.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return checkQuality(ctx.plan, ctx.regions, read.observations, { where: { file: 'c.csv' } });
}
const districts = ['海陵区', '高港区', '姜堰区', '兴化市', '靖江市', '泰兴市'];
const rows = (indicator: string, cells: (d: string) => string, year = 2025) => districts.map((d) => `${indicator},${d},${year},${cells(d)}`).join('\n');
const HEAD = '指标,地区,年份,数值,分子,分母,城乡,备注\n';

describe('completeness', () => {
  it('counts a city derived from all of its 市(区) as present', () => {
    const r = report(HEAD + rows('新生儿死亡率', () => '1.5,3,2000,,'));
    const neonatal = r.completeness.cells.filter((c) => c.indicator === 'neonatal-mortality');
    expect(neonatal.map((c) => [c.region, c.state])).toEqual([['321200', 'derived'], ...['321202', '321203', '321204', '321281', '321282', '321283'].map((c) => [c, 'given'])]);
    expect(r.findings.filter((d) => d.code === 'quality/missing-cells')).toEqual([]);
  });

  it('reports a 市(区) missing, once per indicator and region with its years, and not the city that cannot be derived because of it', () => {
    const body = HEAD + rows('新生儿死亡率', (d) => (d === '高港区' ? '' : '1.5,3,2000,,'), 2024).replace(/^新生儿死亡率,高港区.*\n?/mu, '') + '\n' + rows('新生儿死亡率', (d) => (d === '高港区' ? '' : '1.5,3,2000,,')).replace(/^新生儿死亡率,高港区.*\n?/mu, '') + '\n婴儿死亡率,高港区,2025,2,,,,';
    const r = report(body);
    const missing = r.findings.filter((d) => d.code === 'quality/missing-cells' && d.params.indicator === '新生儿死亡率');
    expect(missing.map((d) => [d.severity, d.params.region, d.params.years, d.file, d.line])).toEqual([['warning', '高港区', '2024、2025', 'c.csv', undefined]]);
    const city = r.completeness.cells.filter((c) => c.indicator === 'neonatal-mortality' && c.region === '321200');
    expect(city.map((c) => c.state)).toEqual(['missing', 'missing']);
  });

  it('a value reported missing (— or a 备注) is not a gap to report again', () => {
    const r = report(HEAD + rows('新生儿死亡率', (d) => (d === '高港区' ? '—,,,,未开展' : '1.5,3,2000,,')));
    expect(r.findings.filter((d) => d.code === 'quality/missing-cells')).toEqual([]);
    expect(r.completeness.counts['reported-missing']).toBe(1);
  });

  it('wants the 城市 and 农村 parts a split target judges, not the total', () => {
    const r = report(HEAD + rows('家长学校或者家庭教育指导服务站点建成率', () => ',5,5,城市,'));
    const missing = r.findings.filter((d) => d.code === 'quality/missing-cells').map((d) => d.params.region);
    expect(missing).toEqual(districts.map((d) => `${d} 农村`));
  });

  it('wants every township of an every-township target, from the regions file, below the 市(区) covered', () => {
    const r = report(`${HEAD}适龄儿童免疫规划疫苗接种率,城东街道,2025,98,,,,\n`, true);
    const immunization = r.completeness.cells.filter((c) => c.indicator === 'immunization-rate');
    // 城东街道 is in 海陵区, which has three townships in samples/townships.csv.
    expect(immunization.map((c) => [c.state, c.column])).toEqual([['given', '321202'], ['missing', '321202'], ['missing', '321202']]);
    const all = report(HEAD + districts.map((d) => `新生儿死亡率,${d},2025,1.5,,,,`).join('\n') + `\n适龄儿童免疫规划疫苗接种率,城东街道,2025,98,,,,\n`, true);
    expect(all.completeness.cells.filter((c) => c.indicator === 'immunization-rate')).toHaveLength(18);
  });

  it('judges a return for the regions it covers: a 区\'s own return is not incomplete for the other 区', () => {
    const r = report(`${HEAD}新生儿死亡率,海陵区,2025,1.5,7,4656,,\n新生儿死亡率,高港区,2025,1.6,3,1882,,\n婴儿死亡率,海陵区,2025,2.4,11,4656,,\n`);
    expect(r.completeness.regions.map((c) => c.name)).toEqual(['海陵区', '高港区']);
    expect(r.findings.filter((d) => d.code === 'quality/missing-cells').map((d) => [d.params.indicator, d.params.region])).toEqual([['婴儿死亡率', '高港区']]);
  });

  it('says once that every-township targets cannot be checked without the townships', () => {
    const r = report(HEAD + rows('新生儿死亡率', () => '1.5,,,,'));
    expect(r.findings.filter((d) => d.code === 'quality/units-unknown').map((d) => d.params.indicators)).toEqual(['适龄儿童免疫规划疫苗接种率']);
  });

  it('lists the indicators a return does not cover in one note, and reports gaps only in those it covers', () => {
    const r = report(HEAD + rows('新生儿死亡率', () => '1.5,,,,'));
    const absent = r.findings.filter((d) => d.code === 'quality/indicators-absent');
    // 57 targets, less the one given and the every-township one that cannot be checked here.
    expect(absent.map((d) => [d.severity, d.params.count])).toEqual([['info', 55]]);
    expect(r.completeness.absent).toHaveLength(55);
    // 6 values given; the city of a rate given as values only cannot be derived.
    expect(r.findings.filter((d) => d.code === 'quality/missing-cells').map((d) => d.params.region)).toEqual(['泰州市']);
  });

  it('covers only the years the return gives', () => {
    expect(report(HEAD + rows('新生儿死亡率', () => '1.5,3,2000,,')).completeness.years).toEqual([2025]);
  });

  it('the main sample: only the four cells left empty on purpose, and the city above each', () => {
    const ctx = realContext(true);
    const read = readReturns([{ file: 'taizhou-2020-2025.csv', bytes: bytesOf('samples', 'taizhou-2020-2025.csv') }], ctx);
    const r = checkQuality(ctx.plan, ctx.regions, read.observations);
    const gaps = r.completeness.cells.filter((c) => c.state !== 'given' && c.state !== 'derived');
    expect(gaps.map((c) => `${c.indicator} ${c.region} ${c.year} ${c.state}`).sort()).toEqual([
      'caries-age-12 321200 2021 missing',
      'caries-age-12 321202 2021 reported-missing',
      'mental-health-literacy 321200 2025 missing',
      'mental-health-literacy 321203 2025 reported-missing',
      'new-myopia-rate 321200 2022 missing',
      'new-myopia-rate 321281 2022 reported-missing',
      'sexual-health-knowledge 321200 2020 missing',
      'sexual-health-knowledge 321282 2020 reported-missing',
    ]);
    expect(r.findings.filter((d) => d.code === 'quality/missing-cells')).toEqual([]);
  });
});

describe('presence agrees with the engine\'s derivation', () => {
  it.each([
    ['taizhou-2020-2025.csv', true],
    ['taizhou-2025-gbk.csv', false],
  ])('on every cell of %s', (name, townships) => {
    const ctx = realContext(townships);
    const read = readReturns([{ file: name, bytes: bytesOf('samples', name) }], ctx);
    const store = deriveCells(read.observations, ctx.plan.indicators, ctx.regions);
    const stateAt = presence(read.observations, ctx.plan.indicators, ctx.regions);
    const years = [...new Set(read.observations.map((o) => o.year))];
    let compared = 0;
    for (const indicator of ctx.plan.indicators) {
      for (const region of ctx.regions.all) {
        for (const year of years) {
          for (const [sex, residence] of [['total', 'total'], ['total', 'urban'], ['total', 'rural'], ['male', 'total'], ['female', 'total']] as const) {
            const o = store.get(indicator.id, region.code, year, sex, residence);
            const engine = !o ? 'missing' : o.invalid ? 'invalid' : o.derived ? 'derived' : o.value === null ? 'reported-missing' : 'given';
            expect(stateAt(indicator.id, region.code, year, sex, residence), `${indicator.id} ${region.code} ${year} ${sex} ${residence}`).toBe(engine);
            compared++;
          }
        }
      }
    }
    expect(compared).toBeGreaterThan(1000);
  });
});

describe('presence on invalid cells and parts', () => {
  it('agrees with the engine where cells conflict, disagree with their ratio, or come in parts', () => {
    const ctx = realContext();
    const body = [
      '指标,地区,年份,数值,分子,分母,城乡,性别',
      ...districts.map((d, i) => `新生儿死亡率,${d},2025,${i === 0 ? '9.9' : '1.5'},3,2000,,`),
      ...districts.map((d) => `家长学校或者家庭教育指导服务站点建成率,${d},2025,,9,10,城市,`),
      ...districts.map((d, i) => (i === 2 ? '' : `家长学校或者家庭教育指导服务站点建成率,${d},2025,,8,10,农村,`)).filter(Boolean),
      '５岁以下儿童贫血率,海陵区,2025,,3,100,,男',
      '５岁以下儿童贫血率,海陵区,2025,,4,100,,女',
      '５岁以下儿童贫血率,高港区,2025,2,,,,男',
      '５岁以下儿童贫血率,高港区,2025,3,,,,女',
      '特殊教育学校数,海陵区,2025,1,,,,',
      '特殊教育学校数,海陵区,2025,2,,,,',
    ].join('\n');
    const read = readReturns([text(body)], ctx);
    const store = deriveCells(read.observations, ctx.plan.indicators, ctx.regions);
    const stateAt = presence(read.observations, ctx.plan.indicators, ctx.regions);
    const states: string[] = [];
    for (const id of ['neonatal-mortality', 'parent-school-rate', 'under5-anaemia', 'special-schools']) {
      for (const region of ctx.regions.all) {
        for (const [sex, residence] of [['total', 'total'], ['total', 'urban'], ['total', 'rural'], ['male', 'total']] as const) {
          const o = store.get(id, region.code, 2025, sex, residence);
          const engine = !o ? 'missing' : o.invalid ? 'invalid' : o.derived ? 'derived' : o.value === null ? 'reported-missing' : 'given';
          expect(stateAt(id, region.code, 2025, sex, residence), `${id} ${region.code} ${sex} ${residence}`).toBe(engine);
          states.push(engine);
        }
      }
    }
    expect(new Set(states)).toEqual(new Set(['given', 'derived', 'invalid', 'missing']));
  });
});
