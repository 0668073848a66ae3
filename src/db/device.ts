import type { Role } from '../model/constants';
import {
  type ClockState,
  initialClock,
  isClockState,
  isStamp,
  now,
  parseStamp,
  type ReceiveResult,
  receive,
} from '../model/hlc';
import { newNodeId } from '../model/ids';
import type { MentoringDb } from './database';
// The clock's row is also read by the change marker (readModels.ts).
import { CLOCK_KEY } from './readModels';

/** What this device knows of one journal that the partner must never see. */
export interface Membership {
  journalId: string;
  /** My role in this journal on this device. */
  role: Role;
  lastExportAt?: string;
  lastBackupAt?: string;
  lastImportAt?: string;
}

const NODE_KEY = 'nodeId';
const CURRENT_KEY = 'currentJournalId';
const membershipKey = (journalId: string) => `membership:${journalId}`;

/** Device-only state: node id, clock, current journal, my role per journal, preferences. */
export class DeviceRepository {
  constructor(private readonly db: MentoringDb) {}

  /** This device's node id, created on first use. */
  async nodeId(): Promise<string> {
    return this.db.transaction('rw', this.db.local, async () => {
      const row = await this.db.local.get(NODE_KEY);
      if (typeof row?.value === 'string') return row.value;
      const id = newNodeId();
      await this.db.local.put({ key: NODE_KEY, value: id });
      return id;
    });
  }

  /** Gives this device a new node id (a backup restored onto a new device must not reuse the old one's). */
  async resetNodeId(): Promise<string> {
    return this.db.transaction('rw', this.db.local, async () => {
      const id = newNodeId();
      await this.db.local.put({ key: NODE_KEY, value: id });
      const clock = await this.clockState();
      await this.db.local.put({ key: CLOCK_KEY, value: { ...clock, node: id } });
      return id;
    });
  }

  /**
   * The stored clock state, or — when it is missing or damaged (not a real time: NaN, out of range)
   * — a fresh one from the wall clock, so that one bad value can never stop this device saving.
   */
  private async clockState(): Promise<ClockState> {
    const row = await this.db.local.get(CLOCK_KEY);
    const node = await this.nodeId();
    const state = row?.value;
    if (isClockState(state))
      return state.node === node ? state : { ...initialClock(node), millis: state.millis };
    return initialClock(node);
  }

  /**
   * Repairs a damaged stored clock state at start-up: the clock restarts past the latest stamp any
   * record on this device carries, so later edits still win over every edit already here. Returns
   * whether it had to repair anything.
   */
  async healClock(): Promise<boolean> {
    const row = await this.db.local.get(CLOCK_KEY);
    if (row === undefined || isClockState(row.value)) return false;
    return this.db.transaction('rw', [...this.db.recordTables(), this.db.local], async () => {
      let latest: string | undefined;
      for (const table of this.db.recordTables()) {
        await table.each((record: { stamps?: Record<string, unknown> }) => {
          for (const stamp of Object.values(record.stamps ?? {})) {
            if (isStamp(stamp) && (latest === undefined || stamp > latest)) latest = stamp;
          }
        });
      }
      const node = await this.nodeId();
      const seen = latest ? parseStamp(latest) : initialClock(node);
      await this.db.local.put({
        key: CLOCK_KEY,
        value: { millis: seen.millis, counter: seen.counter, node },
      });
      return true;
    });
  }

  /**
   * Issues the next stamp. Call inside a read-write transaction that includes `local`: the clock
   * state is read and written within the same transaction as the record, so two tabs never issue
   * the same stamp, and a write that fails does not move the clock.
   */
  async nextStamp(): Promise<string> {
    const { state, stamp } = now(await this.clockState(), this.db.wallClock());
    await this.db.local.put({ key: CLOCK_KEY, value: state });
    return stamp;
  }

  /** Moves the clock past a stamp from another device; reports (never refuses) a far-ahead one. */
  async receiveStamp(remote: string): Promise<ReceiveResult> {
    const result = receive(await this.clockState(), remote, this.db.wallClock());
    await this.db.local.put({ key: CLOCK_KEY, value: result.state });
    return result;
  }

  /** The clock state as stored (for an import's snapshot, which undo puts back). */
  async storedClock(): Promise<unknown> {
    return (await this.db.local.get(CLOCK_KEY))?.value;
  }

  /** The node id as stored, without creating one. */
  async storedNodeId(): Promise<unknown> {
    return (await this.db.local.get(NODE_KEY))?.value;
  }

  /** Puts back a clock state and node id exactly as a snapshot holds them (undefined: none stored). */
  async restoreClock(clock: unknown, nodeId: unknown): Promise<void> {
    if (nodeId === undefined) await this.db.local.delete(NODE_KEY);
    else await this.db.local.put({ key: NODE_KEY, value: nodeId });
    if (clock === undefined) await this.db.local.delete(CLOCK_KEY);
    else await this.db.local.put({ key: CLOCK_KEY, value: clock });
  }

  async currentJournalId(): Promise<string | undefined> {
    const row = await this.db.local.get(CURRENT_KEY);
    return typeof row?.value === 'string' ? row.value : undefined;
  }

  async setCurrentJournalId(journalId: string | undefined): Promise<void> {
    if (journalId === undefined) await this.db.local.delete(CURRENT_KEY);
    else await this.db.local.put({ key: CURRENT_KEY, value: journalId });
  }

  async membership(journalId: string): Promise<Membership | undefined> {
    return (await this.db.local.get(membershipKey(journalId)))?.value as Membership | undefined;
  }

  async memberships(): Promise<Membership[]> {
    const rows = await this.db.local.where('key').startsWith('membership:').toArray();
    return rows.map((row) => row.value as Membership);
  }

  /** Records or changes what this device knows of a journal (my role, last backup…). */
  async setMembership(journalId: string, changes: Partial<Omit<Membership, 'journalId'>> & { role?: Role }) {
    await this.db.transaction('rw', this.db.local, async () => {
      const current = await this.membership(journalId);
      const role = changes.role ?? current?.role;
      if (!role) throw new Error(`No role recorded for journal ${journalId}`);
      await this.db.local.put({
        key: membershipKey(journalId),
        value: { ...current, ...changes, role, journalId },
      });
    });
  }

  async removeMembership(journalId: string) {
    await this.db.local.delete(membershipKey(journalId));
  }

  /** A device-only preference (theme, last screen…). */
  async preference<T>(name: string): Promise<T | undefined> {
    return (await this.db.local.get(`pref:${name}`))?.value as T | undefined;
  }

  async setPreference(name: string, value: unknown) {
    await this.db.local.put({ key: `pref:${name}`, value });
  }
}
