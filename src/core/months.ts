/** The months in English, January first: `MONTH_NAMES[month - 1]` for a month 1–12. */
export const MONTH_NAMES: readonly string[] = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** Their three-letter abbreviations, "Jan" to "Dec", as the app writes days ("23 Jun 2014"). */
export const MONTH_ABBREVIATIONS: readonly string[] = MONTH_NAMES.map((name) => name.slice(0, 3));

/** Regex source for a month's full name, no group to capture: `(?:January|…|December)`. */
export const MONTH_NAME_SOURCE = `(?:${MONTH_NAMES.join('|')})`;

/**
 * Regex source for a month word as news writes it, full or cut short: an abbreviation and any letters after it
 * ("Jan", "Sept", "August"; also "Marching", so follow it with a day). A period after it is the caller's to allow.
 */
export const MONTH_WORD_SOURCE = `(?:${MONTH_ABBREVIATIONS.join('|')})[a-z]*`;

/** The days of the week in English, Sunday first: `WEEKDAY_NAMES[d]` for a weekday 0–6 (0 = Sunday). */
export const WEEKDAY_NAMES: readonly string[] = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** Regex source for a weekday's name, no group to capture: `(?:Sunday|…|Saturday)`. */
export const WEEKDAY_NAME_SOURCE = `(?:${WEEKDAY_NAMES.join('|')})`;
