import type { Answer, Difference, IndexData, IndexedStatement, Match, Verdict } from '../types';
import { tokenize, type Token } from '../text/tokens';
import { isFigure } from '../text/figures';
import { contentTerms, isStopword, stem, termOf } from '../text/terms';
import { align, type Alignment } from './align';
import { compilePassage, matchedAtMost, sharesRun, WordRelations, type CompiledPassage, type StatementCodes } from './codes';
import { StatementWords } from './statementWords';
import { checkAttribution } from './attribution';
import { interpret, wordsRead, type Reading } from './interpret';
import { coverage, sentencesOfWords } from './paraphrase';
import { readPassage, wordsOf, type Passage } from './passage';
import { TermIndex } from './retrieval';
import { byPhrases, PairCounter, passagePairs } from './phrases';
import { searchData, wordKey } from '../index/searchData';
import { contextAround, MAX_PASSAGE_CHARS } from '../limits';

/**
 * The matcher: retrieval of candidate statements by shared terms, word alignment of
 * the passage against each, and a verdict that never presents a lookalike as a
 * quotation. Every threshold lives in MATCH_DEFAULTS.
 */

export interface MatchOptions {
  /** Page text around the highlight, for the attribution check. */
  context?: string;
  id?: string | number | null;
}

export interface Matcher {
  match(text: string, options?: MatchOptions): Answer;
  readonly statements: number;
}

export const MATCH_DEFAULTS = {
  /** Longest passage read, in characters; longer ones are refused with a reason (the core's limit, `limits.ts`). */
  maxChars: MAX_PASSAGE_CHARS,
  /** Fewest words a passage needs before it can be told apart from common phrasing. */
  minWords: 3,
  /** Statements retrieved by shared terms, then ranked again by the passage's word pairs they hold. */
  retrieved: 32,
  /** Of those, candidates aligned word by word. */
  candidates: 8,
  /** Verbatim: at least this many words matched, and this share of the passage (or `verbatimWords`). */
  verbatimShare: 0.3,
  verbatimWords: 6,
  /** Altered: matched / (matched + edits) at least this, with a run of exact words at least `alteredRun`. */
  alteredSimilarity: 0.6,
  alteredRun: 3,
  alteredWords: 4,
  alteredContentWords: 3,
  /** Paraphrase: the share of the passage's (idf-weighted) content found in one to three sentences. */
  paraphraseCoverage: 0.6,
  /** … without a verb of speech or the speaker's name, the share must be higher. */
  paraphraseCoverageUnframed: 0.75,
  paraphraseTerms: 4,
  /** Paraphrase: at least one shared term is held by no more than this share of the statements (or two). */
  paraphraseParticular: 0.01,
  /** Paraphrase is looked for among this many of the best-retrieved candidates. */
  paraphraseCandidates: 4,
  /** Candidates whose shared terms weigh less than this share of the passage's are not aligned. */
  minWeightShare: 0.5,
  /** … for a passage in reported speech ("Bailey said …"). */
  minWeightShareReported: 0.3,
  /** A passage of this many words or more whose first retrieval found nothing close is retrieved again, wider (stock phrasing). */
  widenWords: 8,
  /** …this many statements, by its words alone (not its figures), ranked by its word pairs. */
  widened: 512,
  /** Candidates listed beside the best. */
  listed: 10,
  /** A passage and a statement whose word counts multiply past this are not aligned (about 0.1 s of alignment). */
  alignCells: 4_000_000,
};

const RANK = { verbatim: 3, altered: 2, paraphrase: 1 } as const;
type Found = Exclude<Verdict, 'invalid' | 'not-found'>;
/** Verbs that report speech, as tokens (folded): what follows the first of them is what is reported. */
const REPORTING_WORDS = ['said', 'says', 'say', 'saying', 'told', 'tells', 'added', 'adds', 'warned', 'warns', 'urged', 'urges', 'explained', 'stressed', 'insisted', 'claimed', 'argued', 'admitted', 'noted', 'promised', 'vowed', 'pledged'];
const REPORTING_WORD = new Set(REPORTING_WORDS);
/** A passage in reported speech: one of those verbs, or words that frame an opinion or a report. */
const REPORTING = new RegExp(`\\b(?:${[...REPORTING_WORDS, 'according', 'described', 'called', 'believes?', 'thinks?', 'wants?'].join('|')})\\b`, 'i');

