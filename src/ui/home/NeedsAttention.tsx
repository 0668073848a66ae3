import type { HomeFacts } from '../../db/firstLoad';
import type { ReviewStage } from '../../model/nudges';
import { useLazy } from '../hooks/useLazy';

const loadCard = () => import('./NeedsAttentionCard');

/**
 * Home's "Needs attention" card (NeedsAttentionCard.tsx). Its lines need what Home's first read
 * lacks, which comes only once Dexie has loaded, so its code loads then too, outside the first
 * load; meanwhile the card shows its frame. `reviewDue`: the review the pair is asked to do now.
 */
export function NeedsAttention(props: { facts: HomeFacts | undefined; reviewDue?: ReviewStage }) {
  const card = useLazy(loadCard);
  if (card) return <card.NeedsAttentionCard {...props} />;
  return (
    <section class="card wide" aria-labelledby="home-attention">
      <h2 id="home-attention">Needs attention</h2>
      <p>Loading…</p>
    </section>
  );
}
