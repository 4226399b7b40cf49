#!/usr/bin/env node
// Writes the synthetic sample returns of plancheck (NOT official statistics):
//   taizhou-2020-2025.csv  long format, UTF-8 with BOM, CRLF (Excel "CSV UTF-8")
//   townships.csv          --regions file: a few 乡镇（街道） per 市（区）
//   taizhou-2025-gbk.csv   2025 district rows, GB18030, messy cells (encoded by to-gbk.py)
// Deterministic: a seeded PRNG; run `node samples/generate.mjs` from anywhere.
import { writeFileSync, readFileSync, readdirSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import YAML from 'yaml';

const HERE = dirname(fileURLToPath(import.meta.url));
const YEARS = [2020, 2021, 2022, 2023, 2024, 2025];
let seed = 20211231; // mulberry32
const rnd = () => { seed = (seed + 0x6d2b79f5) | 0; let t = seed; t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61); return ((t ^ (t >>> 14)) >>> 0) / 4294967296; };
const jitter = (a) => a * (rnd() * 2 - 1);

// 市（区）: 2020 resident population and its yearly growth; communities / villages / townships.
// 泰兴市 is written by its 行政区划代码 throughout (`label`). 高港区 stays below 300 000.
const D = [
  { name: '海陵区', code: '321202', pop: 702300, g: 0.004, urban: 64, rural: 31, towns: 9 },
  { name: '高港区', code: '321203', pop: 284600, g: 0.002, urban: 27, rural: 58, towns: 7 },
  { name: '姜堰区', code: '321204', pop: 711800, g: -0.003, urban: 42, rural: 126, towns: 14 },
  { name: '兴化市', code: '321281', pop: 1121500, g: -0.004, urban: 71, rural: 510, towns: 35 },
  { name: '靖江市', code: '321282', pop: 684200, g: -0.002, urban: 53, rural: 104, towns: 11 },
  { name: '泰兴市', code: '321283', pop: 1003600, g: -0.003, urban: 62, rural: 298, towns: 16, label: '321283' },
];
const popOf = (d, y) => Math.round(d.pop * (1 + d.g * (y - 2020)));
const TOWNS = [ // code, name, parent, population (a sample of each 市（区）'s 乡镇（街道）)
  ['321202001', '城东街道', '321202', 98600], ['321202002', '城西街道', '321202', 86300], ['321202101', '九龙镇', '321202', 52400],
  ['321203001', '口岸街道', '321203', 78900], ['321203002', '刁铺街道', '321203', 41200], ['321203102', '白马镇', '321203', 36800],
  ['321204001', '罗塘街道', '321204', 112500], ['321204002', '三水街道', '321204', 76300], ['321204103', '溱潼镇', '321204', 43900],
  ['321281001', '昭阳街道', '321281', 186200], ['321281102', '戴南镇', '321281', 98700], ['321281115', '千垛镇', '321281', 62400],
  ['321282001', '靖城街道', '321282', 152800], ['321282101', '新桥镇', '321282', 68500], ['321282104', '季市镇', '321282', 71600],
  ['321283001', '济川街道', '321283', 143700], ['321283102', '黄桥镇', '321283', 152300], ['321283110', '虹桥镇', '321283', 69800],
];

// Denominators, per resident of the 市（区） (births fall 4.5 % a year); `fixed` ones are unit counts.
const DEN = {
  births: [0.0082, -0.045], u3: [0.021], u5: [0.036], u7: [0.062], c06: [0.055], u14: [0.125], minors: [0.165],
  pupils: [0.095], age12: [0.0105], k35: [0.027], survey: [0.0018], disabled: [0.0009], rehab: [0.0004],
  leftBehind: [0.0025], schools: [1 / 6500, 0, 'fixed'], clinics: [1 / 32000, 0, 'fixed'], highSchools: [1 / 55000, 0, 'fixed'],
  rides: [1 / 25000, 0, 'fixed'], batches: [1 / 5000, 0, 'fixed'], libraries: [1 / 9000, 0, 'fixed'], pop: [1, 0, 'pop'],
};
function denominator(kind, d, y) {
  if (kind === 'one') return 1;
  if (kind === 'towns') return d.towns;
  const [per, g = 0, how] = DEN[kind];
  const base = popOf(d, y) * per * (1 + g) ** (y - 2020);
  if (how === 'pop') return popOf(d, y);
  if (how === 'fixed') return Math.max(1, Math.round(d.pop * per));
  return Math.round(base * (1 + jitter(0.012)));
}

