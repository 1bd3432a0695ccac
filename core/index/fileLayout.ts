import { INDEX_FORMAT, INDEX_VERSION, type IndexData, type IndexedStatement, type ReleaseInfo, type SearchData, type SearchFile, type Speaker } from '../types';
import { damaged } from './errors';
import { readStreams } from './wordStreams';

/**
 * The index file's layout (format version 4): a header of columns, as JSON on the first
 * line; then the statements' texts one after another, their lengths in the header; then the
 * block of their word streams (wordStreams.ts), each ended by a line break.
 *
 * - Columns rather than one object per statement or release: a keyed object a statement
 *   repeated its keys and its speaker on every statement, which cost as much gzipped as a
 *   third of the texts.
 * - The texts and streams outside the JSON: they are most of the file (34 of 38 million
 *   characters at 100,000 statements), and JSON.parse would scan and copy every one, then the
 *   garbage collector copy them again. Loading parses the header only and takes each text,
 *   and the block of streams, as a slice of the file's string: V8 keeps a slice as a pointer
 *   into that string, so nothing is copied (see core/DESIGN.md, "The index file").
 *
 * Only the file changes: `encodeIndex` and `decodeIndex` convert to and from the in-memory
 * IndexData everything else reads.
 */

type Text = string | null;
type SpeakerRow = [Text, Text, Text] | [Text, Text, Text, Text, Text];

/** The file's first line. */
export interface IndexHeader {
  format: typeof INDEX_FORMAT;
  version: number;
  built: string;
  /** Each distinct speaker once, as [name, rank, role] or [name, rank, role, honorific, organisation]; name is null for a speaker the release does not name. */
  speakers: SpeakerRow[];
  releases: {
    id: string[];
    date: string[];
    /** The title, or (usually: the title is the lead paragraph) the offset from the release's first statement to the statement whose text it is. */
    title: (string | number)[];
    organisation: Text[];
    url: Text[];
    source: Text[];
  };
  statements: {
    /** Each statement's release, less the previous statement's (0 or 1 in a built index). */
    release: number[];
    /** One letter a statement: "q" for a quote, "n" for narrative. */
    kind: string;
    /** 0 for no speaker, else 1 + the speaker's position in `speakers`. */
    speaker: number[];
    /** The line, less the previous statement's when it is of the same release. */
    line: number[];
    /** Each statement's text's length in UTF-16 code units (a JavaScript string's length); the texts follow the header. */
    textLength: number[];
  };
  /** As in IndexData, but for the word streams, which follow the texts. */
  search?: Omit<SearchFile, 'streams'>;
}

const KIND_LETTER = { quote: 'q', narrative: 'n' } as const;

// ---------------------------------------------------------------------------------------
// Writing

/** What ends the header: JSON.stringify never writes a raw line break, so the first one ends it. */
export const HEADER_END = '\n';

/** The file for an index: its header, and what follows it in order, the texts and the block of word streams ("" without a search section). */
export function encodeIndex(data: IndexData): { header: IndexHeader; texts: string[]; streams: string } {
  const st = data.statements;
  const { speakers, speakerRefs } = speakerTable(st);
  const header: IndexHeader = {
    format: INDEX_FORMAT,
    version: INDEX_VERSION,
    built: data.built,
    speakers,
    releases: {
      id: data.releases.map((r) => r.id),
      date: data.releases.map((r) => r.date),
      title: titleColumn(data),
      organisation: data.releases.map((r) => r.organisation ?? null),
      url: data.releases.map((r) => r.url ?? null),
      source: data.releases.map((r) => r.source ?? null),
    },
    statements: {
      release: st.map((s, i) => s.release - (i ? st[i - 1].release : 0)),
      kind: st.map((s) => KIND_LETTER[s.kind]).join(''),
      speaker: speakerRefs,
      line: st.map((s, i) => s.line - (i && st[i - 1].release === s.release ? st[i - 1].line : 0)),
      textLength: st.map((s) => s.text.length),
    },
  };
  let streams = '';
  if (data.search) {
    const { streams: block, ...rest } = data.search.file;
    header.search = rest;
    streams = block;
  }
  return { header, texts: st.map((s) => s.text), streams };
}

/** Each distinct speaker once (in order of first appearance), and each statement's reference to it. */
function speakerTable(statements: readonly IndexedStatement[]): { speakers: IndexHeader['speakers']; speakerRefs: number[] } {
  const speakers: IndexHeader['speakers'] = [];
  const seen = new Map<string, number>();
  const speakerRefs = statements.map(({ speaker: s }) => {
    if (!s) return 0;
    const row: SpeakerRow =
      s.honorific || s.organisation ? [s.name, s.rank ?? null, s.role ?? null, s.honorific ?? null, s.organisation ?? null] : [s.name, s.rank ?? null, s.role ?? null];
    const key = JSON.stringify(row);
    let ref = seen.get(key);
    if (ref === undefined) seen.set(key, (ref = speakers.push(row)));
    return ref;
  });
  return { speakers, speakerRefs };
}

