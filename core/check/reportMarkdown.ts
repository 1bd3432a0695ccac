import type { Verdict } from '../types';
import { describe, verdictName } from '../present/describe';
import { formatDate } from '../citation';
import type { CheckReport } from './checkArticle';
import { flat } from '../text/clip';

/** A check report as Markdown, for an editor's notes: each quotation laid out from its one description. */


function escapeMd(s: string): string {
  return s.replace(/([\\`*_[\]<>|#])/g, '\\$1');
}

/** "6 quotations, 2 verbatim, 1 altered, …, 1 attributed to someone else". */
export function summaryLine(report: CheckReport): string {
  const s = report.summary;
  const parts = [`${s.total} quotation${s.total === 1 ? '' : 's'}`];
  for (const v of ['verbatim', 'altered', 'paraphrase', 'not-found', 'invalid'] as Verdict[]) {
    if (s[v]) parts.push(`${s[v]} ${verdictName(v).toLowerCase()}`);
  }
  if (s.misattributed) parts.push(`${s.misattributed} attributed to someone else`);
  return parts.join(', ');
}

export interface ReportOptions {
  title?: string;
  /** The article's address, when it is a page. */
  pageUrl?: string;
  /** When it was checked (default: now). */
  on?: Date;
}

export function reportMarkdown(report: CheckReport, options: ReportOptions = {}): string {
  const on = options.on ?? new Date();
  const out: string[] = [`# ${options.title ?? 'Quotation check'}`, ''];
  if (options.pageUrl) out.push(`Article: <${options.pageUrl}>  `);
  out.push(`Checked on ${formatDate(on.toISOString().slice(0, 10))} with On the Record.`, '', summaryLine(report), '');
  report.items.forEach((item, i) => {
    const { quotation, answer } = item;
    const d = describe(answer, { checked: { pageUrl: options.pageUrl, pageText: quotation.text, on } });
    out.push(`## ${i + 1}. ${escapeMd(d.label)}${quotation.kind === 'reported' ? ' (reported speech)' : ''}`, '');
    out.push(`> ${escapeMd(flat(quotation.text))}`, '');
    if (answer.verdict === 'invalid' && answer.reason) out.push(`- Not checked: ${escapeMd(answer.reason)}`);
    if (d.who) {
      out.push(`- **Said by:** ${escapeMd(d.who)}`);
      out.push(`- **Date:** ${d.date}`);
      for (const x of d.differences) out.push(`- ${escapeMd(x.text)}`);
      if (d.attribution) out.push(`- **Attribution:** ${escapeMd(d.attribution)}`);
      for (const n of d.notes) out.push(`- ${escapeMd(n)}`);
      // (The report's head says when and where it was checked: not again under each citation.)
      if (d.citation) out.push('', d.citation.markdown.replace(/\n+Checked on [^\n]*$/, ''));
    } else if (answer.verdict === 'not-found') {
      out.push(`- ${d.hint}`);
    }
    out.push('');
  });
  return out.join('\n');
}
