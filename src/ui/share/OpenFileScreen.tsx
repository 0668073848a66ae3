import { useEffect, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { ImportFlow } from './ImportFlow';
import {
  onOpenedFile,
  openingSupport,
  type SharedFile,
  takeOpenedFile,
  takeSharedFile,
} from './incomingFile';
import './ShareScreen.css';

/** Why a share brought no file, in words. */
const SHARE_PROBLEMS: Record<Exclude<SharedFile, { file: File }>['problem'], string> = {
  'no-file':
    'Nothing to open arrived with the share. Share the .json file itself (the attachment), not a link or the text of the message.',
  failed: 'The shared file could not be kept on this device (storage may be full). Nothing was imported.',
  'none-kept':
    'The shared file is no longer waiting here: it was opened already, or the page was reloaded. Share it again, or choose it below.',
  'no-storage': 'This browser cannot hand a shared file to the app. Save the file, then choose it below.',
};

/**
 * /open: a partner's pair file (or a backup) that came from the system — a file launch or a share —
 * in the same import preview as the Share screen. Without such a file, it says how to open one and
 * offers the file picker. `onDone` runs after an import (the shell passes it on a device that had no
 * journal yet, to go to the journal just added).
 */
export function OpenFileScreen({ onDone }: { onDone?: () => void }) {
  const { query } = useLocation();
  const [file, setFile] = useState<File | undefined>(() => takeOpenedFile());
  const [problem, setProblem] = useState<string | undefined>();
  const [note, setNote] = useState<string | undefined>();

  // A launch can arrive after this screen shows (the browser hands it once a consumer is set).
  useEffect(
    () =>
      onOpenedFile(() => {
        const next = takeOpenedFile();
        if (next) {
          setProblem(undefined);
          setFile(next);
        }
      }),
    [],
  );

  const shared = query.shared;
  useEffect(() => {
    if (shared === undefined) return;
    let live = true;
    takeSharedFile(shared).then(
      (found) => {
        if (!live) return;
        if ('file' in found) {
          setFile(found.file);
          if (found.count > 1)
            setNote(`${found.count} files were shared; the first, ${found.file.name}, is opened.`);
        } else setProblem(SHARE_PROBLEMS[found.problem]);
      },
      () => live && setProblem(SHARE_PROBLEMS.failed),
    );
    return () => {
      live = false;
    };
  }, [shared]);

  return (
    <>
      <h1>Open a file</h1>
      {file ? (
        <p>
          Opened <strong>{file.name}</strong>. See what it holds before anything is imported.
        </p>
      ) : (
        <p>Open a pair file from your partner, or a backup of this device.</p>
      )}
      {note && <p class="meta">{note}</p>}
      {problem && (
        <p class="warning" role="alert">
          {problem}
        </p>
      )}
      <section class="share-section" aria-label="The file">
        <ImportFlow mode="share" file={file} onDone={onDone} />
      </section>
      <OpenFileHelp />
    </>
  );
}

/**
 * How to open a partner's file on this device: from the system where the installed app can take
 * it, else by saving it and choosing it in the app.
 */
export function OpenFileHelp() {
  const support = openingSupport();
  return (
    <details class="open-file-help">
      <summary>How to open a file from your partner</summary>
      <ul>
        {support.touch ? (
          <li>
            On an Android phone with this app installed: in your mail or chat app, share the attachment and
            choose <strong>Mentoring Journal</strong>. Elsewhere (iPhone, iPad, or the app not installed):
            save the attachment to Files, then choose it under Share, “Choose a file to import”.
          </li>
        ) : (
          <li>
            {support.fileLaunch
              ? 'On this computer, with the app installed: right-click the .json file and choose Open with → Mentoring Journal, or double-click it if the app is its default.'
              : 'In this browser the app cannot be chosen to open files: save the .json file, then choose it under Share, “Choose a file to import”, or drop it there.'}
          </li>
        )}
        <li>
          A pair file keeps its .json name: do not rename it. Files that are not Mentoring Journal files are
          refused, and nothing is imported until you have seen what the file holds and said yes.
        </li>
      </ul>
    </details>
  );
}

/** The /open route of the shell (a device with a journal). */
export function OpenFileRoute() {
  return <OpenFileScreen />;
}
