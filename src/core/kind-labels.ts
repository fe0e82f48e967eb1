import type { PlaceKind } from './model.ts';

/** How each kind of place is named to people; an area says so, as its mark stands for all of it. */
export const KIND_LABELS: Record<PlaceKind, string> = {
  city: 'City',
  town: 'Town',
  'border-crossing': 'Border crossing',
  site: 'Site',
  province: 'Province (an area)',
  country: 'Country (an area)',
};
