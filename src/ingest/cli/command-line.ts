import { parseArgs, type ParseArgsConfig } from 'node:util';

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
  let values: ParsedValues<O>;
  try {
    ({ values } = parseArgs({ args: argv, options: { ...options, ...HELP } }) as { values: ParsedValues<O> });
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${usage}\n`);
    return 1;
  }
  if ((values as { help?: boolean }).help) {
    process.stdout.write(`${usage}\n`);
    return 0;
  }
  return values;
}
