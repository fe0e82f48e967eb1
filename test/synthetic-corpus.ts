// The synthetic corpus lives with the bench, which builds its million events from it; the scale test uses it too.
export { createRandom, createSyntheticCorpus, writeSyntheticCorpus, type SyntheticEvent } from '../bench/synthetic-corpus.ts';
