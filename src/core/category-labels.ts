import type { Category } from './model.ts';

/** How each category is named to people. */
export const CATEGORY_LABELS: Record<Category, string> = {
  meeting: 'Meeting',
  statement: 'Statement',
  capture: 'Captured',
  recapture: 'Recaptured',
  attack: 'Attack',
  airstrike: 'Airstrike',
  protest: 'Protest',
  disaster: 'Disaster',
  election: 'Election',
  humanitarian: 'Aid & rescue',
  other: 'Other',
};
