// The command line's own words in the user's language: commander's help, laid out with
// Chinese measured as two columns and wrapped between words, and its usage errors (a
// missing argument, an unknown option or command, a value not among the choices), which
// commander words in English, said again from the catalog (src/i18n/help.ts).
import { Help, type Argument, type Command, type HelpConfiguration, type Option } from 'commander';
import { listParam } from '../diagnostics.js';
import { t, type Lang } from '../i18n/index.js';
import { displayWidth, fitLines, wrapLines } from '../text/width.js';

const TITLES: Record<string, string> = {
  'Usage:': 'help/usage',
  'Arguments:': 'help/arguments',
  'Options:': 'help/options',
  'Commands:': 'help/commands',
  'Global Options:': 'help/global-options',
};

/** commander's help, in `lang`. */
export function helpSettings(lang: Lang): HelpConfiguration {
  const words = (s: string) => s.replace('[options]', t(lang, 'help/options-word')).replace('[command]', t(lang, 'help/command-word'));
  const extra = (description: string, choices: readonly string[] | undefined, defaultValue: unknown, shown: boolean) => {
    const notes = [
      ...(choices ? [t(lang, 'help/choices', { values: choices.join(lang === 'en' ? ', ' : '、') })] : []),
      ...(defaultValue !== undefined && shown ? [t(lang, 'help/default', { value: String(defaultValue) })] : []),
    ];
    if (notes.length === 0) return description;
    return lang === 'en' ? `${description} (${notes.join('; ')})` : `${description}（${notes.join('；')}）`;
  };
  return {
    // Narrow terminals wrap too (commander leaves a description whole under 40 columns).
    minWidthToWrap: 12,
    styleTitle: (s: string) => (TITLES[s] ? t(lang, TITLES[s]!) : s),
    styleUsage: words,
    styleSubcommandTerm: words,
    optionDescription: (o: Option) => extra(o.description ?? '', o.argChoices, o.defaultValue, o.required || o.optional),
    argumentDescription: (a: Argument) => extra(a.description ?? '', a.argChoices, a.defaultValue, true),
    displayWidth,
    boxWrap: (s: string, width: number) => wrapLines(s, width).join('\n'),
    formatHelp(cmd: Command, helper: Help) {
      // “用法：plancheck”, not “用法： plancheck”: a full-width colon has its space in it.
      return fitLines(Help.prototype.formatHelp.call(helper, cmd, helper).replace(/^(\S+：) /, '$1'), helper.helpWidth ?? 80);
    },
  } as HelpConfiguration;
}

/**
 * One of commander's error messages (“error: unknown option '--yaer'\n(Did you mean
 * --year?)”) in `lang`, as `plancheck: …`. Matched on commander 14's wording; a message
 * not known here is passed on with its English words (tests/cli/usage.test.ts holds
 * every kind to the catalog's).
 */
export function usageError(message: string, lang: Lang, root: Command): string {
  const text = message.replace(/^error: /, '').trimEnd();
  const [, said, suggested] = /^([\s\S]*?)(?:\n\(Did you mean (.+)\?\))?$/.exec(text)!;
  const suggestion = suggested !== undefined ? t(lang, 'usage/did-you-mean', { suggestion: suggested }) : '';
  const said_ = said!;
  let m: RegExpExecArray | null;
  let out: string;
  if ((m = /^missing required argument '(.+)'$/.exec(said_))) out = m[1] === 'data' ? t(lang, 'usage/missing-data') : t(lang, 'usage/missing-argument', { name: m[1]! });
  else if ((m = /^option '(.+)' argument missing$/.exec(said_))) out = t(lang, 'usage/option-missing-value', { option: m[1]! });
  else if ((m = /^required option '(.+)' not specified$/.exec(said_))) out = t(lang, 'usage/required-option', { option: m[1]! });
  else if ((m = /^unknown option '(.+)'$/.exec(said_))) out = t(lang, 'usage/unknown-option', { option: m[1]! });
  else if ((m = /^unknown command '(.+)'$/.exec(said_)))
    // the near name when there is one, else every command
    out = suggestion ? t(lang, 'usage/unknown-command-near', { command: m[1]! }) : t(lang, 'usage/unknown-command', { command: m[1]!, ...listParam('commands', root.commands.map((c) => c.name())) });
  else if ((m = /^option '(.+)' argument '(.*)' is invalid\. Allowed choices are (.+)\.$/.exec(said_)))
    out = t(lang, 'usage/invalid-choice', { option: m[1]!, value: m[2]!, ...listParam('choices', m[3]!.split(', ')) });
  else if ((m = /^too many arguments(?: for '(.+)')?\. Expected (\d+) arguments? but got (\d+)\.$/.exec(said_)))
    out = t(lang, 'usage/too-many-arguments', { command: `plancheck${m[1] ? ` ${m[1]}` : ''}`, expected: Number(m[2]), got: Number(m[3]) });
  else out = t(lang, 'usage/error', { message: said_ });
  return `plancheck: ${out}${suggestion}\n`;
}
