import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Role } from '../model/constants';
import type { Journal } from '../model/journal';

/** The journal the screens work on, and my role in it on this device. */
export interface CurrentJournal {
  journalId: string;
  journal: Journal;
  role: Role;
}

export const JournalContext = createContext<CurrentJournal | undefined>(undefined);

/** The current journal; screens under the shell always have one. */
export function useJournal(): CurrentJournal {
  const current = useContext(JournalContext);
  if (!current) throw new Error('useJournal() used outside a journal');
  return current;
}
