/** How many bits of a 32-bit integer are set. */
export function bitCount(x: number): number {
  let n = 0;
  for (; x !== 0; x &= x - 1) n++;
  return n;
}
