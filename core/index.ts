/** The matching core's public API. Pure TypeScript: no browser, no wxt, no node built-ins. */
export * from './types';
export { parseRelease } from './parse/parseRelease';
export { ReleaseParseError } from './parse/errors';
export { buildIndex, serializeIndex, loadIndex, IndexFormatError } from './index/indexFile';
export { createMatcher, type Matcher, type MatchOptions } from './match/matcher';
