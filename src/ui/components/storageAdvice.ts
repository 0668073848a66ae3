import { useEffect, useState } from 'preact/hooks';

/**
 * Whether this browser will keep the journal, and if not, the one step that fixes it here. Safari
 * (iOS and macOS) deletes a site's storage after seven days without a visit unless the app was added
 * to the Home Screen (iOS) or the Dock (macOS); Chromium and Firefox may evict a site whose storage
 * is not persistent when space runs low, unless it is installed or granted persistence.
 */
export type StorageAdvice = 'kept' | 'add-to-home-screen' | 'add-to-dock' | 'install' | 'unknown';

export interface StorageFacts {
  /** `navigator.storage.persisted()`, or undefined when the browser cannot say. */
  persisted: boolean | undefined;
  userAgent: string;
  /** Touch points (iPadOS reports itself as a Mac; a Mac has none). */
  maxTouchPoints: number;
  /** Opened from the Home Screen, the Dock or as an installed app. */
  standalone: boolean;
}

export function storageAdvice({
  persisted,
  userAgent,
  maxTouchPoints,
  standalone,
}: StorageFacts): StorageAdvice {
  if (persisted) return 'kept';
  const ios = /iPhone|iPad|iPod/.test(userAgent) || (/Macintosh/.test(userAgent) && maxTouchPoints > 1);
  const safari =
    /Safari\//.test(userAgent) && !/Chrome\/|Chromium\/|CriOS\/|Edg\/|Firefox\/|FxiOS\//.test(userAgent);
  // Web apps on the Home Screen or in the Dock are exempt from Safari's seven-day rule.
  if (ios) return standalone ? 'kept' : 'add-to-home-screen';
  if (safari && /Macintosh/.test(userAgent)) return standalone ? 'kept' : 'add-to-dock';
  if (persisted === undefined) return 'unknown';
  return 'install';
}

/** What to tell the person, for each advice that needs a step. */
export const STORAGE_ADVICE_TEXT: Record<Exclude<StorageAdvice, 'kept'>, string> = {
  'add-to-home-screen':
    'Safari deletes what a website stores after seven days without a visit. To keep this journal, add the app to your Home Screen: tap Share, then “Add to Home Screen”, and open it from there.',
  'add-to-dock':
    'Safari deletes what a website stores after seven days without a visit. To keep this journal, add the app to the Dock: File → Add to Dock, and open it from there.',
  install:
    'This browser may clear the journal when the device runs short of space. Install the app (the install icon in the address bar, or the browser’s menu → Install) so the browser keeps it.',
  unknown: 'This browser cannot promise to keep the journal. Keep a backup on another device.',
};

function isStandalone(): boolean {
  const nav = navigator as Navigator & { standalone?: boolean };
  return nav.standalone === true || window.matchMedia?.('(display-mode: standalone)').matches === true;
}

/** The advice for this browser, once the storage API has answered (undefined until then). */
export function useStorageAdvice(): StorageAdvice | undefined {
  const [advice, setAdvice] = useState<StorageAdvice | undefined>(undefined);
  useEffect(() => {
    let live = true;
    const storage = navigator.storage;
    const persisted = storage?.persisted
      ? storage.persisted().catch(() => undefined)
      : Promise.resolve(undefined);
    persisted.then((value) => {
      if (!live) return;
      setAdvice(
        storageAdvice({
          persisted: value,
          userAgent: navigator.userAgent,
          maxTouchPoints: navigator.maxTouchPoints ?? 0,
          standalone: isStandalone(),
        }),
      );
    });
    return () => {
      live = false;
    };
  }, []);
  return advice;
}
