// The command line: commander parses, the commands do the work, and every known
// failure becomes a message and an exit status (0 ok, 1 targets not met, 2 bad
// usage / plan / input) — never a stack trace. Never calls process.exit itself.
//
// The commands' code is passed in (`Commands`): main.ts passes every command, each loaded
// on first use; a build of one command (scripts/build.mjs, dist/commands/) passes that
// one alone, and the command line then knows no other.
import { Command, CommanderError, Option } from 'commander';
import { t, type Lang } from '../i18n/index.js';
import { fitLines } from '../text/width.js';
import { terminalWidth } from './commands/common.js';
import type { Io } from './io.js';
import { parseLang } from './options.js';
import { helpSettings, usageError } from './usage.js';
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
const readsReturns = (c: Command, d: (code: string) => string): Command =>
  c
    .argument('<data...>', d('help/arg-data'))
    .option('--regions <file>', d('help/opt-regions'))
    .option('--sheet <name|n>', d('help/opt-sheet'))
    .addOption(new Option('--layout <layout>', d('help/opt-layout')).choices(['long', 'years', 'regions']));

const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

function program(io: Io, setCode: (code: number) => void, commands: Commands, lang: Lang, width: number): Command {
  const d = (code: string) => t(lang, code);
  const cmd = new Command('plancheck')
    .description(d('help/program'))
    .version(VERSION, '-V, --version', d('help/version'))
    .helpOption('-h, --help', d('help/help'))
    .helpCommand('help [command]', d('help/help-command'))
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureHelp(helpSettings(lang))
    .configureOutput({
      writeOut: (s) => io.stdout(s),
      writeErr: (s) => io.stderr(s),
      // commander's own messages (a missing argument, an unknown option …), in the user's language
      outputError: (s, write) => write(usageError(s, lang, cmd)),
      getOutHelpWidth: () => width,
      getErrHelpWidth: () => width,
    });
  /** The lines --help ends with: an example of the command, then the guide. */
  const helpEnd = (c: Command, name: string) =>
    c
      .addHelpText('after', fitLines(`\n${d('help/example')}\n  ${d(`help/example-${name}`)}\n${d('help/guide')}`, width))
      .showHelpAfterError(t(lang, 'help/see-help', { command: name === 'program' ? 'plancheck' : `plancheck ${name}` }));
  helpEnd(cmd, 'program');

  const common = (c: Command, name: string) =>
    helpEnd(
      c
        .option('--plan <dir>', d('help/opt-plan'))
        .addOption(new Option('--lang <lang>', d('help/opt-lang')).choices(['zh', 'en']))
        .option('-q, --quiet', d('help/opt-quiet'))
        .option('--no-color', d('help/opt-no-color')),
      name,
    );

  const { evaluate, report, validate, check, template, indicators, app } = commands;
  if (evaluate) {
    common(
      readsReturns(cmd.command('evaluate').description(d('help/cmd-evaluate')), d)
        .option('--year <year>', d('help/opt-year'))
        .option('--region <region>', d('help/opt-region'), collect)
        .option('--indicator <indicator>', d('help/opt-indicator'), collect)
        .option('--format <format>', d('help/opt-format-evaluate'))
        .option('-o, --output <file>', d('help/opt-output-evaluate'), collect)
        .option('--fail-on <what>', d('help/opt-fail-on'), 'not-met')
        .option('--wide', d('help/opt-wide'))
        .addOption(new Option('--baseline <whose>', d('help/opt-baseline')).choices(['plan', 'returns']).default('plan'))
        .option('--diagnostics <file>', d('help/opt-diagnostics')),
      'evaluate',
    ).action(async (data: string[], opts) => setCode(await evaluate(io, data, opts)));
  }

  if (report) {
    common(
      readsReturns(
        cmd
          .command('report')
          .description(d('help/cmd-report'))
          .addOption(new Option('--stage <stage>', d('help/opt-stage')).choices(['midterm', 'final']).makeOptionMandatory()),
        d,
      )
        .option('--year <year>', d('help/opt-year-report'))
        .option('--region <region>', d('help/opt-region'), collect)
        .addOption(new Option('--method <method>', d('help/opt-method')).choices(['linear', 'cagr']).default('linear'))
        .addOption(new Option('--baseline <whose>', d('help/opt-baseline')).choices(['plan', 'returns']).default('plan'))
        .option('-o, --output <file>', d('help/opt-output-report'), collect)
        .option('--issuer <name>', d('help/opt-issuer'))
        .option('--no-placeholders', d('help/opt-no-placeholders'))
        .option('--diagnostics <file>', d('help/opt-diagnostics')),
      'report',
    ).action(async (data: string[], opts) => setCode(await report(io, data, opts)));
  }

  if (validate) {
    common(cmd.command('validate').description(d('help/cmd-validate')), 'validate').action(async (opts) => setCode(await validate(io, opts)));
  }

  if (check) {
    common(
      readsReturns(cmd.command('check').description(d('help/cmd-check')), d)
        .addOption(new Option('--format <format>', d('help/opt-format-check')).choices(['table', 'json']))
        .option('--strict', d('help/opt-strict'))
        .option('--diagnostics <file>', d('help/opt-diagnostics')),
      'check',
    ).action(async (data: string[], opts) => setCode(await check(io, data, opts)));
  }

  if (template) {
    common(
      cmd
        .command('template')
        .description(d('help/cmd-template'))
        .option('--year <year>', d('help/opt-year-template'))
        .option('--region <region>', d('help/opt-region-template'), collect)
        .option('--regions <file>', d('help/opt-regions-template'))
        .option('-o, --output <file>', d('help/opt-output-template')),
      'template',
    ).action(async (opts) => setCode(await template(io, opts)));
  }

  if (indicators) {
    common(cmd.command('indicators').description(d('help/cmd-indicators')).option('--format <format>', d('help/opt-format-indicators')), 'indicators').action(
      async (opts) => setCode(await indicators(io, opts)),
    );
  }

  if (app) {
    helpEnd(
      cmd
        .command('app')
        .description(d('help/cmd-app'))
        .requiredOption('-o, --output <file>', d('help/opt-output-app'))
        .addOption(new Option('--lang <lang>', d('help/opt-lang')).choices(['zh', 'en']))
        .option('-q, --quiet', d('help/opt-quiet')),
      'app',
    ).action(async (opts) => setCode(await app(io, opts)));
  }

  return cmd;
}

