import type { Answer, Verdict } from '../types';
import type { Matcher } from '../match/matcher';
import { findQuotations, type FindOptions, type Quotation } from './findQuotations';

/**
 * Checks every quotation of an article (or a draft) at once: each is matched with the
 * article's text around it as context, so the names the article gives feed the attribution check.
 */

export interface CheckItem {
  quotation: Quotation;
  answer: Answer;
}

export type CheckSummary = Record<Verdict, number> & { total: number; misattributed: number };

export interface CheckReport {
  items: CheckItem[];
  summary: CheckSummary;
}

export function summarise(items: CheckItem[]): CheckSummary {
  const summary: CheckSummary = { total: items.length, verbatim: 0, altered: 0, paraphrase: 0, 'not-found': 0, invalid: 0, misattributed: 0 };
  for (const { answer } of items) {
    summary[answer.verdict] = (summary[answer.verdict] ?? 0) + 1;
    if (answer.best?.attribution && !answer.best.attribution.consistent) summary.misattributed++;
  }
  return summary;
}

/** Matches quotations already found (e.g. by a page scanner); ids are their positions. */
export function checkQuotations(matcher: Matcher, quotations: Quotation[]): CheckReport {
  const items = quotations.map((quotation, id) => {
    let answer: Answer;
    try {
      answer = matcher.match(quotation.query, { context: quotation.context, id });
    } catch (err) {
      answer = { id, verdict: 'invalid', reason: `the matcher failed on this passage: ${err instanceof Error ? err.message : String(err)}`, best: null, candidates: [] };
    }
    return { quotation, answer: { ...answer, id } };
  });
  return { items, summary: summarise(items) };
}

export function checkArticle(matcher: Matcher, text: string, options: FindOptions = {}): CheckReport {
  return checkQuotations(matcher, findQuotations(text, options));
}
