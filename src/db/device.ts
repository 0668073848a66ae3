import type { Role } from '../model/constants';
import { type ClockState, initialClock, now, type ReceiveResult, receive } from '../model/hlc';
import { newNodeId } from '../model/ids';
import type { MentoringDb } from './database';

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
const CLOCK_KEY = 'clock';
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

  private async clockState(): Promise<ClockState> {
    const row = await this.db.local.get(CLOCK_KEY);
    const node = await this.nodeId();
    const state = row?.value as ClockState | undefined;
    return state && state.node === node ? state : { ...initialClock(node), millis: state?.millis ?? 0 };
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