/** What a passage brings to each candidate it is judged against, worked out once. */
interface Query {
  compiled: CompiledPassage;
  /** The passage may hold the page's own sentences around the quotation. */
  framable: boolean;
  reported: boolean;
  /** Its content terms, and (reported speech after a lead-in) those of the clause it reports. */
  terms: string[];
  clauseTerms: string[] | null;
  /** What each of its figures counts (paraphrase.ts). */
  units: Map<string, string>;
}

export function createMatcher(data: IndexData): Matcher {
  const words = new StatementWords(data.search ?? searchData(data.statements));
  const terms = new TermIndex(words.terms, words.lists, data.statements.length);
  const relations = new WordRelations(words);
  const pairCounter = new PairCounter(words);
  // (A number's key begins with "#", which no folded word does.)
  const known = (w: string) => words.numberOf(w) >= 0;
  /** `common`: the passage is common words only, found in this statement word for word (it may be verbatim all the same). */
  function judge(query: Query, doc: number, rank: number, common = false): { verdict: Found; reading: Reading } | null {
    const { compiled, framable, reported, clauseTerms, units } = query;
    const passage = compiled.passage;
    const st = data.statements[doc];
    const D = MATCH_DEFAULTS;
    // The statement's words as the index read them: no tokenising until there is a reading to show.
    const codes = compiled.encodeWords(words, doc);
    if (couldAlign(compiled, framable, codes)) {
      const al = align(compiled, codes, !passage.quoted);
      // Only as many of the statement's words as the reading reads (interpret.ts), from the index
      // to judge it, then from the text to show it.
      const wanted = wordsRead(al);
      const indexed = mayBeClose(passage, al) ? words.tokensOf(doc, wanted) : null;
      if (indexed && closeReading(passage, interpret(passage, st.text, indexed, al), common)) {
        let tokens = tokenize(st.text, wanted).slice(0, wanted);
        // An index whose words disagree with its text (edited by hand, say) is read from the text.
        const agrees = tokens.length === indexed.length && tokens.every((t, k) => t.norm === indexed[k].norm && t.num === indexed[k].num);
        if (!agrees) tokens = tokenize(st.text);
        const r = agrees ? interpret(passage, st.text, tokens, al) : interpret(passage, st.text, tokens, align(compiled, compiled.encode(tokens), !passage.quoted));
        const verdict = closeReading(passage, r, common);
        // Reported speech ("Police say …", "…, the force said") may reword: unless it is word for
        // word, it is a paraphrase of the statement it reads so close to, and only a changed
        // figure is a difference.
        // (Six words of it at least: a short run that a subject shares, "tackling serious and organised crime", is not enough.)
        if (verdict === 'altered' && passage.reportedSpeech) {
          if (r.matched < D.verbatimWords) return null;
          const figures = r.differences.filter((d) => d.type === 'number');
          // (As below: a changed figure with a place or name the statement does not give is another occasion's claim.)
          if (figures.length > 0 && namesOutside(passage, st.text.slice(r.span[0], r.span[1]), speakerTerms(st.speaker))) return null;
          return { verdict: 'paraphrase', reading: { ...r, differences: figures, notes: [], segments: figures, edits: figures.length } };
        }
        if (verdict) return { verdict, reading: r };
      }
    }
    // Reported speech or other words: compare what is said, not how (among the closest candidates).
    if (rank >= D.paraphraseCandidates) return null;
    const speakerWords = speakerTerms(st.speaker);
    // What the passage says, not who or what it is about: the speaker, and the words every policing statement shares.
    const ownOf = (ts: readonly string[]) => ts.filter((t) => !speakerWords.includes(t) && !GENERIC.has(t) && !CONNECTIVES.has(t));
    const sentences = sentencesOfWords(words, doc);
    const idf = (t: string) => terms.idf(t);
    // Reported speech is judged by all its words or by the clause it reports, whichever a statement says more of.
    const whole = coverage(ownOf(query.terms), sentences, idf, units);
    const cov = clauseTerms ? [whole, coverage(ownOf(clauseTerms), sentences, idf, units)].reduce((a, b) => (b.coverage > a.coverage ? b : a)) : whole;
    if (cov.shared < D.paraphraseTerms || cov.coverage < Math.min(D.paraphraseCoverage, D.paraphraseCoverageUnframed)) return null;
    // Something particular must be shared (a term few statements hold), not only the subject every statement on it shares.
    const particular = Math.log(1 + data.statements.length / (Math.max(2, D.paraphraseParticular * data.statements.length) + 0.5));
    if (cov.rarest < particular - 1e-9) return null;
    // Framed by a verb of speech or the speaker's name, less of the passage need be found.
    const framed = reported || (!!st.speaker?.name && speakerNamed(passage.text, st.speaker.name));
    if (cov.coverage >= (framed ? D.paraphraseCoverage : D.paraphraseCoverageUnframed)) {
      const stTokens = tokenize(st.text, cov.words[1] + 1);
      const span = spanOf(stTokens, cov.words, st.text.length);
      // Reported speech may reword, never refigure: a figure of the page that the statement gives otherwise is a difference.
      const differences = changedFigures(passage, wordsOf(passage), st.text, stTokens.slice(cov.words[0], cov.words[1] + 1));
      // A changed figure with a place or a name the statement does not give ("officers in Crawley had
      // arrested 3,728" against Halifax's 982) is another occasion's claim, not this one changed.
      if (differences.length > 0 && namesOutside(passage, st.text.slice(span[0], span[1]), speakerWords)) return null;
      return { verdict: 'paraphrase', reading: { differences, notes: [], segments: differences, marks: span[0] < span[1] ? [span] : [], span, score: round(cov.coverage * 0.8), matched: 0, edits: differences.length, contentMatched: 0, contentEdits: 0, longestRun: 0, framed: 0, names: 0, figures: 0 } };
    }
    return null;
  }

  /**
   * Whether aligning can find a close reading at all: enough of the passage's words
   * occur in the statement (or could be typos of its words), a few of them in a row.
   * Most candidates of a passage nobody said end here, before the alignment.
   */
  function couldAlign(p: CompiledPassage, framable: boolean, s: StatementCodes): boolean {
    // Aligning costs the product of the two lengths: a passage of thousands of words against a
    // statement of a hundred thousand (a hostile release within the import limit) is judged by
    // what it says instead (paraphrase.ts, linear), never aligned for seconds.
    if (p.words.length * s.ids.length > MATCH_DEFAULTS.alignCells) return false;
    const inStatement = p.present(s);
    let exact = 0;
    let possible = 0;
    p.words.forEach((t, i) => {
      if (inStatement[p.ids[i]] === 1) exact++;
      else if (!t.num && t.norm.length >= 4) possible++;
    });
    if (exact < MATCH_DEFAULTS.alteredRun) return false;
    // A passage that may carry the page's own sentences can match in any one of them.
    if (!framable && exact + possible < MATCH_DEFAULTS.alteredSimilarity * p.words.length) return false;
    if (!sharesRun(p, s, Math.min(MATCH_DEFAULTS.minWords, MATCH_DEFAULTS.alteredRun))) return false;
    // With no framing, every passage word is aligned, and the longest common subsequence bounds
    // how many of them any alignment matches in order.
    return p.mayFrame || canBeClose(matchedAtMost(p, s), p.words.length);
  }

  /**
   * Whether an alignment can read as a close reading at all, before it is read: every passage
   * word it neither matched nor left out as framing is an edit in the reading (interpret.ts),
   * so the reading's similarity is at most matched / aligned words. Most candidates of a
   * paraphrase or of a passage nobody said end here.
   */
  function mayBeClose(passage: Passage, al: Alignment): boolean {
    let framed = 0;
    for (const op of al.ops) if (op.op === 'frame') framed++;
    return canBeClose(al.matched, passage.wordCount - framed);
  }

  /** Whether `matched` of `aligned` passage words can make a close reading: enough words, and at least the altered share of them (closeReading). */
  function canBeClose(matched: number, aligned: number): boolean {
    return matched >= MATCH_DEFAULTS.minWords && matched >= MATCH_DEFAULTS.alteredSimilarity * aligned - 1e-9;
  }

  function closeReading(passage: Passage, r: Reading, common = false): Found | null {
    const D = MATCH_DEFAULTS;
    const aligned = passage.wordCount - r.framed;
    const enough = r.matched >= D.minWords && (r.matched >= D.verbatimShare * passage.wordCount || r.matched >= D.verbatimWords);
    if (r.edits === 0 && enough && (informative(wordsOf(passage)) || common)) return 'verbatim';
    // Altered: clearly this quotation, in its words and in the words that carry its meaning.
    const similarity = r.matched / Math.max(1, r.matched + r.edits);
    const contentSimilarity = r.contentMatched / Math.max(1, r.contentMatched + r.contentEdits);
    if (
      enough && aligned > 0 && r.matched >= D.alteredWords && r.contentMatched >= D.alteredContentWords &&
      similarity >= D.alteredSimilarity && contentSimilarity >= D.alteredSimilarity && r.longestRun >= D.alteredRun
    ) {
      return 'altered';
    }
    return null;
  }

  function toMatch(doc: number, verdict: Found, r: Reading): Match {
    const st: IndexedStatement = data.statements[doc];
    const release = data.releases[st.release];
    return {
      kind: st.kind,
      speaker: st.speaker,
      date: release.date,
      release,
      quote: st.text,
      span: r.span,
      score: r.score,
      differences: r.differences,
      ...(r.notes.length ? { notes: r.notes } : {}),
      segments: r.segments,
      marks: r.marks,
      verdict,
    };
  }

  return {
    statements: data.statements.length,
    match(text: string, options: MatchOptions = {}): Answer {
      const id = options.id ?? null;
      const invalid = (reason: string): Answer => ({ id, verdict: 'invalid', reason, best: null, candidates: [] });
      if (typeof text !== 'string') return invalid('the passage is not text');
      if (!text.trim()) return invalid('the passage is empty');
      if (text.length > MATCH_DEFAULTS.maxChars) {
        return invalid(`the passage is too long to check (${text.length} characters; at most ${MATCH_DEFAULTS.maxChars}): select the quotation itself`);
      }
      if (!/\p{L}/u.test(text)) return invalid('the passage has no words to look for');
      const passage = readPassage(text);
      if (passage.wordCount < MATCH_DEFAULTS.minWords) {
        return invalid(`too short to tell: ${passage.wordCount} word${passage.wordCount === 1 ? '' : 's'} (at least ${MATCH_DEFAULTS.minWords} needed)`);
      }
      const pTerms = contentTerms(wordsOf(passage));
      const compiled = compilePassage(passage, known, relations);
      const found: { doc: number; verdict: Found; reading: Reading }[] = [];
      // A passage that may hold the page's own sentences around the quotation is
      // judged by its lightest sentence: any one of them may be the quotation.
      // Retrieval scores a statement by the passage's dozen rarest terms (TermIndex.candidates),
      // so a long passage is weighed by those too, or no statement could reach its share.
      const scoring = new Set(terms.scoringTerms(pTerms));
      const weight = (ts: string[]) => ts.filter((t) => scoring.has(t)).reduce((n, t) => n + terms.idf(t), 0);
      const sentences = sentencesOf(passage);
      const framable = !passage.quoted && sentences.length > 1;
      const sentenceWeights = sentences.map((s) => weight(contentTerms(s))).filter((w) => w > 0);
      const total = passage.quoted || sentenceWeights.length === 0 ? weight(pTerms) : Math.min(...sentenceWeights);
      // Reported speech carries words of its own (the speaker's name, the verb): ask less of it.
      const reported = REPORTING.test(passage.text);
      const minShare = reported ? MATCH_DEFAULTS.minWeightShareReported : MATCH_DEFAULTS.minWeightShare;
      let verbatimAt = -Infinity;
      let rank = 0;
      // Below half the passage's weight, a statement cannot be a close reading of it (retrieval's floor).
      const retrieved = terms.candidates(pTerms, MATCH_DEFAULTS.retrieved, total * minShare);
      const pairs = passagePairs(wordsOf(passage), (key) => words.numberOf(key));
      const ranked = byPhrases(pairs, retrieved, pairCounter).slice(0, MATCH_DEFAULTS.candidates);
      // What reported speech reports is the clause after its verb: "Speaking after the Home Secretary
      // announced …, the national lead said the extra money would …" reports only what follows "said".
      const clauseTerms = reported ? reportedClauseTerms(wordsOf(passage)) : null;
      const query: Query = { compiled, framable, reported, terms: pTerms, clauseTerms, units: figureUnits(wordsOf(passage)) };
      for (const c of ranked) {
        // Below a verbatim match's weight, a statement cannot hold all the same words.
        if (c.score < verbatimAt - 1e-9) continue;
        const j = judge(query, c.doc, rank++);
        if (!j) continue;
        found.push({ doc: c.doc, ...j });
        if (j.verdict === 'verbatim' && j.reading.framed === 0 && verbatimAt < 0) verbatimAt = c.score;
      }
      // A long lead-in retrieves the statements it is about, not the one reported: retrieve by the clause too.
      if (clauseTerms && found.length === 0) {
        const judged = new Set(ranked.map((c) => c.doc));
        const byClause = terms.candidates(clauseTerms, MATCH_DEFAULTS.retrieved, weight(clauseTerms) * minShare);
        const clauseRanked = byPhrases(pairs, byClause, pairCounter).filter((c) => !judged.has(c.doc));
        clauseRanked.slice(0, MATCH_DEFAULTS.paraphraseCandidates).forEach((c, k) => {
          const j = judge(query, c.doc, k);
          if (j) found.push({ doc: c.doc, ...j });
        });
      }
      // A quotation of common words only ("We will not stop here", "we are coming for them"): no rare term
      // can retrieve it, so look for its words, in order, through every statement's word numbers (one pass
      // over an Int32Array: a few milliseconds at 100,000 statements, and only for such passages).
      if (found.length === 0 && pTerms.length < 2) {
        const seq = wordsOf(passage).map((t) => words.numberOf(wordKey(t)));
        if (seq.length >= MATCH_DEFAULTS.minWords && seq.every((x) => x >= 0)) {
          for (const doc of statementsHolding(words, seq, MATCH_DEFAULTS.candidates)) {
            const j = judge(query, doc, rank++, true);
            if (j && j.verdict === 'verbatim') found.push({ doc, ...j });
          }
        }
      }
      // Stock phrasing: when nothing read close and the passage gives a figure, its other terms may be
      // ones hundreds of statements share, and a changed figure its only rare word (pulling in statements
      // that hold that figure, not this quotation). Retrieve wider by its words alone, and let the order
      // of its words (their pairs) pick the candidates to align.
      // (Only for a passage that gives a figure: widening every passage nobody said would cost each one a second retrieval.)
      // Figures in any form: numbers, "5th", "30-year", "a third" ("first" and "second" are mostly
      // prose: "for the first time").
      const figureTerms = new Set(contentTerms(wordsOf(passage).filter((t) => isFigure(t) && t.norm !== 'first' && t.norm !== 'second')));
      const figured = figureTerms.size > 0;
      // When the closest reading changes a name (the page's town for another's), it may be another
      // occasion's stock sentence, and the one that keeps the name was not retrieved: widen then too.
      const close = found.filter((f) => f.verdict !== 'paraphrase');
      const top = Math.max(-1, ...close.map((f) => f.reading.score));
      const namesChanged = close.length > 0 && close.every((f) => f.reading.score < top - 0.02 || f.reading.names > 0);
      // (Not for reported speech: it rewords, is judged as a paraphrase, and that names a changed figure
      // itself; widening every reported sentence with a figure doubled the p95 of paraphrases at 100,000.)
      if (figured && !reported && (close.length === 0 || namesChanged) && passage.wordCount >= MATCH_DEFAULTS.widenWords) {
        const wordsOnly = pTerms.filter((t) => !figureTerms.has(t));
        const judged = new Set(ranked.map((c) => c.doc));
        const wide = byPhrases(pairs, terms.candidates(wordsOnly, MATCH_DEFAULTS.widened, total * minShare * 0.5), pairCounter);
        for (const c of wide.filter((w) => !judged.has(w.doc)).slice(0, MATCH_DEFAULTS.candidates)) {
          const j = judge(query, c.doc, MATCH_DEFAULTS.paraphraseCandidates);
          if (j) found.push({ doc: c.doc, ...j });
        }
      }
      if (found.length === 0) {
        return { id, verdict: 'not-found', reason: 'nobody in the index said this', best: null, candidates: [] };
      }
      // The closest reading first; among equals, the earliest publication is the original.
      found.sort(
        (a, b) =>
          RANK[b.verdict] - RANK[a.verdict] ||
          // A statement holding more of the passage beats one that holds only part of it.
          a.reading.framed - b.reading.framed ||
          (Math.abs(b.reading.score - a.reading.score) > 0.02 ? b.reading.score - a.reading.score : 0) ||
          // As close as each other: the one whose names (places, people) the page kept.
          a.reading.names - b.reading.names ||
          // Then the one the page changed only in its figures: a changed figure is the commonest misquotation.
          a.reading.edits - a.reading.figures - (b.reading.edits - b.reading.figures) ||
          data.releases[data.statements[a.doc].release].date.localeCompare(data.releases[data.statements[b.doc].release].date) ||
          a.doc - b.doc,
      );
      const matches = found.slice(0, MATCH_DEFAULTS.listed + 1).map((f) => toMatch(f.doc, f.verdict, f.reading));
      // The context is cut to the core's limit around the passage (limits.ts): the attribution check
      // then reads a bounded text, whatever the caller sent.
      const context = typeof options.context === 'string' ? contextAround(options.context, text) : '';
      const around = [context, passage.framing].filter(Boolean).join('\n');
      if (around.trim()) {
        // Words the release says in its own voice (narrative, an unnamed spokesperson) are misattributed
        // only when the highlight itself names someone ("…, Harriet Vance said"): a name in the paragraphs
        // around it is as likely the previous quotation's speaker. (For those, the passage's own paragraph,
        // the context's last, counts as well: "Sara Thornton said: “…”".)
        const own = context.split('\n').filter((l) => l.trim()).pop() ?? '';
        const ownAround = [own, passage.framing].filter(Boolean).join('\n');
        for (const m of matches) {
          const a = checkAttribution(m.speaker?.name ? around : ownAround, m.speaker);
          if (a) m.attribution = a;
        }
      }
      const [best, ...candidates] = matches;
      return { id, verdict: found[0].verdict, best, candidates };
    },
  };
}