/** Each release's title, or where among its statements the same text already is. */
function titleColumn(data: IndexData): (string | number)[] {
  const first = firstStatements(data.releases.length, data.statements);
  const title: (string | number)[] = data.releases.map((r) => r.title);
  data.statements.forEach((s, i) => {
    if (typeof title[s.release] === 'string' && s.text === data.releases[s.release].title) title[s.release] = i - first[s.release];
  });
  return title;
}

/** The position of each release's first statement (-1 when it has none). */
function firstStatements(releases: number, statements: readonly IndexedStatement[]): Int32Array {
  const first = new Int32Array(releases).fill(-1);
  for (let i = statements.length - 1; i >= 0; i--) first[statements[i].release] = i;
  return first;
}

// ---------------------------------------------------------------------------------------
// Reading. Every part is checked (type, length, range) before use, so that a damaged file
// is refused here with what is wrong, never by a TypeError in the matcher later.

/**
 * The index a file of this version holds (format and version already checked): `header` is
 * its first line parsed, and its texts then its word streams are `file` from `textsStart` on.
 */
export function decodeIndex(header: Record<string, unknown>, file: string, textsStart: number): IndexData {
  if (typeof header.built !== 'string') throw damaged('its build time is not text');
  const speakers = decodeSpeakers(header.speakers);
  const releaseCols = columns(header.releases, 'releases', ['id', 'date', 'title', 'organisation', 'url', 'source']);
  const releaseCount = releaseCols.id.length;
  const { statements, textsEnd } = decodeStatements(header.statements, speakers, releaseCount, file, textsStart);
  const releases = decodeReleases(releaseCols, statements);
  const data: IndexData = { format: INDEX_FORMAT, version: INDEX_VERSION, built: header.built, releases, statements };
  if (header.search !== undefined) data.search = checkSearch(header.search, statements, file.slice(textsEnd));
  else if (textsEnd !== file.length) throw damaged(`its texts run on for ${file.length - textsEnd} characters after the last statement's (a length is wrong)`);
  return data;
}

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const isText = (x: unknown): x is Text => x === null || typeof x === 'string';
const isInteger = (x: unknown): x is number => Number.isInteger(x);

/** An object of equally long arrays (the kind column, a string, is checked by its reader). */
function columns(x: unknown, what: string, names: readonly string[]): Record<string, unknown[]> {
  if (!isObject(x)) throw damaged(`its ${what} are missing`);
  const out: Record<string, unknown[]> = {};
  for (const name of names) {
    const col = x[name];
    if (!Array.isArray(col)) throw damaged(`its ${what} have no ${name} list`);
    out[name] = col;
    if (col.length !== out[names[0]].length) throw damaged(`its ${what} lists differ in length (${name})`);
  }
  return out;
}

/** The speaker table, one shared object a speaker. */
function decodeSpeakers(x: unknown): Speaker[] {
  if (!Array.isArray(x)) throw damaged('its speakers are missing');
  const out: Speaker[] = new Array(x.length);
  for (let i = 0; i < x.length; i++) {
    const row: unknown = x[i];
    if (
      !Array.isArray(row) ||
      (row.length !== 3 && row.length !== 5) ||
      !isText(row[0]) ||
      !isText(row[1]) ||
      !isText(row[2]) ||
      (row.length === 5 && (!isText(row[3]) || !isText(row[4]))) ||
      (row[0] === null && row[2] === null)
    ) {
      throw damaged(`speaker ${i} is malformed`);
    }
    const s: Speaker = { name: row[0], rank: row[1], role: row[2] };
    if (row.length === 5 && row[3]) s.honorific = row[3];
    if (row.length === 5 && row[4]) s.organisation = row[4];
    out[i] = s;
  }
  return out;
}

