import { describe, expect, it } from 'vitest';
import { countWords, DEFAULT_SETTINGS, normalizeSettings, normalizeSite, siteDisabled } from '../../lib/settings';

describe('settings', () => {
  it('fills defaults and clamps values', () => {
    expect(normalizeSettings(undefined)).toEqual(DEFAULT_SETTINGS);
    expect(normalizeSettings({ buttonEnabled: 'yes', minWords: 999, disabledSites: ['https://www.Example.com/path', 5, 'bad host!', 'news.example.org'] })).toEqual({
      buttonEnabled: true,
      minWords: 50,
      disabledSites: ['example.com', 'news.example.org'],
    });
  });
  it('turns the button off on listed sites and their subdomains', () => {
    const s = normalizeSettings({ disabledSites: ['example.com'] });
    expect(siteDisabled(s, 'example.com')).toBe(true);
    expect(siteDisabled(s, 'www.example.com')).toBe(true);
    expect(siteDisabled(s, 'news.example.com')).toBe(true);
    expect(siteDisabled(s, 'notexample.com')).toBe(false);
  });
  it('normalises sites and counts words', () => {
    expect(normalizeSite('*.bbc.co.uk')).toBe('bbc.co.uk');
    expect(normalizeSite('localhost:8080')).toBe('localhost');
    expect(countWords('“We’ll then be able to provide evidence-based advice”')).toBe(8);
  });
});
