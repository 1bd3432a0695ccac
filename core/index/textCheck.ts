import type { IndexData } from '../types';
import { tokenize } from '../text/tokens';
import { wordKey } from './searchData';

// A shift of punctuation alone leaves every word where it was: a full stop moved on begins the
// next text, an opening mark moved back ends this one. The parser trims every text, and none
// begins with what ends a sentence (bar an ellipsis's dots) or closes a bracket or quotation, nor
// ends with what opens one.
const BAD_START = /^(?:[\s,;:!?)\]}”»]|\.(?!\.))/u;
const BAD_END = /[\s“«(\[{]$/u;
const cutAtItsEnds = (text: string) => !BAD_START.test(text) && !BAD_END.test(text);

/**
 * The first statement whose text does not hold the words its word stream lists, or begins or
 * ends where no text the parser writes does; -1 when none (an index without a search section
 * is checked at its texts' ends only).
 *
 * The header gives each text by its length alone, so lengths shifted between statements but
 * adding up to the same total cut the texts in other places without breaking any check of
 * the layout: the statements would be read with one another's words. The word streams were
 * made from the texts as built, so they are a second record of where each text begins and
 * ends. Comparing them means tokenising every text, which loading never does (1.9 s at 100,000
 * statements, three times the load); so this is asked where a file from elsewhere is imported,
 * not each time the extension or `otr match` loads an index built for it.
 */
export function firstMiscutText(data: IndexData): number {
  const search = data.search;
  for (let d = 0; d < data.statements.length; d++) if (!cutAtItsEnds(data.statements[d].text)) return d;
  if (!search) return -1;
  const { words } = search.file;
  const { tokens, start } = search;
  for (let d = 0; d < data.statements.length; d++) {
    const ts = tokenize(data.statements[d].text);
    if (ts.length !== start[d + 1] - start[d]) return d;
    for (let k = 0; k < ts.length; k++) if (wordKey(ts[k]) !== words[tokens[start[d] + k]]) return d;
  }
  return -1;
}