/**
 * The figures a reported passage gives that the statement's sentences give otherwise: each page
 * figure the statement does not hold, against the statement figure the page does not hold that
 * counts the same thing (the same word after it: "48 incidents" for "38 incidents"), else the nearest in size.
 */
function changedFigures(passage: Passage, pageWords: readonly Token[], text: string, stWords: readonly Token[]): Difference[] {
  const onPage = new Set(pageWords.filter((t) => t.num).map((t) => t.norm));
  const inStatement = new Set(stWords.filter((t) => t.num).map((t) => t.norm));
  const theirs = stWords.map((t, k) => ({ t, next: stWords[k + 1]?.norm })).filter((o) => o.t.num && !onPage.has(o.t.norm));
  const out: Difference[] = [];
  pageWords.forEach((t, k) => {
    if (!t.num || inStatement.has(t.norm) || theirs.length === 0) return;
    const next = pageWords[k + 1]?.norm;
    const size = (n: string) => Math.log(Math.abs(Number(n)) + 1);
    let at = theirs.findIndex((o) => next !== undefined && o.next === next);
    if (at < 0) at = theirs.reduce((best, o, i) => (Math.abs(size(o.t.norm) - size(t.norm)) < Math.abs(size(theirs[best].t.norm) - size(t.norm)) ? i : best), 0);
    const [o] = theirs.splice(at, 1);
    out.push({ type: 'number', page: passage.text.slice(t.start, t.end), original: text.slice(o.t.start, o.t.end) });
  });
  return out;
}

