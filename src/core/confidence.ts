/**
 * How sure the ingest's judge was of an event, in words (`confidence` 0–1 in events.json; see docs/judge.md):
 * the Sources panel, the list and the exports say it so.
 */
export function sureness(confidence: number): string {
  return confidence >= 0.8 ? 'very likely' : confidence >= 0.6 ? 'likely' : confidence >= 0.4 ? 'unsure' : 'doubtful';
}
