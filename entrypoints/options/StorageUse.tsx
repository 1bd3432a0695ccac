/**
 * How much of the browser's storage the extension uses, and what to do when it is nearly full.
 * Read from the browser (navigator.storage.estimate): the imported releases and the kept
 * merged index are almost all of it.
 */
import { useEffect, useState } from 'preact/hooks';

const mb = (bytes: number) => (bytes >= 10 * 1024 * 1024 ? `${Math.round(bytes / 1024 / 1024)} MB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`);

/** Past this share of the quota the reader is told what to do before a save fails. */
const NEARLY_FULL = 0.9;

export function StorageUse(props: { refresh: unknown }) {
  const [use, setUse] = useState<{ usage: number; quota: number } | null>(null);
  useEffect(() => {
    void navigator.storage
      ?.estimate()
      .then((e) => setUse(typeof e.usage === 'number' && typeof e.quota === 'number' && e.quota > 0 ? { usage: e.usage, quota: e.quota } : null))
      .catch(() => setUse(null));
  }, [props.refresh]);
  if (!use) return null;
  const full = use.usage / use.quota >= NEARLY_FULL;
  return (
    <p class={full ? 'small error' : 'small muted'} id="storage-use" role={full ? 'alert' : undefined}>
      Storage: {mb(use.usage)} used of the {mb(use.quota)} this browser allows the extension.
      {full ? ' It is nearly full: export your releases to keep a copy, then remove the ones you no longer need (Remove always works, even when full).' : ''}
    </p>
  );
}
