import { type Role, VISIBILITIES, type Visibility } from './constants';
import { KIND_REGISTRY, type KindInfo, type KindName } from './registry';

/**
 * Who may be chosen to see a record: "only me" is offered only on my own records of a kind that
 * may be private (making the partner's record private would delete it from their device), and
 * "the committee" only for kinds the committee summary shows. The current value is always among
 * the choices. `author` is undefined for a record not yet saved (mine).
 */
export function visibilityChoices(
  kind: KindName,
  author: Role | undefined,
  myRole: Role,
  current?: Visibility,
): Visibility[] {
  const mine = author === undefined || author === myRole;
  const privateAllowed = KIND_REGISTRY[kind].mayBePrivate && mine;
  const info: KindInfo = KIND_REGISTRY[kind];
  return VISIBILITIES.filter(
    (v) =>
      v === current ||
      v === 'pair' ||
      (v === 'private' && privateAllowed) ||
      (v === 'committee' && info.inSummary === true),
  );
}