// The indicators: [id, denominator, 2020 value, 2025 value, options]. Values are in the
// indicator's unit; intermediate years are linear plus `noise`; each 市（区） is shifted by
// up to ±`spread`. Options: ov {region: [v2020, v2025] | six values}; at {region: {year:
// [分子, 分母] | '—' | ''}}; note {region: {year|'*': text}}; label {region: 指标 as written};
// dec (decimals, default 2). Percentages never exceed 100 (分子 ≤ 分母).
const RATES = [
  ['neonatal-mortality', 'births', 1.45, 1.2, { spread: 0.3, noise: 0.2, label: { 海陵区: '新生儿死亡率（‰）' }, at: { 兴化市: { 2025: [21, 7000] } },
    note: { 兴化市: { 2025: '2025年出生缺陷死亡病例集中，已逐例核实' } } }],
  // Two cells set by hand so that 婴儿死亡率 ≥ 新生儿死亡率 holds everywhere (plan/checks.yaml).
  ['infant-mortality', 'births', 2.05, 1.8, { spread: 0.3, noise: 0.2, at: { 高港区: { 2022: [5, 2157] }, 兴化市: { 2025: [22, 7142] } },
    note: { 兴化市: { 2025: '2025年出生缺陷死亡病例集中，已逐例核实' } } }],
  ['under5-mortality', 'births', 3.45, 3.0, { spread: 0.35, noise: 0.2 }],
  ['eye-care-coverage-0-6', 'c06', 96.8, 98.9, { spread: 0.4, noise: 0.2, at: { 高港区: { 2025: [15288, 15600] } } }],
  ['paediatricians-per-1000-children', 'u14', 0.62, 0.87, { spread: 0.02, noise: 0.02, at: { 高港区: { 2025: [30, 36100] } } }],
  ['school-psych-teacher-rate', 'schools', 82, 100, { spread: 5, noise: 2, label: { 兴化市: '心理教师配备率' } }],
  ['mental-health-literacy', 'survey', 78, 91.5, { spread: 1, noise: 1,
    at: { 高港区: { 2025: '—' } }, note: { 高港区: { 2025: '抽样调查结果尚未公布' } } }],
  ['primary-care-child-health-doctor-rate', 'clinics', 90, 100, { spread: 4, noise: 2 }],
  ['under5-anaemia', 'u5', 3.55, 2.8, { spread: 0.3, noise: 0.15 }],
  ['under5-stunting', 'u5', 0.63, 0.55, { spread: 0.06, noise: 0.03 }],
  ['child-overweight', 'pupils', 15.8, 15.0, { spread: 0.8 }],
  ['child-obesity', 'pupils', 10.4, 9.9, { spread: 0.6, ov: { 姜堰区: [10.2, 10.0, 9.9, 9.8, 10.1, 9.9] },
    note: { 姜堰区: { 2024: '课后服务时段调整，肥胖检出率回升' } } }],
  ['new-myopia-rate', 'pupils', 10.8, 8.6, { spread: 0.7, at: { 兴化市: { 2022: '' } }, note: { 兴化市: { 2022: '受疫情影响未开展筛查' } } }],
  ['myopia-prevalence', 'pupils', 0, 0, { noise: 0.2, ov: { 海陵区: [54.8, 48.6], 高港区: [52.6, 49.9], 姜堰区: [55.1, 52.0],
    兴化市: [57.3, 54.3], 靖江市: [53.9, 50.7], 泰兴市: [56.2, 53.3] } }],
  ['student-fitness-good-rate', 'pupils', 52, 67.5, { spread: 1.5, noise: 1 }],
  ['school-counselling-room-coverage', 'schools', 88, 100, { spread: 4, noise: 2 }],
  ['sexual-health-knowledge', 'survey', 70, 84, { spread: 1.5, noise: 1,
    at: { 靖江市: { 2020: '—' } }, note: { 靖江市: { 2020: '2021年起开展调查' } } }],
  ['under3-systematic-management', 'u3', 92.5, 96.3, { spread: 0.5, noise: 0.3,
    label: { 靖江市: 'under3-systematic-management' }, at: { 靖江市: { 2025: [13300, 14000] } } }],
  ['under7-health-management', 'u7', 96.8, 98.8, { spread: 0.3, noise: 0.2 }],
  ['caries-age-12', 'age12', 28.5, 23.2, { spread: 1, noise: 0.6,
    at: { 海陵区: { 2021: '' } }, note: { 海陵区: { 2021: '当年未开展口腔健康检查' } } }],
  ['myopia-monitoring-coverage', 'one', 100, 100, { at: { 高港区: { 2020: [0, 1] } } }],
  ['injury-mortality', 'minors', 13.2, 8.8, { spread: 0.8, noise: 0.5, ov: { 321283: [14.6, 12.4] },
    note: { 321283: { 2022: '2022年起按新口径统计（含溺水以外意外伤害）' } } }],
  ['child-products-pass-rate', 'batches', 93.5, 97.2, { spread: 1, noise: 1 }],
  ['amusement-ride-inspection-pass-rate', 'rides', 100, 100, {}],
  ['amusement-ride-periodic-inspection-rate', 'rides', 95, 100, { spread: 3, noise: 2 }],
  ['preschool-gross-enrolment', 'k35', 98.4, 99.4, { spread: 0.3, noise: 0.2, ov: { 兴化市: [97.0, 97.5] } }],
  ['quality-kindergarten-coverage', 'k35', 92.9, 94.6, { spread: 1, noise: 0.4 }],
  ['inclusive-kindergarten-coverage', 'k35', 90.2, 92.8, { spread: 0.6, noise: 0.3, note: { '*': { 2025: '含普惠性民办幼儿园' } } }],
  ['compulsory-retention', 'age12', 100, 100, {}],
  ['high-school-gross-enrolment', 'age12', 99.2, 100, { spread: 0.3, noise: 0.2 }],
  ['four-star-high-school-share', 'highSchools', 66, 80, { spread: 3, noise: 2, label: { 姜堰区: '四星级高中占比' },
    at: { 高港区: { 2020: [3, 6], 2021: [3, 6], 2022: [3, 6], 2023: [4, 6], 2024: [4, 6], 2025: [4, 6] } } }],
  ['disabled-compulsory-gross-enrolment', 'disabled', 97, 98.9, { spread: 0.3, noise: 0.3 }],
  ['smart-campus-rate', 'schools', 42, 82, { spread: 4, noise: 3 }],
  ['school-broadband-coverage', 'schools', 97, 100, { spread: 1, noise: 1 }],
  ['childcare-places-per-1000', 'pop', 2.3, 4.65, { spread: 0.1, noise: 0.1, ov: { 高港区: [2.1, 4.12] } }],
  ['disabled-rehab-service-rate', 'rehab', 95, 100, { spread: 2, noise: 1 }],
  ['minor-protection-institution-rate', 'one', 100, 100, { at: { 高港区: { 2020: [0, 1] }, 姜堰区: { 2020: [0, 1] } } }],
  ['care-agreement-rate', 'leftBehind', 97, 100, { spread: 1, noise: 0.5 }],
  ['township-minor-protection-station-coverage', 'towns', 55, 100, { spread: 10, noise: 4 }],
  ['parent-child-reading-library-share', 'libraries', 80, 93.5, { spread: 2, noise: 2 }],
  ['green-school-rate', 'schools', 72, 96.5, { spread: 1, noise: 2 }],
  ['eco-education-rate', 'survey', 88, 96.5, { spread: 0.8, noise: 0.6 }],
  ['waste-sorting-awareness', 'survey', 90, 100, { spread: 2, noise: 1 }],
  ['juvenile-offending-share', 'minors', 0.062, 0.041, { spread: 0.006, dec: 3 }],
];
// Counts: [id, {region: [2020, 2025]}] — integer paths in between.
const COUNTS = [
  ['special-schools', { 海陵区: [1, 1], 高港区: [0, 0], 姜堰区: [1, 1], 兴化市: [1, 2], 靖江市: [1, 1], 泰兴市: [1, 1] },
    { 高港区: '辖区适龄残疾儿童在市特殊教育学校就读' }],
  ['one-stop-venues', { 海陵区: [0, 1], 高港区: [0, 1], 姜堰区: [1, 1], 兴化市: [0, 2], 靖江市: [0, 1], 泰兴市: [1, 1] }],
  ['child-mental-care-centres', { 海陵区: [0, 1], 高港区: [0, 1], 姜堰区: [0, 1], 兴化市: [1, 1], 靖江市: [0, 1], 泰兴市: [0, 1] }],
  ['inclusive-childcare-institutions', { 海陵区: [6, 31], 高港区: [2, 12], 姜堰区: [4, 24], 兴化市: [7, 38], 靖江市: [5, 26], 泰兴市: [6, 35] }],
  ['provincial-child-friendly-communities', { 海陵区: [0, 2], 高港区: [0, 1], 姜堰区: [0, 1], 兴化市: [0, 1], 靖江市: [0, 1], 泰兴市: [0, 1] }],
];
// Hours a day (measure: value), 市（区） and 泰州市: [2020, 2025]; 海陵区 out-of-school stays short.
const HOURS = [
  ['outdoor-daylight-hours', 0.85, 1.2, {}],
  ['moderate-exercise-hours', 0.8, 1.1, {}],
  ['pe-hours-in-school', 0.9, 1.1, {}],
  ['pe-hours-out-of-school', 0.7, 1.05, { 海陵区: [0.6, 0.8] }],
];
const COUNCIL_FROM = { 泰州市: 2022, 海陵区: 2021, 高港区: 2022, 姜堰区: 2024, 兴化市: 2022, 靖江市: 2021, 泰兴市: 2023 };
const AIR_DAYS = { 2020: [294, 366], 2021: [300, 365], 2022: [289, 365], 2023: [283, 365], 2024: [285, 366], 2025: [278, 365] };

