// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { ResultCard } from './ResultCard';
import type { Answer, Match } from '../core/types';

const quote =
  'The internet is not a safe or anonymous place for abusing children.\nWe are already arresting over 400 offenders and safeguarding over 500 children each month.';
const base: Match = {
  kind: 'quote',
  speaker: { name: 'Simon Bailey', rank: 'Chief Constable', role: 'National Police Chiefs Council Lead for Child Protection' },
  date: '2017-08-04',
  release: { id: 'r1', date: '2017-08-04', title: 'The Home Secretary has announced an extra £20 million', organisation: 'NPCC', url: 'https://www.npcc.police.uk/x' },
  quote,
  span: [68, 156],
  score: 0.9,
  differences: [],
};

function mount(answer: Answer | null, pageText: string, extra: Partial<Parameters<typeof ResultCard>[0]> = {}) {
  const host = document.createElement('div');
  document.body.append(host);
  const onClose = vi.fn();
  act(() => render(<ResultCard answer={answer} pageText={pageText} onClose={onClose} now={new Date('2026-11-23T00:00:00Z')} {...extra} />, host));
  return { host, onClose, text: () => host.textContent ?? '' };
}

afterEach(() => {
  document.body.replaceChildren();
});

describe('the result card', () => {
  it('shows a verbatim match: verdict, speaker, role, date, release, the passage marked', () => {
    const { host, text } = mount({ verdict: 'verbatim', best: base, candidates: [base] }, 'We are already arresting over 400 offenders');
    expect(host.querySelector('.otr-verdict')!.textContent).toBe('Verbatim');
    expect(host.querySelector('.otr-card')!.className).toContain('otr-t-verbatim');
    expect(text()).toContain('Chief Constable Simon Bailey');
    expect(text()).toContain('National Police Chiefs Council Lead for Child Protection');
    expect(text()).toContain('4 Aug 2017');
    expect(text()).toContain('9 years ago');
    expect(text()).toContain('NPCC');
    expect(host.querySelector('mark')!.textContent).toBe(quote.slice(68, 156));
    expect(host.querySelectorAll('.otr-quote p')).toHaveLength(2);
    // The source opens at the words (a text fragment).
    expect(host.querySelector('a.otr-link')!.getAttribute('href')).toBe('https://www.npcc.police.uk/x#:~:text=We%20are%20already%20arresting,500%20children%20each%20mont');
    expect(host.querySelector('[role="dialog"]')!.getAttribute('aria-labelledby')).toBe('otr-verdict');
  });

  it('shows an altered quotation from the matcher’s own alignment: the page’s words struck, what was said beside them', () => {
    const altered: Match = {
      ...base,
      differences: [{ type: 'number', page: 'four hundred', original: '400' }],
      segments: [
        { type: 'same', page: 'We are already arresting over', original: 'We are already arresting over' },
        { type: 'number', page: 'four hundred', original: '400' },
        { type: 'same', page: 'offenders', original: 'offenders' },
      ],
    };
    const { host } = mount({ verdict: 'altered', best: altered, candidates: [altered] }, 'We are already arresting over four hundred offenders');
    expect(host.querySelector('.otr-verdict')!.textContent).toBe('Altered: a figure changed (said 400, the page has four hundred)');
    expect(host.querySelector('.otr-diff del.otr-page')!.textContent).toContain('four hundred');
    expect(host.querySelector('.otr-diff ins.otr-said')!.textContent).toContain('400');
    expect(host.querySelectorAll('.otr-diff .otr-tag')).toHaveLength(1);
  });

  it('says plainly when nothing matches', () => {
    const { host } = mount({ verdict: 'not-found', best: null, candidates: [] }, 'words nobody said');
    expect(host.querySelector('.otr-verdict')!.textContent).toBe('Not in the index');
    expect(host.querySelector('.otr-who')).toBeNull();
  });

  it('warns about a different speaker and lists later repeats', () => {
    const repeat: Match = { ...base, date: '2019-02-01', release: { ...base.release, id: 'r2', date: '2019-02-01', title: 'A later release' } };
    const best: Match = { ...base, attribution: { names: ['Sara Thornton'], consistent: false } };
    const { host } = mount({ verdict: 'verbatim', best, candidates: [best, repeat] }, 'The internet is not a safe');
    // The warning is in the verdict line, in its colour, not below a green verdict.
    expect(host.querySelector('.otr-verdict')!.textContent).toBe('Verbatim — but the page names Sara Thornton; Chief Constable Simon Bailey said it');
    expect(host.querySelector('.otr-card')!.className).toContain('otr-t-warning');
    expect(host.querySelector('.otr-cands')!.textContent).toContain('1 Feb 2019 — A later release');
  });

  it('renders hostile release text as text, never as HTML', () => {
    const evil = '<img src=x onerror="alert(1)"><script>alert(2)</script>';
    const hostile: Match = { ...base, quote: evil, span: [0, 5], release: { ...base.release, title: evil, url: 'javascript:alert(3)' } };
    const { host } = mount({ verdict: 'verbatim', best: hostile, candidates: [] }, evil);
    expect(host.querySelector('img')).toBeNull();
    expect(host.querySelector('script')).toBeNull();
    expect(host.querySelector('a')).toBeNull();
    expect(host.textContent).toContain('<img src=x');
  });

  it('keeps focus inside (Tab and Shift+Tab go round), closes on Escape, and copies a citation of the words checked', async () => {
    const copy = vi.fn(async (_text: string) => true);
    const { host, onClose } = mount({ verdict: 'verbatim', best: base, candidates: [] }, 'We are already arresting over 400 offenders', {
      copy,
      pageUrl: 'https://news.example/story',
    });
    const card = host.querySelector<HTMLElement>('.otr-card')!;
    const controls = [...card.querySelectorAll<HTMLElement>('button, a[href]')];
    controls[controls.length - 1]!.focus();
    act(() => {
      card.dispatchEvent(new KeyboardEvent('keydown', { key: 'Tab', bubbles: true }));
    });
    expect(document.activeElement).toBe(controls[0]);
    act(() => {
      card.dispatchEvent(new KeyboardEvent('keydown', { key: 'Tab', shiftKey: true, bubbles: true }));
    });
    expect(document.activeElement).toBe(controls[controls.length - 1]);
    act(() => {
      card.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    });
    expect(onClose).toHaveBeenCalledTimes(1);
    const [plain, md] = [...host.querySelectorAll<HTMLButtonElement>('.otr-actions button')];
    await act(async () => plain!.click());
    await act(async () => md!.click());
    const cited = copy.mock.calls[0]![0];
    // The words checked, as the release gives them: not the release's title or lead in the speaker's mouth.
    expect(cited.split('\n')[0]).toBe(`“${quote.slice(68, 156)}”`);
    expect(cited).toContain('— Chief Constable Simon Bailey, National Police Chiefs Council Lead for Child Protection (NPCC), 4 Aug 2017.');
    expect(cited).toContain('Checked on 23 Nov 2026 against https://news.example/story');
    expect(copy.mock.calls[1]![0]).toContain('(https://www.npcc.police.uk/x#:~:text=');
    expect(host.querySelector('.otr-status')!.textContent).toBe('Markdown citation copied');
  });
});
