/**
 * The data model shared by the parser, the index, the matcher, the command line
 * and the extension. Everything here is plain JSON-serialisable data.
 */

export interface Speaker {
  /** The person's name without rank, honorific or post-nominals, e.g. "Simon Bailey"; null for a speaker the release does not name ("An ACPO spokesman"). */
  name: string | null;
  /** Police rank as written, e.g. "Chief Constable", "T/ACC" (expandRank gives its full form); null when none is given. */
  rank: string | null;
  /** Role as written in the release, e.g. "National Policing Lead for Cyber-crime", "spokesman"; null when none is given. */
  role: string | null;
  /** A title that is not a police rank: "Sir", "Dr", "Professor" (never "Mr" or "Ms"). */
  honorific?: string;
  /** For a speaker the release does not name: whose spokesperson ("ACPO", "Westmarch Police"). */
  organisation?: string;
}

export interface ReleaseInfo {
  /** Stable id derived from the release's content (hash of its normalised text). */
  id: string;
  /** ISO date, YYYY-MM-DD. */
  date: string;
  /** The lead paragraph, which serves as the release's title. */
  title: string;
  /** "ACPO", "NPCC", … when the contact block tells it. */
  organisation?: string;
  /** Where the release was published, when known. */
  url?: string;
  /** The file it was read from (a bare file name, never a local path). */
  source?: string;
}

export type StatementKind = 'quote' | 'narrative';

export interface Statement {
  kind: StatementKind;
  /** null for narrative (the organisation's own words). */
  speaker: Speaker | null;
  /** The whole quotation (or narrative paragraph); paragraphs separated by "\n". */
  text: string;
  /** 1-based line in the release file where the statement starts. */
  line: number;
}

export interface ParsedRelease {
  release: ReleaseInfo;
  statements: Statement[];
  /** Things the parser noticed or had to guess, that did not stop it (e.g. a quotation never closed). */
  warnings: ParseWarning[];
}

/** The kinds of warning, so that an archive's warnings can be counted by kind. */
export type WarningKind =
  | 'unclosed-quote'
  | 'unknown-speaker'
  | 'assumed-speaker'
  | 'numeric-date'
  | 'no-date-line'
  | 'lead-repeats-quote'
  | 'headline-quote'
  | 'attribution-without-quote'
  | 'id-recomputed'
  | 'other';

export interface ParseWarning {
  /** 1-based line of the release file. */
  line: number;
  kind: WarningKind;
  message: string;
}

export interface ParseIssue {
  file: string;
  line: number;
  reason: string;
}

/** A statement as stored in the index: its release referenced by position. */
export interface IndexedStatement extends Statement {
  /** Position of its release in IndexData.releases. */
  release: number;
}

export const INDEX_FORMAT = 'on-the-record/index';
/** 4: the texts after a JSON header rather than inside it (3 kept them in the JSON; 2 kept posting lists; 1 an object a statement). */
export const INDEX_VERSION = 5;

export interface IndexData {
  format: typeof INDEX_FORMAT;
  version: number;
  /** ISO timestamp of the build. */
  built: string;
  releases: ReleaseInfo[];
  statements: IndexedStatement[];
  /** Precomputed search structures, so that loading never re-reads the text; rebuilt when absent. */
  search?: SearchData;
}

/** The search section as the index file keeps it (see index/wordStreams.ts and core/DESIGN.md). */
export interface SearchFile {
  /** Every distinct word of the statements, folded (a number as "#" and its value), most frequent first. */
  words: string[];
  /** The content terms (stems; numbers as their word), in code-point order. */
  terms: string[];
  /** For each word, the position of its content term in `terms`, or -1 for a function word. */
  wordTerms: number[];
  /** For each term, how many statements hold it. */
  termCounts: number[];
  /** Every statement's words as positions in `words`, written compactly, one statement after another, each ended by a line break (index/wordStreams.ts); a space marks a sentence's start. In the file it is not in the header but after the texts. */
  streams: string;
  /** How many words the streams hold in all. */
  wordCount: number;
}

/** What loading makes of the word streams (index/wordStreams.ts): the words as numbers, and the statements by term. */
export interface DecodedSearch {
  /** All statements' words as numbers, one statement after another: statement d's are [start[d], start[d + 1]). */
  tokens: Int32Array;
  start: Int32Array;
  /** Where each statement's stream begins in the block of streams: statement d's is [streamStart[d], streamStart[d + 1] - 1). */
  streamStart: Int32Array;
  /** For each term t, the statements holding it, ascending: postings[postingStart[t], postingStart[t + 1]) (empty for a dense term). */
  postings: Int32Array;
  postingStart: Int32Array;
  /** A term held by a thirty-second of the statements or more, as bits: statement d is bit d of bits[denseAt[t] * ⌈N / 32⌉ …] (-1: not dense). */
  bits: Uint32Array;
  denseAt: Int32Array;
}

/** The search section in memory: the file's, and what loading makes of it. */
export interface SearchData extends DecodedSearch {
  file: SearchFile;
  /** The file's wordTerms. */
  wordTerms: Int32Array;
}

export type Verdict = 'verbatim' | 'altered' | 'paraphrase' | 'not-found' | 'invalid';

export type DifferenceType = 'replaced' | 'inserted' | 'omitted' | 'number';

export interface Difference {
  type: DifferenceType;
  /** The page's words ("" when the page dropped words). */
  page: string;
  /** The original's words ("" when the page added words). */
  original: string;
}

export type NoteType = 'elision' | 'insertion' | 'spelling' | 'framing';

export interface Note {
  type: NoteType;
  /** What the page has: "…", "[The projects]", "modernize", or words around the quotation. */
  page: string;
  /** What the original has there ("" for framing). */
  original: string;
}

export type SegmentType = 'same' | 'spelling' | DifferenceType | NoteType;

/**
 * One piece of the page's words against the original's, in the page's order, as the matcher
 * aligned them: the same words, a difference (each one of `differences`, in order), or a note
 * (an elision or editorial words, framing).
 */
export interface Segment {
  type: SegmentType;
  page: string;
  original: string;
}

export interface Attribution {
  /** The people the page names around the passage, as written. */
  names: string[];
  /** Whether any of them is the speaker the release names. */
  consistent: boolean;
}

export interface Match {
  kind: StatementKind;
  speaker: Speaker | null;
  date: string;
  release: ReleaseInfo;
  /** The whole quotation (paragraphs separated by "\n"). */
  quote: string;
  /** [start, end) character offsets of the matched words in `quote`. */
  span: [number, number];
  /** 0..1: how closely the page's words follow the original. */
  score: number;
  differences: Difference[];
  notes?: Note[];
  /** The page's words against the original's, in the page's order (differences and notes in place). */
  segments?: Segment[];
  /** [start, end) offsets in `quote` of the runs the passage quotes (an elision splits them). */
  marks?: [number, number][];
  attribution?: Attribution;
  /** The verdict this candidate alone would get (the answer's verdict is the best's). */
  verdict?: Exclude<Verdict, 'invalid' | 'not-found'>;
}

export interface Answer {
  id?: string | number | null;
  verdict: Verdict;
  reason?: string;
  best: Match | null;
  candidates: Match[];
}
