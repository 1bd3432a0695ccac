/**
 * A sentence that carries names from a release or a page ("… the page names X; Y said it"),
 * with each name shown isolated in a <bdi>: a name in a right-to-left script, or one that
 * still holds a stray direction mark, cannot reorder the rest of the sentence.
 */
export function Isolated(props: { text: string; fields: readonly string[] }) {
  const fields = props.fields.filter((f) => f.length > 0);
  if (!fields.length) return <>{props.text}</>;
  const parts: (string | { field: string })[] = [];
  let rest = props.text;
  while (rest) {
    let at = -1;
    let field = '';
    for (const f of fields) {
      const i = rest.indexOf(f);
      if (i >= 0 && (at < 0 || i < at)) [at, field] = [i, f];
    }
    if (at < 0) {
      parts.push(rest);
      break;
    }
    if (at > 0) parts.push(rest.slice(0, at));
    parts.push({ field });
    rest = rest.slice(at + field.length);
  }
  return <>{parts.map((p, i) => (typeof p === 'string' ? p : <bdi key={i}>{p.field}</bdi>))}</>;
}
