/**
 * Reading what `otr` is given, never more than a limit: a file is checked with stat before it is
 * opened (a FIFO, a device such as /dev/zero, a folder are refused, and so is a file over the
 * limit) and then read for at most limit + 1 bytes, so a file that grows while it is read is
 * refused too; stdin is read for at most limit + 1 bytes and then let go.
 */
import fs from 'node:fs';
import type { Readable } from 'node:stream';

/**
 * An index file's limit. The bundled index of 100,000 statements is about 38 MB; the text of a
 * file over this could not be held as one string (V8's limit is about 512 million characters).
 */
export const MAX_INDEX_BYTES = 500 * 1024 * 1024;

export type Bounded = { bytes: Buffer } | { reason: string };

const bytes = (n: number) => `${n} bytes`;

/** Why a file of `size` bytes is refused, or null. */
export function tooLarge(size: number, limit: number, exact = true): string | null {
  return size > limit ? `too large (${exact ? '' : 'more than '}${bytes(exact ? size : limit)}; the limit is ${bytes(limit)})` : null;
}

/**
 * A regular file's bytes, at most `limit` of them, or why not: "no such file", "a folder, not a
 * file", "not a regular file (…)", "too large (…)" or the system's message.
 */
export function readBoundedFile(file: string, limit: number): Bounded {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch (err) {
    return { reason: systemReason(err) };
  }
  if (stat.isDirectory()) return { reason: 'a folder, not a file' };
  if (!stat.isFile()) return { reason: `not a regular file (${kindOf(stat)})` };
  const large = tooLarge(stat.size, limit);
  if (large) return { reason: large };
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch (err) {
    return { reason: systemReason(err) };
  }
  try {
    // At most limit + 1 bytes: one more than the limit tells a file that grew past it since stat.
    const chunks: Buffer[] = [];
    let read = 0;
    for (;;) {
      const want = Math.min(limit + 1 - read, read === 0 ? stat.size + 1 : 1024 * 1024);
      const chunk = Buffer.allocUnsafe(want);
      const n = fs.readSync(fd, chunk, 0, want, null);
      if (n === 0) break;
      chunks.push(n === want ? chunk : chunk.subarray(0, n));
      read += n;
      if (read > limit) return { reason: tooLarge(read, limit, false)! };
    }
    return { bytes: chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, read) };
  } catch (err) {
    return { reason: systemReason(err) };
  } finally {
    fs.closeSync(fd);
  }
}

/** A stream's bytes, at most `limit` of them; past the limit it stops reading (and lets the stream go) and says so. */
export async function readBoundedStream(input: Readable, limit: number): Promise<Bounded> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of input) {
    const b = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    size += b.length;
    if (size > limit) return { reason: tooLarge(size, limit, false)! };
    chunks.push(b);
  }
  return { bytes: Buffer.concat(chunks) };
}

function kindOf(stat: fs.Stats): string {
  if (stat.isFIFO()) return 'a pipe';
  if (stat.isCharacterDevice()) return 'a character device';
  if (stat.isBlockDevice()) return 'a block device';
  if (stat.isSocket()) return 'a socket';
  return 'not a file';
}

function systemReason(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EISDIR') return 'a folder, not a file';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return (err as Error).message;
}