// ---- plan ----
const PLAN = join(HERE, '..', 'plan');
const plan = Object.fromEntries(readdirSync(PLAN).filter((f) => f.endsWith('.yaml')).map((f) => [f, YAML.parse(readFileSync(join(PLAN, f), 'utf8'))]));
const IND = new Map(Object.values(plan).flatMap((p) => p.indicators ?? []).map((i) => [i.id, i]));
const ind = (id) => IND.get(id) ?? fail(`indicator ${id} not in plan/`);
function fail(msg) { throw new Error(`self-check: ${msg}`); }

// ---- rows ----
const HEAD = ['指标', '地区', '年份', '数值', '分子', '分母', '性别', '城乡', '单位', '备注'];
const rows = [];
const fmt = (x, dec) => x.toFixed(dec);
function push(id, region, year, value, extra = {}) {
  const i = ind(id);
  rows.push({ id, 指标: extra.label ?? i.name, 地区: region, 年份: String(year), 数值: value, 分子: extra.n ?? '', 分母: extra.d ?? '',
    性别: extra.sex ?? '', 城乡: extra.area ?? '', 单位: i.unit, 备注: extra.note ?? '' });
}
function rateRow(id, region, year, v, d, o, extra = {}) {
  const i = ind(id), dec = o.dec ?? 2, cell = o.at?.[region]?.[year];
  const note = o.note?.[region]?.[year] ?? o.note?.[region]?.['*'] ?? o.note?.['*']?.[year];
  const base = { label: o.label?.[region], note, ...extra };
  if (cell === '' || cell === '—') return push(id, region, year, cell, base);
  let [n, dd] = Array.isArray(cell) ? cell : [Math.round((v * d) / i.scale), d];
  if (i.unit === '%') n = Math.min(n, dd);
  const tie = (m) => Math.abs((((m / dd) * i.scale * 10 ** dec) % 1) - 0.5) < 1e-9; // would round either way
  if (!Array.isArray(cell) && tie(n)) n -= 1;
  push(id, region, year, fmt((n / dd) * i.scale, dec), { ...base, n: String(n), d: String(dd) });
}
const lerp = (a, b, y) => a + ((b - a) * (y - 2020)) / 5;
function pathOf(o, key, v0, v5) {
  const ov = o.ov?.[key];
  if (ov?.length === 6) return YEARS.map((_, k) => ov[k]);
  const shift = jitter(o.spread ?? 0), [a, b] = ov ?? [v0 + shift, v5 === 100 ? 100 : v5 + shift];
  return YEARS.map((y) => lerp(a, b, y) + (y > 2020 && y < 2025 ? jitter(o.noise ?? 0) : 0));
}

