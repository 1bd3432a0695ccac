import type { Verdict } from '../types';
import { citationMarkdown, formatDate, speakerName } from '../citation';
import { whoSaid } from '../speakers';
import type { CheckItem, CheckReport } from './checkArticle';

/** A check report as Markdown, for an editor's notes. */

export const VERDICT_LABELS: Record<Verdict, string> = {
  verbatim: 'Verbatim',
  altered: 'Altered',
  paraphrase: 'Paraphrase',
  'not-found': 'Not in the index',
  invalid: 'Not checked',
};

/** "Altered (2 differences)", "Verbatim", …: the verdict as the card names it. */
export function verdictLabel(item: CheckItem): string {
  const { answer } = item;
  const n = answer.best?.differences.length ?? 0;
  if (answer.verdict === 'altered') return `Altered (${n} difference${n === 1 ? '' : 's'})`;
  return VERDICT_LABELS[answer.verdict] ?? answer.verdict;
}

function flat(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

function escapeMd(s: string): string {
  return s.replace(/([\\`*_[\]<>|#])/g, '\\$1');
}

export function summaryLine(report: CheckReport): string {
  const s = report.summary;
  const parts = [`${s.total} quotation${s.total === 1 ? '' : 's'}`];
  for (const v of ['verbatim', 'altered', 'paraphrase', 'not-found', 'invalid'] as const) {
    if (s[v]) parts.push(`${s[v]} ${VERDICT_LABELS[v].toLowerCase()}`);
  }
  if (s.misattributed) parts.push(`${s.misattributed} attributed to someone else`);
  return parts.join(', ');
}

export function reportMarkdown(report: CheckReport, title = 'Quotation check'): string {
  const out: string[] = [`# ${title}`, '', summaryLine(report), ''];
  report.items.forEach((item, i) => {
    const { quotation, answer } = item;
    const best = answer.best;
    out.push(`## ${i + 1}. ${verdictLabel(item)}${quotation.kind === 'reported' ? ' (reported speech)' : ''}`, '');
    out.push(`> ${escapeMd(flat(quotation.text))}`, '');
    if (answer.verdict === 'invalid' && answer.reason) out.push(`- Not checked: ${escapeMd(answer.reason)}`);
    if (best) {
      out.push(`- **Said by:** ${escapeMd(whoSaid(best.kind, best.speaker, best.release.organisation, true))}`);
      out.push(`- **Date:** ${formatDate(best.date)}`);
      for (const d of best.differences) {
        out.push(`- **${d.type === 'number' ? 'Figure changed' : 'Difference'}:** page “${escapeMd(d.page)}” — original “${escapeMd(d.original)}”`);
      }
      if (best.attribution && !best.attribution.consistent) {
        const names = best.attribution.names.length ? best.attribution.names.join(', ') : 'no one';
        out.push(`- **Attribution:** the article names ${escapeMd(names)}; the release names ${escapeMd(speakerName(best.speaker) || 'no one')}`);
      }
      if (answer.verdict !== 'verbatim') out.push(`- **Original:** “${escapeMd(flat(best.quote.slice(best.span[0], best.span[1]) || best.quote))}”`);
      out.push(`- **Source:** ${citationMarkdown(best)}`);
    } else if (answer.verdict === 'not-found') {
      out.push('- Nothing in the index is like these words.');
    }
    out.push('');
  });
  return out.join('\n');
}
