// --help and commander's usage errors speak the user's language: Chinese by default,
// English with --lang en or PLANCHECK_LANG=en; a usage error exits 2 and points at the
// command's help; --help ends with an example and the guide.
import { describe, expect, it } from 'vitest';
import { plancheck, SAMPLE } from './helpers.js';

const COMMANDS = ['evaluate', 'report', 'validate', 'check', 'template', 'indicators', 'app'];

/** No English of commander's own left in a Chinese text. */
const COMMANDER_ENGLISH = /Usage:|Options:|Arguments:|Commands:|display help|output the version|default:|choices:|error:|Did you mean|\[options\]/;

describe('--help', () => {
  it.each([[], ...COMMANDS.map((c) => [c])])('plancheck %s --help is Chinese, ends with an example and the guide', (...command: string[]) => {
    const r = plancheck([...command, '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^用法：plancheck/);
    expect(r.stdout).toMatch(/选项：/);
    expect(r.stdout).not.toMatch(COMMANDER_ENGLISH);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines.at(-1)).toBe('使用指南：docs/guide.zh-CN.md');
    expect(lines.at(-3)).toBe('例如：');
    expect(lines.at(-2)).toMatch(new RegExp(`^  plancheck ${command[0] ?? 'evaluate'} `));
  });

  it.each([[['--lang', 'en'], {}], [[], { PLANCHECK_LANG: 'en' }], [['--lang=en'], {}]] as const)('is English with %j %j', (flags, env) => {
    for (const command of [[], ['evaluate'], ['report']]) {
      const r = plancheck([...command, ...flags, '--help'], { env });
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/^Usage: plancheck/);
      expect(r.stdout).not.toMatch(/用法|选项|显示帮助/u);
      expect(r.stdout.trimEnd().split('\n').at(-1)).toBe('Guide (in Chinese): docs/guide.zh-CN.md');
    }
  });

  it('says an option’s choices and default in the language', () => {
    expect(plancheck(['report', '--help'], { env: { COLUMNS: '200' } }).stdout).toMatch(/--method <method>\s+进度测算方法（可选：linear、cagr；默认：linear）/u);
    expect(plancheck(['report', '--help', '--lang', 'en'], { env: { COLUMNS: '200' } }).stdout).toMatch(/how progress is paced \(choices: linear, cagr; default: linear\)/);
  });
});

describe('usage errors', () => {
  const S = [SAMPLE];
  const cases: Array<{ name: string; args: string[]; zh: RegExp; en: RegExp; help: string }> = [
    { name: 'missing argument', args: ['evaluate'], zh: /^plancheck: 请至少给出一个数据文件$/m, en: /^plancheck: name at least one data file$/m, help: 'plancheck evaluate' },
    { name: 'required option', args: ['report', ...S], zh: /^plancheck: 必须给出选项 --stage <stage>$/m, en: /^plancheck: option --stage <stage> is required$/m, help: 'plancheck report' },
    { name: 'unknown option, with the near one', args: ['evaluate', ...S, '--yaer', '2023'], zh: /^plancheck: 不认识的选项 --yaer；是否指 --year？$/m, en: /^plancheck: unknown option --yaer; did you mean --year\?$/m, help: 'plancheck evaluate' },
    { name: 'unknown command, with the near one', args: ['evalute', ...S], zh: /^plancheck: 不认识的命令 evalute；是否指 evaluate？$/m, en: /^plancheck: unknown command evalute; did you mean evaluate\?$/m, help: 'plancheck' },
    {
      name: 'unknown command, with the list',
      args: ['frobnicate'],
      zh: /^plancheck: 不认识的命令 frobnicate；可用的命令：evaluate、report、validate、check、template、indicators、app$/m,
      en: /^plancheck: unknown command frobnicate; the commands are: evaluate, report, validate, check, template, indicators, app$/m,
      help: 'plancheck',
    },
    { name: 'invalid choice', args: ['check', ...S, '--layout', 'sideways'], zh: /^plancheck: 选项 --layout <layout> 的值“sideways”无效；可用：long、years、regions$/m, en: /^plancheck: option --layout <layout>: "sideways" is not valid; use one of: long, years, regions$/m, help: 'plancheck check' },
    { name: 'option without its value', args: ['evaluate', ...S, '--year'], zh: /^plancheck: 选项 --year <year> 缺少取值$/m, en: /^plancheck: option --year <year> needs a value$/m, help: 'plancheck evaluate' },
    { name: 'too many arguments', args: ['validate', 'extra'], zh: /^plancheck: 参数太多：plancheck validate 最多接受 0 个参数，给了 1 个$/m, en: /^plancheck: too many arguments: plancheck validate takes 0, not 1$/m, help: 'plancheck validate' },
  ];
  it.each(cases)('$name: Chinese by default, English with --lang en, exit 2', ({ args, zh, en, help }) => {
    const r = plancheck(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(zh);
    expect(r.stderr).toContain(`（用 ${help} --help 查看用法）`);
    expect(r.stderr).not.toMatch(COMMANDER_ENGLISH);
    expect(r.stdout).toBe('');
    const e = plancheck([args[0]!, '--lang', 'en', ...args.slice(1)]);
    expect(e.code).toBe(2);
    expect(e.stderr).toMatch(en);
    expect(e.stderr).toContain(`(see ${help} --help)`);
    expect(plancheck(args, { env: { PLANCHECK_LANG: 'en' } }).stderr).toMatch(en);
  });

  it('a bad --lang is refused in Chinese (the language it asks for is not known)', () => {
    const r = plancheck(['evaluate', SAMPLE, '--lang', 'fr']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/选项 --lang <lang> 的值“fr”无效；可用：zh、en/u);
  });
});
