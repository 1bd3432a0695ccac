/** `otr check FILE`: every quotation of an article or a draft (.txt or .html), checked at once. */
import path from 'node:path';
import type { Writable } from 'node:stream';
import { clip } from '../../core/text/clip';
import { checkQuotations, describe, findQuotations, reportMarkdown, summaryLine, type CheckItem, type CheckReport } from '../../core/index';
import { CliError } from '../errors';
import { paintVerdict } from '../format';
import { parseHTML } from 'linkedom';
import { extractArticle } from '../../lib/import/article';
import { htmlToText } from '../htmlText';
import { decodeText, MAX_TEXT_BYTES } from '../readReleases';
import { readBoundedFile } from '../files';
import { loadMatcher } from './match';

export interface CheckOptions {
  index: { file: string; shown: string; hint?: string };
  /** The article, resolved, and how to name it. */
  file: { path: string; shown: string };
  json: boolean;
  markdown: boolean;
  color: boolean;
}

/** The article's text: a .html/.htm file is read as a page, anything else as text. */
export function readArticle(file: string, shown: string): string {
  // A regular file of at most MAX_TEXT_BYTES, checked before it is read, and read no further.
  const read = readBoundedFile(file, MAX_TEXT_BYTES);
  if ('reason' in read) {
    if (/^too large/.test(read.reason)) throw new CliError(`${shown} is ${read.reason}`);
    throw new CliError(`cannot read ${shown}: ${read.reason}`, true);
  }
  const decoded = decodeText(read.bytes);
  if (!('text' in decoded)) throw new CliError(`${shown} is ${decoded.reason}`);
  return /\.x?html?$/i.test(file) ? pageText(decoded.text) : decoded.text;
}

/**
 * A page's article, as a reader sees it: Mozilla Readability's (headline, paragraphs, captions), so
 * that navigation, "Most read", adverts, share bars and the cookie banner are not checked; the
 * whole page's text when Readability finds no article.
 */
function pageText(html: string): string {
  const { document } = parseHTML(html);
  const article = extractArticle(document as unknown as Document);
  if (!article || article.paragraphs.length === 0) return htmlToText(html);
  const paragraphs = article.paragraphs[0] === article.title ? article.paragraphs : [article.title, ...article.paragraphs];
  // Captions quote too (and misquote): those Readability left out are checked after the article.
  const kept = new Set(paragraphs);
  return [...paragraphs, ...article.captions.filter((c) => !kept.has(c))].filter(Boolean).join('\n\n');
}

const flat = (s: string, max = 400) => clip(s, max);

function describeItem(item: CheckItem, n: number, color: boolean): string[] {
  const { quotation, answer } = item;
  const d = describe(answer);
  const label = d.label.toUpperCase() + (quotation.kind === 'reported' ? ' (reported speech)' : '');
  const lines = [`${n}. ${paintVerdict(d, label, color)}`, `   ${flat(quotation.text)}`];
  const best = answer.best;
  if (answer.verdict === 'invalid' && answer.reason) lines.push(`   not checked: ${answer.reason}`);
  if (answer.verdict === 'not-found') lines.push(`   ${d.hint}`);
  if (best) {
    lines.push(`   said by:     ${d.who}`);
    lines.push(`   date:        ${d.date}`);
    lines.push(`   release:     ${flat(best.release.title, 100)}${best.release.source ? ` (${best.release.source})` : ''}`);
    for (const x of d.differences) lines.push(`   ${x.text}`);
    if (d.attribution) lines.push(`   ${color ? '\x1b[1;31mATTRIBUTION\x1b[0m' : 'ATTRIBUTION'}: ${d.attribution}`);
    else if (best.attribution) lines.push(`   attribution: consistent (${best.attribution.names.join(', ')})`);
    for (const note of d.notes) lines.push(`   ${note}`);
    if (answer.verdict !== 'verbatim' && d.citation) lines.push(`   said:        “${d.citation.words}”`);
  }
  return lines;
}

export function formatReport(report: CheckReport, title: string, color: boolean): string {
  const lines = [`${title}: ${summaryLine(report)}`];
  report.items.forEach((item, i) => lines.push('', ...describeItem(item, i + 1, color)));
  return lines.join('\n') + '\n';
}

export function runCheck(opts: CheckOptions, stdout: Writable): void {
  if (opts.json && opts.markdown) throw new CliError('give --json or --markdown, not both', true);
  const text = readArticle(opts.file.path, opts.file.shown);
  const matcher = loadMatcher(opts.index.file, opts.index.shown, opts.index.hint);
  const report = checkQuotations(matcher, findQuotations(text));
  if (opts.json) {
    // The answers as `otr match --json` gives them, id = the quotation's position, with the quotation itself.
    const answers = report.items.map(({ quotation, answer }) => {
      const { id, ...rest } = answer;
      return { id, ...rest, quotation: { text: quotation.text, kind: quotation.kind, start: quotation.start, end: quotation.end } };
    });
    stdout.write(JSON.stringify(answers, null, 2) + '\n');
  } else if (opts.markdown) {
    stdout.write(reportMarkdown(report, { title: `Quotation check: ${path.basename(opts.file.shown)}` }));
  } else {
    stdout.write(formatReport(report, opts.file.shown, opts.color));
  }
}
