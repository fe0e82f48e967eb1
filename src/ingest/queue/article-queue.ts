import { createHash } from 'node:crypto';
import { PART_FORMAT } from '../run/pipeline.ts';
import type { ConnectionOptions } from 'bullmq';
import type { Article, Place } from '../../core/model.ts';
import type { JudgeModel } from '../judge/judge.ts';

/**
 * What the coordinator (`npm run ingest -- --queue`) and the workers (`npm run worker`) agree on: the BullMQ queue's
 * name, the shape of a job, its id, and where a run's settings live in Redis. One job is one article; its result
 * is the article's part (pipeline.ts ArticlePart), which only the corpus-wide step and the settings below decide.
 */
export const QUEUE_NAME = 'datelines-articles';

/** What every article of one run is read with: the same for all, so kept once in Redis (SETTINGS_PREFIX + key), not in each job. */
export interface RunSettings {
  places: Place[];
  notPlaces: string[];
  gazetteer: boolean;
  explain: boolean;
  judge: JudgeModel | null;
  /** The corpus-wide step's answer: in how many articles each country occurs, by country code. */
  corpusCountries: [string, number][];
}

export interface ArticleJob {
  /** The RunSettings' key (settingsKey). */
  settings: string;
  article: Article;
  text: string;
}

export const SETTINGS_PREFIX = 'datelines:settings:';
export const SETTINGS_TTL_S = 30 * 24 * 3600; // a run's settings outlive it a month, for a re-run to find its results

/** The hash of a run's settings (hex), so that two runs with the same inputs share their jobs and results. */
export function settingsKey(settings: RunSettings): string {
  return createHash('sha256').update(`${PART_FORMAT}\n${JSON.stringify(settings)}`).digest('hex').slice(0, 32); // a part of another shape is another run's
}

/**
 * A job's id: the content hash of the article (its record and its text) under the run's settings. The same article
 * enqueued twice, by a re-run or a second coordinator, is one job; a changed text, judge or corpus is a new one.
 */
export function articleJobId(settings: string, article: Article, text: string): string {
  return createHash('sha256').update(`${settings}\n${JSON.stringify(article)}\n${text}`).digest('hex');
}

/** A job's data as a worker checks it: the right shape, and the content its id was made from (else it was altered in the queue). */
export function checkedJob(id: string | undefined, data: unknown): ArticleJob {
  const job = data as Partial<ArticleJob> | null;
  if (typeof job !== 'object' || job === null || typeof job.settings !== 'string' || typeof job.text !== 'string' || typeof job.article !== 'object' || job.article === null || typeof job.article.id !== 'string') {
    throw new Error('the job is not an article (settings, article, text)');
  }
  if (articleJobId(job.settings, job.article, job.text) !== id) throw new Error(`the job's article ${job.article.id} does not match its id, the content hash it was enqueued with: it was altered in the queue`);
  return job as ArticleJob;
}

/** BullMQ's connection for a `redis://HOST:PORT[/DB]` address; an Error saying what is wrong with any other. */
export function queueConnection(address: string): ConnectionOptions {
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    throw new Error(`"${address}" is not an address: give redis://HOST:PORT`);
  }
  if (url.protocol !== 'redis:' || url.hostname === '') throw new Error(`"${address}" is not a redis://HOST:PORT address`);
  const db = url.pathname.replace(/^\//, '');
  if (db !== '' && !/^\d+$/.test(db)) throw new Error(`"${address}": the database after the port must be a number`);
  return {
    host: url.hostname.replace(/^\[|\]$/g, ''),
    port: url.port === '' ? 6379 : Number(url.port),
    db: db === '' ? 0 : Number(db),
    ...(url.password ? { password: decodeURIComponent(url.password) } : {}),
    ...(url.username ? { username: decodeURIComponent(url.username) } : {}),
    maxRetriesPerRequest: null, // BullMQ's blocking commands want it; a Redis gone is caught by the connection's 'error' event
    retryStrategy: (times: number) => (times > RECONNECT_TRIES ? null : 200 * times), // ms before each new try; null: give up, so the process can end
  };
}

const RECONNECT_TRIES = 2; // tries to reach a Redis that stopped answering, before the connection is given up

/** An address as said in messages, without its password. */
export function shownAddress(address: string): string {
  return address.replace(/\/\/[^@/]*@/, '//');
}
