import { parseArgs, type ParseArgsConfig } from 'node:util';
import { InputError, formatProblem } from '../../core/validate.ts';

/**
 * The one way the project's commands read their arguments (ingest, worker, review, train…): the options as
 * `node:util` parses them, `--help`/`-h` for every command, and a bad option answered with the parser's message and
 * the command's usage on stderr.
 */
type Options = NonNullable<ParseArgsConfig['options']>;
const HELP = { help: { type: 'boolean', short: 'h', default: false } } as const;

/** The corpus a command reads, with the defaults the contract gives (`data/`, `geo/`). */
export const CORPUS_OPTIONS = {
  articles: { type: 'string', default: 'data/articles.json' },
  places: { type: 'string', default: 'geo/places.geojson' },
} as const;

export type ParsedValues<O extends Options> = ReturnType<typeof parseArgs<{ args: string[]; options: O & typeof HELP }>>['values'];

/**
 * The parsed options, or the exit status when there is nothing more to do: 0 after printing the usage for
 * `--help`, 1 after saying what is wrong with the arguments (an unknown option, a missing value).
 */
export function readCommandLine<O extends Options>(argv: string[], options: O, usage: string): ParsedValues<O> | number {
  const read = readCommandLineWithOperands(argv, options, usage, { operands: false });
  return typeof read === 'number' ? read : read.values;
}

/**
 * The same, for a command that also takes operands (files, a statement): `operands: false` refuses any.
 * `escape` makes the parser's message safe to print (`forTerminal` where an argument may come from a file name).
 */
export function readCommandLineWithOperands<O extends Options>(argv: string[], options: O, usage: string, settings: { operands: boolean; escape?: (text: string) => string }): { values: ParsedValues<O>; operands: string[] } | number {
  let parsed: { values: ParsedValues<O>; positionals: string[] };
  try {
    parsed = parseArgs({ args: argv, allowPositionals: settings.operands, options: { ...options, ...HELP } }) as typeof parsed;
  } catch (error) {
    process.stderr.write(`${(settings.escape ?? ((text) => text))((error as Error).message)}\n${usage}\n`);
    return 1;
  }
  if ((parsed.values as { help?: boolean }).help) {
    process.stdout.write(`${usage}\n`);
    return 0;
  }
  return { values: parsed.values, operands: parsed.positionals };
}

/**
 * The exit status of a command that met bad input: each problem on a line of its own on stderr (through `escape`,
 * `forTerminal` where a file's words may be printed), then 1. Anything else is a bug, and is thrown on.
 */
export function inputErrorStatus(error: unknown, escape: (text: string) => string = (text) => text): number {
  if (!(error instanceof InputError)) throw error;
  for (const problem of error.problems) process.stderr.write(`${escape(formatProblem(problem))}\n`);
  return 1;
}
