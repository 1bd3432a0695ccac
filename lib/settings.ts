/**
 * The reader's settings, kept in browser.storage.local. Pure normalisation plus
 * two small accessors; nothing runs at module load.
 */
import { browser } from 'wxt/browser';

export interface Settings {
  /** Show the Verify quote button beside a selection. */
  buttonEnabled: boolean;
  /** The shortest selection, in words, that shows the button. */
  minWords: number;
  /** Host names (and their subdomains) where the button stays off. */
  disabledSites: string[];
}

export const SETTINGS_KEY = 'settings';
export const DEFAULT_SETTINGS: Settings = { buttonEnabled: true, minWords: 4, disabledSites: [] };

/** Lower-cases a host name, taking it out of a URL if one was pasted; '' when unusable. */
export function normalizeSite(site: string): string {
  let s = site.trim().toLowerCase();
  if (!s) return '';
  if (/^[a-z][a-z0-9+.-]*:\/\//.test(s)) {
    try {
      s = new URL(s).hostname;
    } catch {
      return '';
    }
  }
  s = s.replace(/^\*\./, '').replace(/\/.*$/, '').replace(/:\d+$/, '').replace(/^www\./, '');
  return /^[a-z0-9.-]+$/.test(s) ? s : '';
}

export function normalizeSettings(raw: unknown): Settings {
  const r = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  const minWords =
    typeof r.minWords === 'number' && Number.isFinite(r.minWords)
      ? Math.min(50, Math.max(1, Math.round(r.minWords)))
      : DEFAULT_SETTINGS.minWords;
  const sites = Array.isArray(r.disabledSites)
    ? [...new Set(r.disabledSites.filter((s): s is string => typeof s === 'string').map(normalizeSite).filter(Boolean))]
    : [];
  return {
    buttonEnabled: typeof r.buttonEnabled === 'boolean' ? r.buttonEnabled : DEFAULT_SETTINGS.buttonEnabled,
    minWords,
    disabledSites: sites.slice(0, 500),
  };
}

/** Whether the button stays off on this host (the site itself or any subdomain of a listed site). */
export function siteDisabled(settings: Settings, hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/^www\./, '');
  return settings.disabledSites.some((s) => host === s || host.endsWith('.' + s));
}

export function countWords(text: string): number {
  const m = text.match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu);
  return m ? m.length : 0;
}

export async function loadSettings(): Promise<Settings> {
  const got = await browser.storage.local.get(SETTINGS_KEY);
  return normalizeSettings(got[SETTINGS_KEY]);
}

export async function saveSettings(settings: Settings): Promise<Settings> {
  const clean = normalizeSettings(settings);
  await browser.storage.local.set({ [SETTINGS_KEY]: clean });
  return clean;
}
