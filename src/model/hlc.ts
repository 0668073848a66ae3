/**
 * Hybrid logical clock. A stamp is fixed-width text whose string order is time order:
 *
 *   2026-11-22T10:00:00.000Z-0001-3f9a2c7e1b4d5e6f
 *   └ wall-clock millis (ISO) ┘ └cnt┘ └─ device node ┘
 *
 * The functions here are pure: the caller passes the wall clock and keeps the state (the database
 * keeps it inside each write's transaction, so several tabs of one device never share a stamp).
 */

/** Stamps from a clock more than this far ahead of ours are accepted but reported. */
export const MAX_DRIFT_MS = 24 * 60 * 60 * 1000;

const MAX_COUNTER = 0xffff;
const NODE_PATTERN = /^[0-9a-f]{16}$/;
const STAMP_PATTERN = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z)-([0-9a-f]{4})-([0-9a-f]{16})$/;
/** Latest instant whose ISO form keeps a four-digit year, so stamps stay fixed-width. */
const MAX_MILLIS = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

/** The lowest possible stamp: older than every real edit. */
export const ZERO_STAMP = '1970-01-01T00:00:00.000Z-0000-0000000000000000';

export interface ClockState {
  /** Highest millis this device has issued or seen. */
  millis: number;
  counter: number;
  /** This device's node id: 16 lowercase hex digits. */
  node: string;
}

export interface ParsedStamp {
  millis: number;
  counter: number;
  node: string;
}

export interface ReceiveResult {
  state: ClockState;
  /** How far the remote stamp is ahead of our wall clock, when that exceeds MAX_DRIFT_MS. */
  aheadByMs?: number;
}

/**
 * Is this text a stamp? Only if it names a real instant: its date and time convert to a time and
 * back to the very same text (so month 19 or hour 29, which look right, are refused).
 */
export function isStamp(text: unknown): text is string {
  if (typeof text !== 'string') return false;
  const match = STAMP_PATTERN.exec(text);
  if (!match) return false;
  const millis = Date.parse(match[1]!);
  return Number.isFinite(millis) && millis <= MAX_MILLIS && new Date(millis).toISOString() === match[1];
}

/** Is this a clock state the functions here can work from (finite, in range, with a node id)? */
export function isClockState(value: unknown): value is ClockState {
  if (typeof value !== 'object' || value === null) return false;
  const { millis, counter, node } = value as Partial<ClockState>;
  return (
    Number.isSafeInteger(millis) &&
    millis! >= 0 &&
    millis! <= MAX_MILLIS &&
    Number.isSafeInteger(counter) &&
    counter! >= 0 &&
    counter! <= MAX_COUNTER &&
    typeof node === 'string' &&
    NODE_PATTERN.test(node)
  );
}

function checkState(state: ClockState): void {
  if (!isClockState(state))
    throw new InvalidClockError(`the clock state ${JSON.stringify(state)} is damaged`);
}

function checkWall(wallMillis: number): void {
  if (!Number.isSafeInteger(wallMillis) || wallMillis < 0 || wallMillis > MAX_MILLIS) {
    throw new InvalidClockError(`the wall clock reads ${String(wallMillis)}`);
  }
}

/** Writes millis, counter and node as a stamp. */
export function formatStamp({ millis, counter, node }: ParsedStamp): string {
  const iso = new Date(Math.min(Math.max(millis, 0), MAX_MILLIS)).toISOString();
  return `${iso}-${counter.toString(16).padStart(4, '0')}-${node}`;
}

/** Reads a stamp back; throws on text that is not one (see `isStamp`). */
export function parseStamp(stamp: string): ParsedStamp {
  const match = STAMP_PATTERN.exec(stamp);
  if (!match || !isStamp(stamp)) throw new InvalidStampError(stamp);
  return { millis: Date.parse(match[1]!), counter: Number.parseInt(match[2]!, 16), node: match[3]! };
}

/** Issues the next local stamp: later than every stamp this clock has issued or received. */
export function now(state: ClockState, wallMillis: number): { state: ClockState; stamp: string } {
  checkState(state);
  checkWall(wallMillis);
  let millis = Math.max(state.millis, wallMillis);
  let counter = millis === state.millis ? state.counter + 1 : 0;
  if (counter > MAX_COUNTER) {
    // Rather than refuse to write, borrow a millisecond from the future.
    millis += 1;
    counter = 0;
  }
  const next = { millis, counter, node: state.node };
  return { state: next, stamp: formatStamp(next) };
}

/**
 * Moves the clock past a stamp seen in another device's file, so that every later local edit wins
 * over it. A far-ahead stamp (a partner's wrong clock) is accepted and reported, never refused:
 * refusing would block the import, and ignoring it would make later local edits lose.
 */
export function receive(state: ClockState, remote: string, wallMillis: number): ReceiveResult {
  checkState(state);
  checkWall(wallMillis);
  const theirs = parseStamp(remote);
  const millis = Math.max(state.millis, theirs.millis, wallMillis);
  let counter = 0;
  if (millis === state.millis && millis === theirs.millis) counter = Math.max(state.counter, theirs.counter);
  else if (millis === state.millis) counter = state.counter;
  else if (millis === theirs.millis) counter = theirs.counter;
  const result: ReceiveResult = { state: { millis, counter, node: state.node } };
  const ahead = theirs.millis - wallMillis;
  if (ahead > MAX_DRIFT_MS) result.aheadByMs = ahead;
  return result;
}

/** A fresh clock for a new device node. */
export function initialClock(node: string): ClockState {
  return { millis: 0, counter: 0, node };
}

/** Thrown for text that should be a stamp but is not. */
export class InvalidStampError extends Error {
  constructor(readonly text: string) {
    super(`Not a valid clock stamp: ${JSON.stringify(text).slice(0, 80)}`);
    this.name = 'InvalidStampError';
  }
}

/** Thrown for a clock state or wall clock that is not a real time: the clock never works from one. */
export class InvalidClockError extends Error {
  constructor(detail: string) {
    super(`The clock cannot issue a stamp: ${detail}`);
    this.name = 'InvalidClockError';
  }
}
