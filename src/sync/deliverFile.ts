/** Handing a file the app made to the person: the share sheet where there is one, else a download. */

/** Whether this browser's share sheet takes a file of `type` (Web Share level 2; phones mostly). */
export function canShareFile(type: string, nav: Navigator = navigator): boolean {
  if (typeof nav.canShare !== 'function') return false;
  try {
    return nav.canShare({ files: [new File([], 'file', { type })] });
  } catch {
    return false;
  }
}

/**
 * Hands a file to the person: the share sheet where the browser can share files (phones),
 * otherwise a download. Returns what happened. A compressed file keeps its `.json` name and the
 * JSON type, so share sheets and file pickers treat it like every other pair file; the app reads
 * what it holds, not its name. Pair files, backups and the committee summary (PDF and JSON) all
 * go this way; `type` is the file's media type (JSON unless said).
 */
export async function deliverFile(
  { name, bytes, type = 'application/json' }: { name: string; bytes: Uint8Array; type?: string },
  nav: Navigator = navigator,
): Promise<'shared' | 'downloaded' | 'cancelled'> {
  const file = new File([bytes as Uint8Array<ArrayBuffer>], name, { type });
  if (typeof nav.canShare === 'function' && nav.canShare({ files: [file] })) {
    try {
      await nav.share({ files: [file], title: name });
      return 'shared';
    } catch (error) {
      if ((error as Error).name === 'AbortError') return 'cancelled';
      // Sharing failed for another reason (not allowed here): fall back to a download.
    }
  }
  const url = URL.createObjectURL(file);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return 'downloaded';
}
