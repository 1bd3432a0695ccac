/**
 * Hostile variants of a valid JSON file for property tests: the file with one to three
 * of its parts (any value at any depth, the root included) replaced by an odd value or deleted.
 */
import fc from 'fast-check';

export type Path = (string | number)[];

/** Values that have broken readers elsewhere: wrong types, empty things, huge numbers. */
export const oddValue = fc.oneof(
  fc.constantFrom(null, true, 0, -1, 0.5, 1e308, 2 ** 31, '', ' ', 'x', '999', '2018-02-30', '0000000000000000', 'javascript:alert(1)', [], {}, [null], [[]], { length: 1 }),
  fc.jsonValue({ maxDepth: 3 }),
);

/** Every path into a JSON value, the root included. */
export function pathsOf(v: unknown, at: Path = []): Path[] {
  const out: Path[] = [at];
  if (Array.isArray(v)) v.forEach((x, i) => out.push(...pathsOf(x, [...at, i])));
  else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) out.push(...pathsOf(x, [...at, k]));
  return out;
}

/** A copy of `v` with the value at `path` replaced, or deleted when `value` is undefined. */
export function replaced(v: unknown, path: Path, value: unknown): unknown {
  if (path.length === 0) return value;
  const copy = JSON.parse(JSON.stringify(v));
  let o = copy;
  for (const k of path.slice(0, -1)) o = o[k];
  const last = path[path.length - 1];
  if (value === undefined) {
    if (Array.isArray(o)) o.splice(last as number, 1);
    else delete o[last];
  } else o[last] = value;
  return copy;
}

/** `file` with one to three parts replaced by odd values or deleted. */
export function mutated(file: unknown): fc.Arbitrary<unknown> {
  const count = pathsOf(file).length;
  return fc
    .array(fc.tuple(fc.nat(count - 1), fc.oneof(oddValue, fc.constant(undefined))), { minLength: 1, maxLength: 3 })
    .map((edits) =>
      edits.reduce((v, [i, value]) => {
        const paths = pathsOf(v);
        return replaced(v, paths[i % paths.length], value);
      }, file),
    );
}
