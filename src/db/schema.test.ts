import { describe, expect, it } from 'vitest';
import { recordStores } from '../model/registry';
import { DEVICE_TABLES, LATEST_SCHEMA, RECORD_TABLES } from './schema';

describe('the database schema', () => {
  it('agrees with the newest database version: same record tables, same indexes', () => {
    const latestRecordStores = Object.fromEntries(
      Object.entries(LATEST_SCHEMA).filter(
        ([table]) => !(DEVICE_TABLES as readonly string[]).includes(table),
      ),
    );
    expect(latestRecordStores).toEqual(recordStores());
    expect([...RECORD_TABLES].sort()).toEqual(Object.keys(latestRecordStores).sort());
  });
});
