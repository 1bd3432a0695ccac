/**
 * What the index holds, said beside "Not in the index" so that it reads for what it is: nobody
 * in these releases said it, not nobody ever did.
 */
import type { IndexCoverage } from '../lib/protocol';
import { formatDate } from '../core/citation';

export function Coverage(props: { coverage: IndexCoverage }) {
  const c = props.coverage;
  const plural = (n: number, one: string) => `${n.toLocaleString('en-GB')} ${one}${n === 1 ? '' : 's'}`;
  return (
    <p class="otr-coverage">
      Searched {plural(c.statements, 'statement')} in {plural(c.releases, 'release')}
      {c.from && c.to ? ` dated ${formatDate(c.from)} to ${formatDate(c.to)}` : ''}
      {c.organisations.length ? (
        <>
          {' '}
          from{' '}
          {c.organisations.slice(0, 6).map((o, i) => (
            <span key={i}>
              {i ? ', ' : ''}
              <bdi>{o}</bdi>
            </span>
          ))}
          {c.organisations.length > 6 ? ` and ${c.organisations.length - 6} more` : ''}
        </>
      ) : null}
      .
    </p>
  );
}