/** The statements, checked column by column as they are rebuilt; each text a slice of the file. And where their texts end. */
function decodeStatements(x: unknown, speakers: readonly Speaker[], releaseCount: number, file: string, textsStart: number): { statements: IndexedStatement[]; textsEnd: number } {
  const cols = columns(x, 'statements', ['textLength', 'release', 'speaker', 'line']);
  const kind = (x as Record<string, unknown>).kind;
  const n = cols.textLength.length;
  if (typeof kind !== 'string' || kind.length !== n) throw damaged('its statement kinds are missing or of another length');
  const out: IndexedStatement[] = new Array(n);
  let release = 0;
  let line = 0;
  let at = textsStart;
  for (let i = 0; i < n; i++) {
    const length = cols.textLength[i];
    const dr = cols.release[i];
    const sp = cols.speaker[i];
    const dl = cols.line[i];
    const k = kind.charCodeAt(i);
    if (!isInteger(dr) || !isInteger(sp) || !isInteger(dl) || !isInteger(length) || length < 0) throw damaged(`statement ${i} is malformed`);
    if (length > file.length - at) throw damaged(`its texts end before statement ${i}'s (the file is cut short, or a length is wrong)`);
    const text = file.slice(at, (at += length));
    const r = release + dr;
    if (r < 0 || r >= releaseCount) throw damaged(`statement ${i} points at release ${r}, not one of the ${releaseCount}`);
    line = (i && r === release ? line : 0) + dl;
    release = r;
    if (line < 1) throw damaged(`statement ${i} is on line ${line}`);
    if (sp < 0 || sp > speakers.length) throw damaged(`statement ${i} names speaker ${sp}, not one of the ${speakers.length}`);
    if (k !== 113 && k !== 110) throw damaged(`statement ${i} is of kind "${kind[i]}", neither q(uote) nor n(arrative)`);
    out[i] = { kind: k === 113 ? 'quote' : 'narrative', speaker: sp ? speakers[sp - 1] : null, text, line, release: r };
  }
  return { statements: out, textsEnd: at };
}

/** The releases, a title given by reference taking its statement's text. */
function decodeReleases(cols: Record<string, unknown[]>, statements: readonly IndexedStatement[]): ReleaseInfo[] {
  const first = firstStatements(cols.id.length, statements);
  const out: ReleaseInfo[] = new Array(cols.id.length);
  for (let i = 0; i < out.length; i++) {
    const id = cols.id[i];
    const date = cols.date[i];
    const organisation = cols.organisation[i];
    const url = cols.url[i];
    const source = cols.source[i];
    if (typeof id !== 'string' || typeof date !== 'string' || !/^\d{4}-\d\d-\d\d$/.test(date) || !isText(organisation) || !isText(url) || !isText(source)) {
      throw damaged(`release ${i} is malformed`);
    }
    const r: ReleaseInfo = { id, date, title: titleText(cols.title[i], i, first[i], statements) };
    // An absent field stays absent (not undefined), as buildIndex leaves it.
    if (organisation !== null) r.organisation = organisation;
    if (url !== null) r.url = url;
    if (source !== null) r.source = source;
    out[i] = r;
  }
  return out;
}

/** A release's title: as written, or the text of the statement it refers to (which must be of the same release). */
function titleText(title: unknown, release: number, first: number, statements: readonly IndexedStatement[]): string {
  if (typeof title === 'string') return title;
  const ok = isInteger(title) && title >= 0 && first >= 0 && first + title < statements.length && statements[first + title].release === release;
  if (!ok) throw damaged(`release ${release}'s title is neither text nor one of its statements`);
  return statements[first + title].text;
}

/** The search section, every stream of the block read through (and every statement filed by its terms) as the matcher will use it. */
function checkSearch(x: unknown, statements: readonly IndexedStatement[], streams: string): SearchData {
  const malformed = (why: string) => damaged(`its search section is malformed (${why})`);
  if (!isObject(x)) throw malformed('words, terms, wordTerms or termCounts missing');
  const { words, terms, wordTerms, termCounts } = x;
  if (!Array.isArray(words) || !Array.isArray(terms) || !Array.isArray(wordTerms) || !Array.isArray(termCounts)) {
    throw malformed('words, terms, wordTerms or termCounts missing');
  }
  for (let i = 0; i < words.length; i++) if (typeof words[i] !== 'string' || words[i] === '') throw malformed(`word ${i} is not a word`);
  for (let i = 0; i < terms.length; i++) if (typeof terms[i] !== 'string') throw malformed(`term ${i} is not text`);
  if (wordTerms.length !== words.length) throw malformed('words and wordTerms differ in number');
  if (termCounts.length !== terms.length) throw malformed('terms and termCounts differ in number');
  const termOf = new Int32Array(wordTerms.length);
  for (let i = 0; i < wordTerms.length; i++) {
    const t = wordTerms[i];
    if (!isInteger(t) || t < -1 || t >= terms.length) throw malformed(`word ${i}'s term is not one of the terms`);
    termOf[i] = t;
  }
  const decoded = readStreams(streams, statements.length, words.length, termOf, termCounts, x.wordCount);
  if (typeof decoded === 'string') throw malformed(decoded);
  return { file: { words, terms, wordTerms, termCounts, streams, wordCount: x.wordCount } as SearchFile, wordTerms: termOf, ...decoded };
}
