/** A newsroom's address, as both the options page (asking for its permission) and the background (following it) read it. */

/** The national policing newsroom, offered as a preset in the options page. */
export const PRESET_NEWSROOM = 'https://news.npcc.police.uk/';
/** Why an address cannot be followed (null: it can): only http(s) addresses. */
export function newsroomProblem(url: string): string | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return 'not an address';
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') return 'only an http or https address can be followed';
  return null;
}

/**
 * The host permission a newsroom needs (requested in the options page, at the click). Without the
 * port: a match pattern holds none in Firefox (a granted "http://host:8080/*" matches no request).
 */
export function originPattern(url: string): string {
  const u = new URL(url);
  return `${u.protocol}//${u.hostname}/*`;
}


/** How a followed newsroom marks the releases it adds (their `source`: "newsroom:<host>"), so every surface can say where one came from. */
export const NEWSROOM_SOURCE = 'newsroom:';