/**
 * Whether the passage names something (a capitalised word inside a sentence: a place, a person)
 * that the statement's words it reports (`stretch`) do not, besides its speaker. A name elsewhere
 * in the statement is about something else it says.
 */
function namesOutside(passage: Passage, stretch: string, speakerWords: readonly string[]): boolean {
  const tokens = wordsOf(passage);
  const held = new Set(contentTerms(tokenize(stretch)));
  return tokens.some((t, k) => {
    if (k === 0 || t.num || !/^\p{Lu}/u.test(passage.text.slice(t.start, t.end))) return false;
    if (/[.!?:]\s*["“‘']?\s*$/.test(passage.text.slice(tokens[k - 1].end, t.start))) return false;
    const term = termOf(t);
    return term !== null && !held.has(term) && !speakerWords.includes(term) && !GENERIC.has(term);
  });
}

/** What each figure of the passage counts: the first content term within two words after it ("4,000 offenders" → offend). */
function figureUnits(tokens: readonly Token[]): Map<string, string> {
  const out = new Map<string, string>();
  tokens.forEach((t, k) => {
    if (!t.num) return;
    for (const next of tokens.slice(k + 1, k + 3)) {
      const term = next.num ? null : termOf(next);
      if (term) {
        out.set('#' + t.norm, term);
        break;
      }
    }
  });
  return out;
}

/**
 * The content terms of what a reported sentence reports, when its verb of speech comes after
 * words of its own (a lead-in, the speaker's titles): the terms after the first such verb, "that"
 * and all. Null when the verb opens the passage, or leaves too little after it to judge.
 */
function reportedClauseTerms(tokens: readonly Token[]): string[] | null {
  const at = tokens.findIndex((t) => REPORTING_WORD.has(t.norm));
  if (at < 2) return null;
  const clause = contentTerms(tokens.slice(at + 1));
  const all = contentTerms(tokens);
  return clause.length >= MATCH_DEFAULTS.paraphraseTerms && clause.length < all.length - 1 ? clause : null;
}

/** Adverbs that join or weigh what is said, not what it is about: a report keeps or drops them freely (stems). */
const CONNECTIVES = new Set(['rather', 'instead', 'howev', 'also', 'even', 'still', 'alreadi', 'just', 'realli', 'simpli', 'veri', 'inde', 'actual', 'clearli']);

/** Terms so common in policing statements that sharing them shows only a shared topic (as stems). */
const GENERIC = new Set(['polic', 'chief', 'offic', 'forc', 'constabl', 'crime', 'public', 'person', 'commun', 'work', 'said', 'say']);

const speakerTermCache = new Map<string, string[]>();

/**
 * A speaker's name, rank and role as terms: the passage's mention of who they are ("Marcus
 * Delaney, of the Open Water Rescue Trust, said …") is not what was said; worked out once a speaker.
 */
function speakerTerms(speaker: IndexedStatement['speaker']): string[] {
  const text = speaker ? `${speaker.name ?? ''} ${speaker.rank ?? ''} ${speaker.role ?? ''}` : '';
  let terms = speakerTermCache.get(text);
  if (!terms) {
    terms = text.split(/\s+/).map((w) => stem(w.toLowerCase()));
    if (speakerTermCache.size > 10_000) speakerTermCache.clear();
    speakerTermCache.set(text, terms);
  }
  return terms;
}

function sentencesOf(p: Passage): Token[][] {
  const out: Token[][] = [];
  for (const it of p.items) {
    if (it.type !== 'word') continue;
    if (it.sentenceStart || out.length === 0) out.push([]);
    out[out.length - 1].push(it.token);
  }
  return out;
}

/** At least two words that are not function words: "of the police" tells nothing. */
function informative(words: readonly Token[]): boolean {
  return words.filter((w) => w.num || !isStopword(w.norm)).length >= 2;
}

function speakerNamed(text: string, name: string): boolean {
  const surname = name.split(/\s+/).pop() ?? '';
  return surname.length > 1 && new RegExp(`\\b${surname.replace(/[^\p{L}]/gu, '.')}\\b`, 'iu').test(text);
}

/** The text span of words [first, last] of a statement (the whole statement if they are not its words). */
function spanOf(tokens: readonly Token[], [first, last]: [number, number], length: number): [number, number] {
  return first <= last && last < tokens.length ? [tokens[first].start, tokens[last].end] : [0, length];
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

/** The statements (at most `limit`) whose words hold `seq` in order, in one pass over all their word numbers. */
function statementsHolding(words: StatementWords, seq: number[], limit: number): number[] {
  const { tokens, start } = words;
  const out: number[] = [];
  const n = seq.length;
  const first = seq[0];
  let doc = 0;
  for (let i = 0; i + n <= tokens.length && out.length < limit; i++) {
    if (tokens[i] !== first) continue;
    let k = 1;
    while (k < n && tokens[i + k] === seq[k]) k++;
    if (k < n) continue;
    while (doc + 1 < start.length && start[doc + 1] <= i) doc++;
    // Within one statement, and each statement once.
    if (i + n <= (start[doc + 1] ?? tokens.length) && out[out.length - 1] !== doc) out.push(doc);
  }
  return out;
}
