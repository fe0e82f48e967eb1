/**
 * Abbreviations news copy writes for places, and the names the gazetteer knows them by: the Associated Press's
 * abbreviations of US states ("Mobile, Ala.", "Charleston, W.Va."), Canada's provinces as Canadian copy writes
 * them ("Kelowna, B.C."), and the initials of countries ("U.S.", "U.K."). Keys are as written without their last
 * dot. The one home of these lists: names-in-text.ts reads them.
 */
export const PLACE_ABBREVIATIONS: ReadonlyMap<string, string> = new Map([
  ['Ala', 'Alabama'], ['Ariz', 'Arizona'], ['Ark', 'Arkansas'], ['Calif', 'California'], ['Colo', 'Colorado'],
  ['Conn', 'Connecticut'], ['Del', 'Delaware'], ['Fla', 'Florida'], ['Ga', 'Georgia'], ['Ind', 'Indiana'],
  ['Kan', 'Kansas'], ['Kans', 'Kansas'], ['Ky', 'Kentucky'], ['La', 'Louisiana'], ['Md', 'Maryland'],
  ['Mich', 'Michigan'], ['Minn', 'Minnesota'], ['Mo', 'Missouri'], ['Mont', 'Montana'], ['Neb', 'Nebraska'],
  ['Nev', 'Nevada'], ['N.H', 'New Hampshire'], ['N.J', 'New Jersey'], ['N.M', 'New Mexico'], ['N.Y', 'New York State'],
  ['N.C', 'North Carolina'], ['N.D', 'North Dakota'], ['Okla', 'Oklahoma'], ['Ore', 'Oregon'], ['Pa', 'Pennsylvania'],
  ['R.I', 'Rhode Island'], ['S.C', 'South Carolina'], ['S.D', 'South Dakota'], ['Tenn', 'Tennessee'], ['Tex', 'Texas'],
  ['Va', 'Virginia'], ['Vt', 'Vermont'], ['W.Va', 'West Virginia'], ['Wis', 'Wisconsin'], ['Wyo', 'Wyoming'],
  ['Mass', 'Massachusetts'], ['Miss', 'Mississippi'], ['Ill', 'Illinois'], ['Wash', 'Washington State'],
  ['B.C', 'British Columbia'], ['Alta', 'Alberta'], ['Ont', 'Ontario'], ['Que', 'Quebec'], ['Sask', 'Saskatchewan'],
  ['Man', 'Manitoba'], ['N.S', 'Nova Scotia'], ['N.B', 'New Brunswick'],
  ['U.S', 'United States'], ['U.S.A', 'United States'], ['U.K', 'United Kingdom'], ['D.C', 'D.C.'],
]);

/** Abbreviations that are also English words ("Mass.", "Ill.", "Man."): places only right after "Town, ". */
export const AFTER_A_COMMA_ONLY: ReadonlySet<string> = new Set(['Mass', 'Miss', 'Ill', 'Wash', 'Man', 'Ind', 'Del', 'Ore', 'Mo', 'La', 'Pa', 'Ga', 'Va']);

/** Country initials written without dots, in capitals only ("US" is not "us"). */
export const CAPITAL_INITIALS: ReadonlyMap<string, string> = new Map([['US', 'United States'], ['UK', 'United Kingdom'], ['USA', 'United States']]);
