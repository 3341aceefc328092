import type { MatchReason } from '../../lib/types';

const KIND_TEXT: Record<MatchReason['kind'], string> = {
  'shared-terms': 'same key words',
  synonyms: 'same meaning in other words',
  quotation: 'same quotation',
  numbers: 'same figures',
  names: 'same names',
};

export interface MatchReasonsProps {
  reasons: MatchReason[];
}

/** "Why it matched: same names (Esper, Abdul-Mahdi); same figures (5,200)". */
export function MatchReasons({ reasons }: MatchReasonsProps) {
  if (reasons.length === 0) return null;
  return (
    <p class="px-why">
      <span class="px-why-label">Why it matched: </span>
      {reasons.map((r) => (r.evidence.length > 0 ? `${KIND_TEXT[r.kind]} (${r.evidence.join(', ')})` : KIND_TEXT[r.kind])).join('; ')}
    </p>
  );
}
