// Words of grouped findings on the terminal, of the closing summary, of the gap to a
// target's line and of --diagnostics. A finding's own message is "what；what to do":
// a group shows the what of its first few and the what to do once.
import type { Catalog } from './catalog.js';

export const findingsMessages: Catalog = {
  'findings/more': { zh: '……另有 {count} 处同类问题', en: '… and {count} more of the same kind' },
  'findings/more-omitted': {
    zh: '……另有 {count} 处同类问题（同类只保留前 {kept} 处；逐条列表见 --diagnostics 文件）',
    en: '… and {count} more of the same kind (the first {kept} kept; every one is in a --diagnostics file)',
  },
  'findings/omitted': {
    zh: '另有 {omitted} 处同类问题（{code}）未列出：同类共 {count} 处，只保留前 {kept} 处；逐条列表见 --diagnostics 文件',
    en: '{omitted} more findings of the same kind ({code}) not listed: {count} in all, the first {kept} kept; every one is in a --diagnostics file',
  },
  'findings/fix': { zh: '处理：{fix}', en: 'to fix: {fix}' },
  'findings/names-more': { zh: '{names} 等', en: '{names} and {more} more' },
  'findings/headline/data/unknown-region': {
    zh: '共 {count} 行写了 plancheck 不认识的地区（单位），涉及 {distinct} 个名称：{names}',
    en: '{count} rows name regions (units) plancheck does not know, {distinct} names in all: {names}',
  },
  'findings/fix/data/unknown-region': {
    zh: '请填写规划中的地区名称、简称或行政区划代码；如是乡镇（街道），用 --regions 提供乡镇（街道）名单',
    en: 'use a region name, short name or code from the plan; for townships (乡镇/街道), give their list with --regions',
  },
  'findings/headline/data/unknown-indicator': {
    zh: '共 {count} 行写了规划中没有的指标，涉及 {distinct} 个名称：{names}',
    en: '{count} rows name indicators the plan does not have, {distinct} names in all: {names}',
  },
  'findings/summary': {
    zh: '共 {total} 条发现：错误 {errors}，警告 {warnings}，提示 {infos}；逐条列表见 --format json 或 --diagnostics 文件',
    en: '{total} findings: {errors} errors, {warnings} warnings, {infos} notes; every one is in --format json or a --diagnostics file',
  },
  'findings/summary-kept': {
    zh: '共 {total} 条发现：错误 {errors}，警告 {warnings}，提示 {infos}；逐条列表见 --diagnostics 文件（--format json 每类只列前 {kept} 条）',
    en: '{total} findings: {errors} errors, {warnings} warnings, {infos} notes; every one is in a --diagnostics file (--format json lists the first {kept} of a kind)',
  },
  'findings/summary-codes': { zh: '（{codes}）', en: ' ({codes})' },
  'findings/diagnostics-is-input': {
    zh: '--diagnostics {path} 会覆盖输入文件；请换一个文件名',
    en: '--diagnostics {path} would overwrite an input file; choose another name',
  },
  'findings/diagnostics-extension': {
    zh: '--diagnostics {path}：发现清单只能写成 .csv 或 .json 文件',
    en: '--diagnostics {path}: the list of findings is written as a .csv or .json file',
  },
  'findings/github-more': {
    zh: '另有 {count} 处同类问题（{code}），逐条列表见 --diagnostics 文件或 --format json',
    en: '{count} more findings of the same kind ({code}); every one is in a --diagnostics file or --format json',
  },

  // The gap to a target's line, by the side the line is on.
  'gap/under-ceiling': { zh: '低于上限 {amount}', en: '{amount} under the ceiling' },
  'gap/over-ceiling': { zh: '高于上限 {amount}', en: '{amount} over the ceiling' },
  'gap/on-ceiling': { zh: '恰在上限', en: 'on the ceiling' },
  'gap/above-target': { zh: '超过目标 {amount}', en: '{amount} above the target' },
  'gap/short-of-target': { zh: '距目标还差 {amount}', en: '{amount} short of the target' },
  'gap/beyond-target': { zh: '超额完成 {amount}', en: '{amount} beyond the target' },
  'gap/on-target': { zh: '恰好达到目标', en: 'exactly on the target' },
  'gap/in-band': { zh: '在目标区间内', en: 'within the target band' },
  'gap/above-band': { zh: '超出区间上沿 {amount}', en: '{amount} above the band' },
  'gap/below-band': { zh: '低于区间下沿 {amount}', en: '{amount} below the band' },
  'gap/short-of-about': { zh: '距规划目标值还差 {amount}', en: '{amount} short of the plan’s figure' },
  'gap/over-about': { zh: '高于规划目标值 {amount}', en: '{amount} above the plan’s figure' },
  'target/literal': { zh: '{text}', en: '{text}' },
};
