/** The matching core's public API. Pure TypeScript: no browser, no wxt, no node built-ins. */
export * from './types';
export { parseRelease } from './parse/parseRelease';
export { speakerName, describeSpeaker, speakerKey, expandRank, whoSaid } from './speakers';
export { formatWarning, summariseWarnings } from './parse/warnings';
export { ReleaseParseError } from './parse/errors';
export { buildIndex, serializeIndex, loadIndex, IndexFormatError } from './index/indexFile';
export { createMatcher, type Matcher, type MatchOptions } from './match/matcher';
export {
  readImport, readReleasesJson, releasesOfIndex, exportReleases, dedupeReleases, mergeIndex, importKind, releaseProblem,
  RELEASES_FORMAT, RELEASES_VERSION, MAX_IMPORT_CHARS, type ReleasesFile, type Merged, type ImportKind,
} from './import/releases';
export { htmlToReleaseText, findDateInText, dateFromIso, type ArticleLike } from './import/html';
export { findQuotations, type Quotation, type QuotationKind, type FindOptions } from './check/findQuotations';
export { checkArticle, checkQuotations, summarise, type CheckItem, type CheckReport, type CheckSummary } from './check/checkArticle';
export { reportMarkdown, summaryLine, type ReportOptions } from './check/reportMarkdown';
export { describe, verdictName, differenceText, noteText, type Description, type Tone } from './present/describe';
export { citeMatch, textFragmentLink, type Citation, type CheckedOn } from './present/cite';
