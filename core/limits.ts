/**
 * The core's limits on what it is asked: one constant each, which the extension (lib/protocol.ts,
 * the selection's context) and the command line (`otr match`, `otr check`) import rather than
 * keep their own. The matcher enforces them itself, so no caller can ask it for unbounded work.
 * (Constants only, and one small function: the content script imports this module.)
 */

/** Longest passage matched, in characters (UTF-16 code units); a longer one is answered `invalid` with a reason. */
export const MAX_PASSAGE_CHARS = 20_000;

/**
 * Most page text around a passage the attribution check reads, in characters. A longer context is
 * cut, not refused: what matters is who the page says spoke, and that is said next to the quotation.
 */
export const MAX_CONTEXT_CHARS = 4_000;

/**
 * Most names an attribution reads and reports from the page (the nearest the passage: the last
 * ones, as the passage's own paragraph ends the context), and the longest name it takes, in characters.
 */
export const MAX_NAMES = 12;
export const MAX_NAME_CHARS = 120;

/**
 * Longest line of `otr match --jsonl`, in bytes: a passage at its limit and a context well over
 * its own (which is cut), even with every character escaped as \uXXXX. A longer line is answered
 * `invalid` and never held whole.
 */
export const MAX_LINE_BYTES = 1024 * 1024;

/** Of a context cut to the limit, at most this many characters are kept after the passage ("…,” said Simon Bailey, the NPCC's lead …). */
const AFTER = 1_000;

/**
 * A context cut to MAX_CONTEXT_CHARS around the passage that is at [at, at + length) in it.
 * The window ends at the end of the passage's paragraph when that is near (within 1,000
 * characters), else 1,000 characters after it, and reaches back from there: the speaker is
 * named before a quotation ("Chief Constable Jane Doe said:") or just after it ("…,” she said),
 * while a later paragraph names the next quotation's speaker. The matcher reads the context's
 * last paragraph as the passage's own, which this keeps. A cut in a word moves to its end.
 */
export function cutContext(context: string, at: number, length: number): string {
  if (context.length <= MAX_CONTEXT_CHARS) return context;
  const passageEnd = Math.min(context.length, Math.max(0, at) + Math.max(0, length));
  let end = Math.min(context.length, passageEnd + AFTER);
  const newline = context.slice(passageEnd, end).indexOf('\n');
  if (newline >= 0) end = passageEnd + newline;
  let start = Math.max(0, end - MAX_CONTEXT_CHARS);
  if (start > 0 && !/\s/.test(context[start - 1])) {
    const space = context.slice(start, start + 100).search(/\s/);
    if (space >= 0) start += space + 1;
  }
  return context.slice(start, end);
}

/**
 * A context cut to MAX_CONTEXT_CHARS around a passage whose place in it is not known: the passage
 * is looked for by its first words (up to 40 characters, leading quote marks and spaces left out);
 * when it is not there, the context is taken to end with the passage's paragraph, as every caller
 * of ours gives it (the card, the page check, `otr check`), and its last characters are kept.
 */
export function contextAround(context: string, passage: string): string {
  if (context.length <= MAX_CONTEXT_CHARS) return context;
  const probe = passage.slice(0, 200).replace(/^[^\p{L}\p{N}]+/u, '').slice(0, 40).trimEnd();
  const at = probe.length >= 3 ? context.indexOf(probe) : -1;
  return at < 0 ? cutContext(context, context.length, 0) : cutContext(context, at, Math.min(passage.length, MAX_PASSAGE_CHARS));
}
