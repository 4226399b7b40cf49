// The command line: commander parses, the commands do the work, and every known
// failure becomes a message and an exit status (0 ok, 1 targets not met, 2 bad
// usage / plan / input) — never a stack trace. Never calls process.exit itself.
//
// The commands' code is passed in (`Commands`): main.ts passes every command, each loaded
// on first use; a build of one command (scripts/build.mjs, dist/commands/) passes that
// one alone, and the command line then knows no other.
import { Command, CommanderError, Option } from 'commander';
import type { Io } from './io.js';
import { parseLang } from './options.js';
import { failureStatus } from './run-error.js';
import { VERSION } from './version.js';

/** What each command runs, by the command's name; a command left out is not on the command line. */
export interface Commands {
  evaluate?: typeof import('./commands/evaluate.js').runEvaluate;
  report?: typeof import('./commands/report.js').runReport;
  validate?: typeof import('./commands/validate.js').runValidate;
  check?: typeof import('./commands/check.js').runCheck;
  template?: typeof import('./commands/template.js').runTemplate;
  indicators?: typeof import('./commands/indicators.js').runIndicators;
  app?: typeof import('./commands/app.js').runApp;
}

export type CommandName = keyof Commands;

/** What the commands that read returns share: the returns themselves, and how to read them. */
const readsReturns = (c: Command): Command =>
  c
    .argument('<data...>', "returns: CSV or .xlsx, long or wide ('-' reads standard input)")
    .option('--regions <file>', 'CSV of extra regions (code,name,parent[,population]), e.g. townships')
    .option('--sheet <name|n>', 'sheet of an .xlsx workbook, by name or number (default: the first)')
    .addOption(new Option('--layout <layout>', 'layout of the returns (default: detected from the header)').choices(['long', 'years', 'regions']));

const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