for (const [id, den, v0, v5, o] of RATES) {
  for (const d of D) {
    const region = d.label ?? d.name, key = o.ov?.[d.name] ? d.name : region, path = pathOf(o, key, v0, v5);
    YEARS.forEach((y, k) => rateRow(id, region, y, path[k], denominator(den, d, y), { ...o, at: o.at && { [region]: o.at[key] ?? o.at[d.name] }, note: o.note && { ...o.note, [region]: o.note[key] ?? o.note[d.name] } }));
  }
}
// 适龄儿童免疫规划疫苗接种率 is reported by 乡镇（街道） (every-township target); 季市镇 slips to 94.2 %.
for (const [, name, , tp] of TOWNS) {
  const path = name === '季市镇' ? [96.8, 96.5, 96.1, 95.6, 95.1, 94.2] : pathOf({ spread: 0.8, noise: 0.3 }, name, 97.6, 98.6);
  const note = { [name]: { 2025: name === '季市镇' ? '流动儿童补种未完成' : undefined } };
  YEARS.forEach((y, k) => rateRow('immunization-rate', name, y, path[k],
    name === '季市镇' && y === 2025 ? 1000 : Math.round(tp * 0.014 * (1 + jitter(0.02))), { note }));
}
// 家长学校: 城市/农村 parts only (no total); ５岁以下儿童贫血率: 姜堰区 as 男/女 only — replace its total rows.
for (const d of D) {
  const region = d.label ?? d.name;
  for (const [area, den, a, b] of [['城市', d.urban, 90, 100], ['农村', d.rural, 72, d.name === '兴化市' ? 88.1 : 92.5]]) {
    const path = pathOf({ noise: 2 }, 'x', a, b);
    YEARS.forEach((y, k) => rateRow('parent-school-rate', region, y, path[k], den, { note: { [region]: { 2025: d.name === '兴化市' && area === '农村' ? '涉农社区数量多，建设进度滞后' : undefined } } }, { area }));
  }
}
for (let k = rows.length - 1; k >= 0; k--) if (rows[k].id === 'under5-anaemia' && rows[k].地区 === '姜堰区') rows.splice(k, 1);
const jy = D.find((d) => d.name === '姜堰区');
for (const [sex, share, dv] of [['男', 0.52, 0.25], ['女', 0.48, -0.25]]) {
  const path = pathOf({ noise: 0.15 }, sex, 3.6 + dv, 2.9 + dv);
  YEARS.forEach((y, k) => rateRow('under5-anaemia', '姜堰区', y, path[k], Math.round(denominator('u5', jy, y) * share),
    { label: { 姜堰区: '5岁以下儿童贫血率' }, note: { 姜堰区: { '*': '仅报送分性别数据' } } }, { sex }));
}
for (const d of D) YEARS.forEach((y) => push('resident-population', d.label ?? d.name, y, String(popOf(d, y))));
for (const [id, per, note] of COUNTS) for (const d of D) {
  const [a, b] = per[d.name];
  YEARS.forEach((y) => push(id, d.label ?? d.name, y, String(Math.round(lerp(a, b, y) - 0.01)), { note: note?.[d.name] }));
}
for (const [id, a, b, ov] of HOURS) for (const r of ['泰州市', ...D.map((d) => d.label ?? d.name)]) {
  const path = pathOf({ spread: r === '泰州市' ? 0 : 0.06, noise: 0.04, ov }, r === '321283' ? '泰兴市' : r, a, b);
  YEARS.forEach((y, k) => push(id, r, y, fmt(path[k], 2)));
}
for (const r of Object.keys(COUNCIL_FROM)) YEARS.forEach((y) =>
  push('children-council', r === '泰兴市' ? '321283' : r, y, y >= COUNCIL_FROM[r] ? '是' : '否'));
