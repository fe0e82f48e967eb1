import { batch, createContext, createSignal, useContext } from 'solid-js';
import type { Refocus } from './app-state.ts';
import type { PlaceHit } from '../core/review-api.ts';

/**
 * The review mode's state (`npm run review`, src/review/): the version of the corpus the page shows, the request
 * under way, what the last answer said, and the actions that change the corpus — a correction of an event, a
 * decision about a place, Undo — each sent with that version and followed by a reload of the dataset in place.
 * The static build has none: `reviewToken` finds no token in its page, and every review control stays hidden.
 */
export type Correction =
  | { action: 'right' }
  | { action: 'wrong'; reason: WrongReason }
  | { action: 'move'; to: string }
  | { action: 'date'; start: string; end: string };

/** Why an event is wrong, as corrections.json writes it, and as the Wrong menu says it. */
export const WRONG_REASONS = [
  { reason: 'not-an-event', label: 'Not an event' },
  { reason: 'wrong-place', label: 'Wrong place' },
  { reason: 'wrong-date', label: 'Wrong date' },
  { reason: 'repeats-another', label: 'Repeats another' },
] as const;
export type WrongReason = (typeof WRONG_REASONS)[number]['reason'];

/** One place the Move search found. */
export type { PlaceHit };

/** A Move by a click on the map: the event, and once clicked, the point and the places near it. */
export interface Picking {
  event: string;
  about: string;
  at: [number, number] | null;
  results: PlaceHit[] | null;
}

/** What an event's record says of its date, for the Date form. */
export interface EventDate {
  start: string;
  end: string;
  dateText: string | null;
  quote: string;
}

/** The last answer, or why there was none: `reload` when the page is out of date (another tab changed the corpus). */
export interface ReviewMessage {
  text: string;
  kind: 'done' | 'error' | 'reload';
}

const TOKEN_META = 'datelines-review'; // the meta tag the review server puts into index.html (src/review/server.ts)
const TOKEN_HEADER = 'X-Datelines-Token';

/** The review server's token in this page, or null: a static build, no review. */
export function reviewToken(doc: Document): string | null {
  return doc.querySelector<HTMLMetaElement>(`meta[name="${TOKEN_META}"]`)?.content || null;
}

/** A refusal of the server: its words, and whether the page must be reloaded first. */
class ReviewRefusal extends Error {
  constructor(message: string, readonly reload: boolean) {
    super(message);
  }
}

/**
 * The review's store for the page at `base` (its folder: the API is `api/` there). `reload` loads the dataset again
 * and shows it; it runs after every answer. Call `start` once, before the dataset is first loaded.
 */
export function createReviewStore(token: string, base: URL, reload: () => Promise<void>) {
  const [version, setVersion] = createSignal<string | null>(null);
  /** Whether Undo has anything to take back (the server says so with the version). */
  const [undoable, setUndoable] = createSignal(false);
  const [busy, setBusy] = createSignal(false);
  const [message, setMessage] = createSignal<ReviewMessage | null>(null);
  const [picking, setPicking] = createSignal<Picking | null>(null);
  /** The last change made, once its data shows: the event whose quote the open panel focuses again (see Refocus). */
  const [refocus, setRefocus] = createSignal<Refocus | null>(null);

  const call = async <T>(path: string, body?: Record<string, unknown>): Promise<T> => {
    const response = await fetch(new URL(path, base), {
      method: body ? 'POST' : 'GET',
      headers: { [TOKEN_HEADER]: token, ...(body ? { 'Content-Type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    }).catch(() => {
      throw new ReviewRefusal('The review server does not answer: is npm run review still running?', false);
    });
    const answer = (await response.json().catch(() => ({}))) as { error?: string; reload?: boolean };
    if (!response.ok) throw new ReviewRefusal(answer.error ?? `the server answered ${response.status}`, answer.reload === true);
    return answer as T;
  };
  const query = (path: string, params: Record<string, string>) => `${path}?${new URLSearchParams({ version: version() ?? '', ...params })}`;

  const serverVersion = () => call<{ version: string; undoable: boolean }>('api/version');
  /** Loads the dataset with the version it is of: again, should another tab have written while it loaded. */
  const sync = async (load: () => Promise<void>) => {
    for (;;) {
      const before = await serverVersion();
      await load();
      const after = await serverVersion();
      if (after.version === before.version) return void batch(() => (setVersion(after.version), setUndoable(after.undoable)));
    }
  };

  /** Sends a write on the version shown, then shows what it did and the data it made, `focus` the quote to focus then. */
  const write = async (path: string, body: Record<string, unknown>, focus: string | null = null) => {
    if (busy()) return;
    setBusy(true);
    try {
      const answer = await call<{ version: string; said: string }>(path, { version: version(), ...body });
      await sync(reload);
      batch(() => {
        setRefocus({ event: focus });
        setMessage({ kind: 'done', text: answer.said });
      });
    } catch (error) {
      const refusal = error instanceof ReviewRefusal ? error : new ReviewRefusal(String(error), false);
      setMessage({ kind: refusal.reload ? 'reload' : 'error', text: refusal.message });
    } finally {
      setBusy(false);
    }
  };

  return {
    version,
    undoable,
    busy,
    message,
    dismiss: () => setMessage(null),
    /** Loads the dataset the first time (`load`), with the version it is of, so that writes name what the page shows. */
    start: (load: () => Promise<void>) => sync(load),
    /** The last change made, once the data it made shows (see Refocus): the app gives the focus back with it. */
    refocus,
    correct: (event: string, correction: Correction) => write('api/corrections', { event, ...correction }, correction.action === 'wrong' ? null : event), // a wrong event is gone
    settle: (place: string, decision: 'accept' | 'choose' | 'reject', ref?: string) => write('api/places', { place, decision, ...(ref ? { ref } : {}) }),
    undo: () => write('api/undo', {}),
    search: (event: string, q: string) => call<{ results: PlaceHit[] }>(query('api/places', { event, q })).then((r) => r.results),
    /** A Move by a click on the map under way (see Picking), or null. */
    picking,
    /** Waits for a click on the map to move this event there (the map opens no mark meanwhile). */
    startPicking: (event: string, about: string) => setPicking({ event, about, at: null, results: null }),
    stopPicking: () => setPicking(null),
    /** The point clicked while picking: the places near it are asked for, to choose from. */
    pickAt(at: [number, number]) {
      const now = picking();
      if (!now) return;
      setPicking({ ...now, at, results: null });
      call<{ results: PlaceHit[] }>(query('api/places', { event: now.event, near: `${at[0]},${at[1]}` })).then(
        (r) => picking()?.at === at && setPicking({ ...now, at, results: r.results }),
        (error: Error) => (setPicking(null), setMessage({ kind: 'error', text: error.message })),
      );
    },
    eventDate: (event: string) => call<{ event: EventDate }>(query('api/event', { id: event })).then((r) => r.event),
  };
}

export type ReviewStore = ReturnType<typeof createReviewStore>;

/** The review store of the page, or null in the static build (no review controls). */
export const ReviewContext = createContext<ReviewStore | null>(null);
export const useReview = () => useContext(ReviewContext);