function program(io: Io, setCode: (code: number) => void, commands: Commands): Command {
  const cmd = new Command('plancheck')
    .description('Check a development plan’s indicators against statistical returns / 对照统计报表检查规划指标')
    .version(VERSION)
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stdout(s), writeErr: (s) => io.stderr(s) });

  const common = (c: Command) =>
    c
      .option('--plan <dir>', 'folder of plan rule files (default: the bundled plan/)')
      .addOption(new Option('--lang <lang>', 'language of messages and reports').choices(['zh', 'en']))
      .option('-q, --quiet', 'print errors only')
      .option('--no-color', 'no colour in the terminal table');

  const { evaluate, report, validate, check, template, indicators, app } = commands;
  if (evaluate) {
    common(
      readsReturns(cmd.command('evaluate').description('evaluate every indicator against the returns / 评估指标达标情况'))
        .option('--year <year>', "year to evaluate, or 'all' (default: the latest year in the data)")
        .option('--region <region>', 'region name, short name or code (repeatable)', collect)
        .option('--indicator <indicator>', 'indicator id or name (repeatable, or comma-separated)', collect)
        .option('--format <format>', 'table | json | csv | md | html | junit | github | xlsx')
        .option('-o, --output <file>', 'write results to a file; format from the extension (repeatable)', collect)
        .option('--fail-on <what>', 'exit 1 on: not-met | no-data | none', 'not-met')
        .option('--wide', 'one line per result in the terminal table, however wide')
        .addOption(new Option('--baseline <whose>', "the top region's baseline where the plan states one: the plan's figure or the returns' (a revised series)").choices(['plan', 'returns']).default('plan'))
        .option('--diagnostics <file>', 'write every finding, one a row, to FILE.csv or FILE.json'),
    ).action(async (data: string[], opts) => setCode(await evaluate(io, data, opts)));
  }

  if (report) {
    common(
      readsReturns(
        cmd
          .command('report')
          .description('write the mid-term or final evaluation report / 生成中期或终期评估报告')
          .addOption(new Option('--stage <stage>', 'midterm (the plan\'s mid-term year) or final').choices(['midterm', 'final']).makeOptionMandatory()),
      )
        .option('--year <year>', 'year the report looks at (default: the stage\'s year in the plan)')
        .option('--region <region>', 'region name, short name or code (repeatable)', collect)
        .addOption(new Option('--method <method>', 'how progress is paced').choices(['linear', 'cagr']).default('linear'))
        .addOption(new Option('--baseline <whose>', "the top region's baseline where the plan states one: the plan's figure or the returns' (a revised series)").choices(['plan', 'returns']).default('plan'))
        .option('-o, --output <file>', 'write the report: .html, .md, .json, .docx or .xlsx (repeatable)', collect)
        .option('--issuer <name>', 'issuing body on the Word file\'s title page, e.g. 泰州市妇女儿童工作委员会办公室')
        .option('--no-placeholders', 'leave out the marked places for the departments\' measures (【请相关部门补充主要措施】)')
        .option('--diagnostics <file>', 'write every finding, one a row, to FILE.csv or FILE.json'),
    ).action(async (data: string[], opts) => setCode(await report(io, data, opts)));
  }

  if (validate) {
    common(cmd.command('validate').description('check the plan’s rule files / 校验规划规则文件')).action(async (opts) => setCode(await validate(io, opts)));
  }

  if (check) {
    common(
      readsReturns(cmd.command('check').description('data-quality report of the returns, nothing evaluated / 检查报表数据质量'))
        .addOption(new Option('--format <format>', 'report format').choices(['table', 'json']))
        .option('--strict', 'exit 2 on warnings too, not only on errors')
        .option('--diagnostics <file>', 'write every finding, one a row, to FILE.csv or FILE.json'),
    ).action(async (data: string[], opts) => setCode(await check(io, data, opts)));
  }

  if (template) {
    common(
      cmd
        .command('template')
        .description('write a blank return form for the plan’s indicators / 生成空白填报表')
        .option('--year <year>', "year(s) of the form: 2025, 2020,2025 or 2020-2025 (default: the plan's final year)")
        .option('--region <region>', 'region name, short name or code (repeatable; default: the plan\'s regions)', collect)
        .option('--regions <file>', 'CSV of extra regions (code,name,parent[,population]), e.g. townships for every-township targets')
        .option('-o, --output <file>', 'write the form to FILE.csv or FILE.xlsx (default: CSV on standard output)'),
    ).action(async (opts) => setCode(await template(io, opts)));
  }

  if (indicators) {
    common(
      cmd
        .command('indicators')
        .description('list the plan’s indicators and targets / 列出规划指标和目标')
        .option('--format <format>', 'table | json | csv'),
    ).action(async (opts) => setCode(await indicators(io, opts)));
  }

  if (app) {
    cmd
      .command('app')
      .description('write the offline page: plancheck in a browser, no installation, no network / 生成离线网页版')
      .requiredOption('-o, --output <file>', 'where to write the page, e.g. plancheck.html')
      .addOption(new Option('--lang <lang>', 'language of messages').choices(['zh', 'en']))
      .option('-q, --quiet', 'print errors only')
      .action(async (opts) => setCode(await app(io, opts)));
  }

  return cmd;
}

/** Runs the command line `argv` with these commands; the exit status. */
export async function runCli(argv: string[], io: Io, commands: Commands): Promise<number> {
  let code = 0;
  const lang = (() => {
    const i = argv.indexOf('--lang');
    try {
      return parseLang(i >= 0 ? argv[i + 1] : undefined, io.env);
    } catch {
      return 'zh' as const;
    }
  })();
  try {
    await program(io, (c) => (code = c), commands).parseAsync(argv, { from: 'user' });
    return code;
  } catch (e) {
    if (e instanceof CommanderError) {
      // help and version exit 0; every other commander error is a usage error.
      return e.exitCode === 0 ? 0 : 2;
    }
    return failureStatus(io, e, lang);
  }
}