// 优良天数: 泰州市 from its own monitoring stations (not derived); each 市（区） offset by some days.
const AIR_SHIFT = [['泰州市', 0], ['海陵区', 2], ['高港区', 9], ['姜堰区', 11], ['兴化市', 16], ['靖江市', -3], ['321283', 3]];
for (const [r, s] of AIR_SHIFT) for (const y of YEARS) {
  const [c, d] = AIR_DAYS[y], n = c + s + (r !== '泰州市' && y > 2020 && y < 2025 ? Math.round(jitter(3)) : 0);
  push('good-air-days', r, y, fmt((n / d) * 100, 2), { n: String(n), d: String(d), note: y === 2025 ? '2025年为快报数' : '' });
}
// The three mortality rates share one denominator, the live births (plan/checks.yaml,
// mortality-live-births): 婴儿 and 5岁以下 take 新生儿's 活产数, their deaths kept, their rates
// recomputed. Done after the rows are made, so that the random draws, and every other row, stay.
const MORTALITY = ['neonatal-mortality', 'infant-mortality', 'under5-mortality'];
const birthsOf = new Map(rows.filter((r) => r.id === MORTALITY[0] && r.分母 !== '').map((r) => [[r.地区, r.年份, r.性别, r.城乡].join('|'), r.分母]));
for (const r of rows) {
  const births = birthsOf.get([r.地区, r.年份, r.性别, r.城乡].join('|'));
  if (!MORTALITY.slice(1).includes(r.id) || r.分子 === '' || births === undefined) continue;
  const dec = (r.数值.split('.')[1] ?? '').length;
  Object.assign(r, { 分母: births, 数值: fmt((+r.分子 / +births) * ind(r.id).scale, dec) });
}

