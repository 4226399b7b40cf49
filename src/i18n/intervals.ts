import type { Catalog } from './catalog.js';

// Words of the rates' 95 % intervals (src/engine/interval.ts) and of the year-on-year
// test of rates (src/quality/rate-tests.ts).
export const intervalMessages: Catalog = {
  'interval/range': { zh: '95%置信区间 {low}–{high}', en: '95 % interval {low}–{high}' },
  'interval/within-chance': { zh: '差异无统计学意义（95%置信区间 {low}–{high}）', en: 'within chance (95 % interval {low}–{high})' },
  'interval/met-uncertain': { zh: '达标但把握不足（95%置信区间 {low}–{high}）', en: 'met, but uncertain (95 % interval {low}–{high})' },
  'interval/unit-within-chance': { zh: '{unit}（差异无统计学意义，95%置信区间 {low}–{high}）', en: '{unit} (within chance, 95 % interval {low}–{high})' },
  'quality/outlier-rate': {
    zh: '{cell}：“{indicator}”从 {fromYear}年的 {fromValue}（{fromCounts}）变为 {toValue}（{toCounts}），变化超出两年分母下的随机波动（双样本检验 p = {p}，按 {tests} 次检验作 Holm 校正后仍显著）；请核实数值、单位和统计口径，属实的请在备注中说明原因',
    en: '{cell}: "{indicator}" moves from {fromValue} ({fromCounts}) in {fromYear} to {toValue} ({toCounts}), beyond chance given both years\' denominators (two-sample test p = {p}, significant after Holm\'s adjustment over {tests} tests); check the value, its unit and the definition used, and if it is right explain it in the note column',
  },
  'quality/outlier-rate-explained': {
    zh: '{cell}：“{indicator}”从 {fromYear}年的 {fromValue}（{fromCounts}）变为 {toValue}（{toCounts}），变化超出随机波动（双样本检验 p = {p}），备注已说明：{note}',
    en: '{cell}: "{indicator}" moves from {fromValue} ({fromCounts}) in {fromYear} to {toValue} ({toCounts}), beyond chance (two-sample test p = {p}), explained in the note: {note}',
  },
};