/**
 * The language of the run, known before commander parses (its help and errors speak it):
 * --lang en or --lang=en, else PLANCHECK_LANG, else Chinese; a value that is neither is
 * commander's to refuse, in Chinese.
 */
function langOf(argv: readonly string[], env: Record<string, string | undefined>): Lang {
  let given: string | undefined;
  argv.forEach((a, i) => {
    if (a === '--lang') given = argv[i + 1];
    else if (a.startsWith('--lang=')) given = a.slice('--lang='.length);
  });
  try {
    return parseLang(given, env);
  } catch {
    return 'zh';
  }
}

/**
 * Where the width is known (a terminal, or COLUMNS), messages on standard error are wrapped
 * to it; to a pipe or a file they stay one line a finding, as editors and CI logs read them.
 */
function fittedIo(io: Io, width: number | undefined): Io {
  if (width === undefined) return io;
  const fitted = Object.create(io) as Io;
  fitted.stderr = (s) => io.stderr(fitLines(s, width));
  return fitted;
}

/** Runs the command line `argv` with these commands; the exit status. */
export async function runCli(argv: string[], given: Io, commands: Commands): Promise<number> {
  let code = 0;
  const lang = langOf(argv, given.env);
  const width = terminalWidth(given);
  const io = fittedIo(given, width);
  try {
    await program(io, (c) => (code = c), commands, lang, width ?? 80).parseAsync(argv, { from: 'user' });
    return code;
  } catch (e) {
    if (e instanceof CommanderError) {
      // help and version exit 0; every other commander error is a usage error.
      return e.exitCode === 0 ? 0 : 2;
    }
    return failureStatus(io, e, lang);
  }
}