// ---- self-check ----
const norm = (s) => s.normalize('NFKC').replace(/\s+/g, '');
const NAMES = new Map();
for (const i of IND.values()) for (const s of [i.id, i.name, ...(i.aliases ?? [])]) NAMES.set(norm(s), i.id);
const REGIONS = new Set([...plan['plan.yaml'].regions.flatMap((r) => [r.code, r.name, ...(r.aliases ?? [])]), ...TOWNS.flatMap((t) => [t[0], t[1]])].map(norm));
const seen = new Set();
for (const r of rows) {
  if (NAMES.get(norm(r.指标)) !== r.id) fail(`指标 ${r.指标} does not match ${r.id}`);
  if (!REGIONS.has(norm(r.地区))) fail(`地区 ${r.地区} unknown`);
  const key = [r.id, r.地区, r.年份, r.性别, r.城乡].join('|');
  if (seen.has(key)) fail(`duplicate ${key}`);
  seen.add(key);
  const i = IND.get(r.id);
  if (r.分子 !== '') {
    const dec = (r.数值.split('.')[1] ?? '').length, exact = (+r.分子 / +r.分母) * i.scale;
    if (Math.abs(+r.数值 - exact) > 0.5 * 10 ** -dec - 1e-12) fail(`${key}: ${r.数值} vs ${exact}`);
  }
}
for (const i of IND.values()) for (const y of ['2020', '2025'])
  if (i.target && !rows.some((r) => r.id === i.id && r.年份 === y)) fail(`indicator ${i.id} has no ${y} rows`);
for (const r of rows) {
  const births = birthsOf.get([r.地区, r.年份, r.性别, r.城乡].join('|'));
  if (MORTALITY.includes(r.id) && r.分母 !== '' && births !== undefined && r.分母 !== births) fail(`${r.id} ${r.地区} ${r.年份}: 活产数 ${r.分母} is not ${births}`);
}
if (rows.some((r) => r.id === 'resident-population' && r.地区 === '高港区' && +r.数值 >= 300000)) fail('高港区 must stay below 300 000');

// ---- write ----
const csvCell = (s) => (/[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s);
const csv = (head, rs) => [head, ...rs].map((r) => r.map((c) => csvCell(String(c))).join(',')).join('\r\n') + '\r\n';
writeFileSync(join(HERE, 'taizhou-2020-2025.csv'), '\ufeff' + csv(HEAD, rows.map((r) => HEAD.map((h) => r[h]))));
writeFileSync(join(HERE, 'townships.csv'), csv(['code', 'name', 'parent', 'population'], TOWNS));
// GBK file: 2025, the six 市（区） only, typed as in Excel; alias headers 指标名称 and 年度.
const FW = (s) => s.replace(/[0-9.]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
const districts = new Set(D.map((d) => d.label ?? d.name));
const messy = rows.filter((r) => r.年份 === '2025' && districts.has(r.地区)).map((r, k) => {
  const m = { ...r, 年份: k % 2 ? '2025年' : '2025' };
  if (r.id === 'neonatal-mortality' && r.地区 === '姜堰区') Object.assign(m, { 数值: ((+r.分子 / +r.分母) * 100).toFixed(2) + '%', 单位: '%' });
  else if (r.单位 === '%' && r.分子 && k % 17 === 3) m.数值 = r.数值 + '%';
  else if (r.单位 === '%' && r.分子 && k % 23 === 5) m.数值 = FW(r.数值);
  if (+r.分母 >= 10000 && k % 9 === 0) m.分母 = (+r.分母).toLocaleString('en-US');
  return HEAD.map((h) => m[h]);
});
const gbkText = csv(['指标名称', '地区', '年度', ...HEAD.slice(3)], messy);
execFileSync('python3', [join(HERE, 'to-gbk.py'), join(HERE, 'taizhou-2025-gbk.csv')], { input: gbkText });
console.log(`taizhou-2020-2025.csv ${rows.length} rows; townships.csv ${TOWNS.length}; taizhou-2025-gbk.csv ${messy.length} rows; self-check passed`);
