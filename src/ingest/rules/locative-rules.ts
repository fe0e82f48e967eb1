import type { NotLocation } from './locative.ts';

/**
 * The locative rules as named data: every way `locative.ts` decides whether a place named in a sentence is where
 * that sentence's event happened, each with an id, its verdict (null: a location; else the kind of reason it is
 * not one), what it says in words, and sentences that show it. In an example, `[[Name]]` is the name judged and
 * `[Name]` another name of the sentence; `country` marks the judged name as a country, `futureDate` a sentence
 * that also gives a date ahead of its publication. One test runs every rule on its own examples
 * (test/ingest/locative-rules.test.ts); `--explain` and `npm run eval` name the ids, and the judge learns from them.
 * The walker that reads a sentence stays code (locative.ts); it returns one of these ids.
 */
export interface LocativeRule {
  verdict: NotLocation | null;
  says: string;
  examples: readonly (string | { text: string; country?: true; futureDate?: true })[];
}

export const LOCATIVE_RULES = {
  // The place is where something happened.
  'locative-preposition': { verdict: null, says: 'after a locative preposition ("in", "at", "near", "into"…)', examples: ['Kerry told journalists in [[Baghdad]].', 'Insurgents swept into the towns of [[Rawa]] and [Ana].', 'A car bomb exploded near the centre of [[Kirkuk]] on Sunday.'] },
  'verb-object': { verdict: null, says: 'the object of a verb that acts on a place ("overran", "entered")', examples: ["Insurgents overran the strategic Shi'ite-majority northern town of [[Tal Afar]].", 'Police raided [[Molenbeek]] on Friday.'] },
  'event-of': { verdict: null, says: 'after "of" following an event noun ("the fall of", "the siege of")', examples: ['The siege of [[Homs]] lasted two years.'] },
  'on-surface': { verdict: null, says: 'on a street, square or island ("on Independence Square")', examples: ['Protesters gathered on [[Independence Square]] at dawn.'] },
  'on-after-verb': { verdict: null, says: 'after "on" or "upon" following a verb ("converged on")', examples: ['Thousands of protesters converged on [[Cairo]] yesterday.'] },
  'attack-on': { verdict: null, says: 'after an attack noun and "on" or "against" ("the attack on", "the offensive against")', examples: ['The offensive against [[Mosul]] began in October.', 'The attack on [[Erbil]] killed four.'] },
  'removed-from': { verdict: null, says: 'after "from" when something was taken away from it ("withdrew from", "evacuated from")', examples: ['Russian forces withdrew from [[Bucha]] in late March.', 'Buses evacuated civilians from [[Homs]].'] },
  'arrived-to': { verdict: null, says: 'after "to" when people arrived there ("returned to")', examples: ['Some of the girls returned to [[Chibok]] last week.'] },
  'battle-for': { verdict: null, says: 'after "for" following a battle noun ("the battle for")', examples: ['The battle for [[Kobani]] raged for months.'] },
  'joined-to-location': { verdict: null, says: 'joined by "and", "or" or a comma to a name that is a location', examples: ['Insurgents swept into the towns of [Rawa] and [[Ana]].'] },
  'before-noun': { verdict: null, says: 'before a noun it locates ("Biloxi police", "a Brussels neighborhood")', examples: ['[[Biloxi]] police said the water had risen overnight.', 'A [[Brussels]] neighborhood was sealed off.'] },
  'possessive-part': { verdict: null, says: 'owning a part of itself or what happened there ("Baghdad\'s outskirts", "Haiti\'s earthquake")', examples: ["A family of six was killed on [[Baghdad]]'s northern outskirts.", "[[Haiti]]'s earthquake killed thousands."] },
  'subject-of-event-verb': { verdict: null, says: 'the subject of a verb that is not a government\'s act ("Mosul fell")', examples: ['[[Mosul]] fell in June.', '[[Pensacola]] seemed to avoid the worst.'] },
  'subject-of-passive': { verdict: null, says: 'the subject of a passive or a state ("Tal Afar was seized", "Biloxi was underwater")', examples: ['[[Tal Afar]] was seized on Monday.', 'Much of [[Biloxi]] was underwater.'] },

  // The name is something else, or stands for someone.
  'hyphen-compound': { verdict: 'compound', says: 'part of a hyphenated word ("Beirut-based")', examples: ['A [[Beirut]]-based group claimed the attack.'] },
  'name-continues': { verdict: 'compound', says: 'part of a longer name ("the Washington Post")', examples: ['The [[Washington]] Post reported the raid.'] },
  'qualifies-previous': { verdict: 'qualifier', says: 'only says where the name before it is ("Mosul, Iraq")', examples: ['Fighting broke out in [Mosul], [[Iraq]], on Tuesday.'] },
  'officials-in': { verdict: 'government', says: 'after "officials in", "the government in"', examples: ['Officials in [[Baghdad]] did not comment.'] },
  'opens-before-government-verb': { verdict: 'government', says: 'opening its sentence before a government\'s verb ("Washington wants")', examples: ['[[Washington]] wants Arab states to bring pressure on Iraq.'] },
  'before-government-noun': { verdict: 'government', says: 'before a noun that speaks for a government ("Baghdad officials")', examples: ['[[Baghdad]] officials met the delegation.'] },
  'possessive-government': { verdict: 'government', says: 'owning a plan, a policy or the like ("Baghdad\'s plan")', examples: ["[[Baghdad]]'s plan to request aid was welcomed."] },
  'whose-of': { verdict: 'government', says: 'after "of" following who governs it ("the mayor of", "the government of")', examples: ['The mayor of [[Kyiv]] warned of shortages.'] },
  'addressee-verb': { verdict: 'government', says: 'the object of a verb of speaking to or acting for ("urged Kyiv", "warned Moscow")', examples: ['The envoy warned [[Moscow]] against escalation.'] },
  'official-from': { verdict: 'government', says: 'after "from" following an official ("an official from Ankara")', examples: ['An official from [[Ankara]] arrived on Monday.'] },
  'by-agent': { verdict: 'government', says: 'after "by": the one who acts ("requested by Baghdad")', examples: ['The strikes were requested by [[Baghdad]].'] },
  'subject-of-government-verb': { verdict: 'government', says: 'the subject of a government\'s verb ("Moscow has sent", "Baghdad denied")', examples: ['Diplomats said that [[Moscow]] has sent more troops.'] },

  // The name is not where the event happened.
  'from-origin': { verdict: 'origin', says: 'after "from": where someone or something came from ("refugees from Aleppo")', examples: ['Refugees from [[Aleppo]] crossed the border.'] },
  'to-direction': { verdict: 'direction', says: 'after "to": where someone went ("sent to Rawa")', examples: ['Aid was sent to [[Rawa]] and [Ana].'] },
  'toward-direction': { verdict: 'direction', says: 'after "toward" or "towards"', examples: ['The column moved toward [[Baghdad]] overnight.'] },
  'compass-of': { verdict: 'relative-position', says: 'a relative position ("west of Baghdad", "off the coast of")', examples: ['The town lies 50 km west of [[Baghdad]].'] },
  'comparison-word': { verdict: 'comparison', says: 'only compared with ("since", "than", "like")', examples: ['It was the worst attack since the [[Madrid]] bombings.'] },
  'relative-clause': { verdict: 'aside', says: 'in an aside about someone else (", who is expected to attend the talks in Brussels,")', examples: ['Kerry, who is expected to attend the talks in [[Brussels]], arrived in Amman.'] },
  'description': { verdict: 'description', says: 'what a place is or who someone is ("located in", "born in")', examples: ['The mall is located in an upscale part of [[Nairobi]].'] },
  'common-word': { verdict: 'not-a-name', says: 'a capitalised common word opening the sentence that a gazetteer also knows as a town ("Many thought…")', examples: ['[[Many]] thought the war was over.'] },
  'country-without-preposition': { verdict: 'no-locative-frame', says: 'a country with no preposition placing something in it', examples: [{ text: 'The attack shocked [[Nigeria]] and the world.', country: true }] },
  'joined-to-non-location': { verdict: 'no-locative-frame', says: 'joined to a name that is not a location', examples: ['Aid was sent to [Rawa] and [[Ana]].'] },
  'topic-verb': { verdict: 'no-locative-frame', says: 'the object of a verb of talk ("discussed Aleppo")', examples: ['The ministers discussed [[Aleppo]] at length.'] },
  'after-auxiliary': { verdict: 'no-locative-frame', says: 'after an auxiliary with no predicate of its own ("is Mosul")', examples: ['The biggest prize is [[Mosul]].'] },
  'on-other': { verdict: 'no-locative-frame', says: 'after "on", "upon" or "against" with no verb or attack noun before it', examples: ['Sanctions against [[Moscow]] were tightened.'] },
  'for-other': { verdict: 'no-locative-frame', says: 'after "for" not following a battle noun', examples: ['The plane left for [[Istanbul]] at noon.'] },
  'other-preposition': { verdict: 'no-locative-frame', says: 'after a preposition that does not place ("about", "with"…)', examples: ['They spoke about [[Mosul]] for an hour.'] },
  'subject-of-state': { verdict: 'no-locative-frame', says: 'the subject of a verb saying what it is ("Raqqa remains the capital")', examples: ["[[Raqqa]] remains the group's capital."] },
  'no-verb': { verdict: 'no-locative-frame', says: 'the subject of no verb, or heading nothing that places it', examples: ['[[Kirkuk]]: a history.'] },
  'no-frame-word': { verdict: 'no-locative-frame', says: 'no frame word within ten words before it', examples: ['Fears and hopes and doubts and worries and rumours and whispers and sorrow and grief and pain and [[Mosul]] and.'] },
  'denied-or-failed': { verdict: 'not-happened', says: 'in what was denied, failed or did not happen ("denied", "did not")', examples: ['The army denied that troops entered [[Kherson]].'] },
  'prospective-word': { verdict: 'prospective', says: 'in talk of what may yet happen ("will", "could", "is expected to")', examples: ['Kerry will meet Abadi in [[Baghdad]].'] },
  'intent-to': { verdict: 'prospective', says: 'after a verb of intent and "to" ("plans to attack")', examples: ['The militants planned to attack [[Baghdad]].'] },
} as const satisfies Record<string, LocativeRule>;

export type LocativeRuleId = keyof typeof LOCATIVE_RULES;

/** The verdict of a rule: null when the place is where the sentence's event happened. */
export function verdictOf(rule: LocativeRuleId): NotLocation | null {
  return LOCATIVE_RULES[rule].verdict;
}
