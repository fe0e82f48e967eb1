import { formatProblem } from '../../core/validate.ts';
import type { AddOutcome, AddProgress, AddResult, SkippedFile } from './add-articles.ts';

/** What `npm run add` says: `quiet` only the problems and the summary line; `verbose` each file's record too. */
export interface ReportMode {
  quiet: boolean;
  verbose: boolean;
}

/** Where the report goes: stderr, or anything with `write` (a test's buffer). */
export interface ReportStream {
  isTTY?: boolean;
  write(text: string): unknown;
}

/**
 * A progress line for a terminal, rewritten in place with a carriage return as the work goes ("reading 1,234 of
 * 10,000 files"), at most once a percent; nothing on a stream that is not a terminal (a pipe, a file, a test's log).
 * `clear` wipes the line, before the report is printed. `line` words it (the ingest counts articles).
 */
export function createProgress<P extends { stage: string; done: number; total: number } = AddProgress>(stream: ReportStream, line: (progress: P) => string = progressLine as unknown as (progress: P) => string): { update(progress: P): void; clear(): void } {
  if (!stream.isTTY) return { update() {}, clear() {} };
  let shown = false;
  let last = ''; // the stage and percent last shown
  return {
    update(progress) {
      const percent = progress.total === 0 ? 100 : Math.floor((progress.done / progress.total) * 100);
      if (`${progress.stage} ${percent}` === last) return;
      last = `${progress.stage} ${percent}`;
      shown = true;
      stream.write(`\r${line(progress)}\x1b[K`); // back to the line's start, the line, the rest of it wiped
    },
    clear() {
      if (shown) stream.write('\r\x1b[K');
      shown = false;
      last = '';
    },
  };
}

/** "reading 1,234 of 10,000 files", "writing 17 of 250 texts". */
export function progressLine(progress: AddProgress): string {
  const n = (x: number) => x.toLocaleString('en-US');
  return `${progress.stage} ${n(progress.done)} of ${n(progress.total)} ${progress.stage === 'reading' ? 'files' : 'texts'}`;
}

/** The one summary line: "corpus/articles.json: 5 added, 0 replaced, 2 already there, 2 not added". */
export function summaryLine(articles: string, result: AddResult): string {
  const counts = [`${count(result.outcomes, 'added')} added`, `${count(result.outcomes, 'replaced')} replaced`, `${count(result.outcomes, 'unchanged')} already there`];
  if (result.problems.length) counts.push(`${result.problems.length} not added`);
  if (result.skipped.length) counts.push(`${result.skipped.length} skipped`);
  return `${articles}: ${counts.join(', ')}`;
}

/** One source's lines of the report: what became of it, and where each field of its record came from. */
export function describeOutcome(o: AddOutcome): string[] {
  const lines = [`${o.file}: ${o.status === 'unchanged' ? 'already in the corpus' : o.status} as ${o.record.id}`];
  if (o.status !== 'unchanged') lines.push(`  ${o.sources.join('; ')}`);
  for (const note of o.notes) lines.push(`  note: ${note}`);
  return lines;
}

/**
 * The lines of the report on stderr, in order: each file's record (verbose), the problems (one a line, "file: field:
 * problem"), the summary line, then (unless quiet) how many articles carry notes when they are not shown, and what to
 * run next when the corpus changed.
 */
export function reportLines(articles: string, result: AddResult, mode: ReportMode, next: string[]): string[] {
  const lines: string[] = [];
  if (mode.verbose && !mode.quiet) {
    for (const outcome of result.outcomes) lines.push(...describeOutcome(outcome));
    for (const { file, kind } of result.skipped) lines.push(`${file}: skipped: neither a web page nor a text (${kind})`);
  }
  for (const problem of result.problems) lines.push(formatProblem(problem));
  lines.push(summaryLine(articles, result));
  if (mode.quiet) return lines;
  if (result.skipped.length) lines.push(skippedLine(result.skipped, mode.verbose));
  const noted = result.outcomes.filter((o) => o.notes.length).length;
  if (!mode.verbose && noted) lines.push(`${noted} of ${result.outcomes.length} article${result.outcomes.length === 1 ? '' : 's'} read ${noted === 1 ? 'has' : 'have'} notes (a field not found, a date that disagrees, a text to check): --verbose shows them`);
  if (result.outcomes.some((o) => o.status !== 'unchanged')) lines.push(...next);
  return lines;
}

/**
 * What was skipped, by kind, most first: "skipped 5 files that are neither web pages nor texts: 2 .pdf, 1 .csv,
 * 1 .docx, 1 .png (a document saved as .txt can be added; --verbose names them)".
 */
export function skippedLine(skipped: readonly SkippedFile[], verbose: boolean): string {
  const byKind = new Map<string, number>();
  for (const { kind } of skipped) byKind.set(kind, (byKind.get(kind) ?? 0) + 1);
  const kinds = [...byKind].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([kind, n]) => `${n} ${kind}`);
  const documents = skipped.some(({ kind }) => DOCUMENTS.has(kind));
  const hints = [...(documents ? ['a document saved as .txt can be added'] : []), ...(verbose ? [] : ['--verbose names them'])];
  const files = skipped.length === 1 ? 'file that is neither a web page nor a text' : 'files that are neither web pages nor texts';
  return `skipped ${skipped.length} ${files}: ${kinds.join(', ')}${hints.length ? ` (${hints.join('; ')})` : ''}`;
}

const DOCUMENTS = new Set(['.pdf', '.doc', '.docx', '.odt', '.rtf', '.pages', '.epub']);

/** The report as one JSON document (`--json`): the counts, and each file with what became of it. */
export function jsonReport(articles: string, result: AddResult): object {
  return {
    articles,
    added: count(result.outcomes, 'added'),
    replaced: count(result.outcomes, 'replaced'),
    unchanged: count(result.outcomes, 'unchanged'),
    notAdded: result.problems.length,
    skipped: result.skipped.length,
    files: [
      ...result.outcomes.map((o) => ({ file: o.file, status: o.status, record: o.record, sources: o.sources, notes: o.notes })),
      ...result.problems.map((p) => ({ file: p.file, status: 'not added', field: p.field, problem: p.message })),
      ...result.skipped.map((f) => ({ file: f.file, status: 'skipped', kind: f.kind })),
    ],
  };
}

function count(outcomes: readonly AddOutcome[], status: AddOutcome['status']): number {
  return outcomes.filter((o) => o.status === status).length;
}
