/**
 * The crawl's progress on stderr. On a terminal: one line, redrawn in place at most ten times a
 * second. Elsewhere (a log, CI): a plain line every `everyMs` at most, so that a log is not filled with
 * carriage returns.
 */
import type { Progress } from '../../lib/crawl/crawler';

export function duration(ms: number): string {
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, '0')} s`;
  return `${Math.floor(s / 3600)} h ${String(Math.floor((s % 3600) / 60)).padStart(2, '0')} min`;
}

export function progressLine(p: Progress, elapsedMs: number): string {
  const done = p.saved + p.duplicates + p.failed;
  const rate = elapsedMs > 0 ? done / (elapsedMs / 1000) : 0;
  const parts = [`found ${p.found}`, `fetched ${p.fetched}`, `saved ${p.saved}`, `failed ${p.failed}`];
  if (p.duplicates) parts.push(`duplicates ${p.duplicates}`);
  if (p.skipped) parts.push(`skipped ${p.skipped}`);
  parts.push(`${rate.toFixed(1)} releases/s`);
  if (p.pending > 0 && rate > 0) parts.push(`about ${duration((p.pending / rate) * 1000)} left`);
  return parts.join(' · ');
}

export interface ProgressOut {
  update(p: Progress): void;
  /** Clears the live line (a terminal) before the summary is printed. */
  end(): void;
}

export function progressOut(stream: { write(s: string): unknown; isTTY?: boolean; columns?: number }, everyMs = 10_000, now = Date.now): ProgressOut {
  const started = now();
  let last = 0;
  let drawn = false;
  if (stream.isTTY) {
    return {
      update(p) {
        const t = now();
        if (t - last < 100) return;
        last = t;
        const line = progressLine(p, t - started).slice(0, Math.max(20, (stream.columns ?? 100) - 1));
        stream.write(`\r\x1b[2K${line}`);
        drawn = true;
      },
      end() {
        if (drawn) stream.write('\r\x1b[2K');
      },
    };
  }
  return {
    update(p) {
      const t = now();
      if (t - started < everyMs || t - last < everyMs) return;
      last = t;
      stream.write(`otr crawl: ${progressLine(p, t - started)}\n`);
    },
    end() {},
  };
}
