import type { IndexStats } from '../lib/protocol';
import { formatDate } from '../core/citation';

export function IndexStatsView(props: { stats: IndexStats; compact?: boolean }) {
  const s = props.stats;
  const built = s.built.slice(0, 10);
  if (props.compact)
    return (
      <p class="small muted stats" aria-label="The index">
        Index: {s.statements.toLocaleString('en-GB')} statements from {s.releases.toLocaleString('en-GB')} releases, built {formatDate(built)}.
      </p>
    );
  return (
    <dl class="statlist">
      <dt>Releases</dt>
      <dd>{s.releases.toLocaleString('en-GB')}</dd>
      <dt>Statements</dt>
      <dd>
        {s.statements.toLocaleString('en-GB')} ({s.quotations.toLocaleString('en-GB')} quotations)
      </dd>
      <dt>Speakers</dt>
      <dd>{s.speakers.toLocaleString('en-GB')}</dd>
      <dt>Organisations</dt>
      <dd>{s.organisations.length ? s.organisations.map((o, i) => <>{i ? ', ' : ''}<bdi>{o}</bdi></>) : '—'}</dd>
      <dt>Releases dated</dt>
      <dd>{s.from && s.to ? `${formatDate(s.from)} to ${formatDate(s.to)}` : '—'}</dd>
      <dt>Index built</dt>
      <dd>{formatDate(built)}</dd>
    </dl>
  );
}
