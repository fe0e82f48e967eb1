/** One problem with an input file: which file, which field (a JSON path such as `[2].published`), what is wrong. */
export interface InputProblem {
  file: string;
  field: string;
  message: string;
}

/** A problem as people read it, one line: `file: field: message`. */
export function formatProblem(p: InputProblem): string {
  return `${p.file}: ${p.field}: ${p.message}`;
}
