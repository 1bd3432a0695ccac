// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { ResultCard, verdictLabel } from './ResultCard';
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
    expect(host.querySelector('.otr-card')!.className).toContain('otr-v-verbatim');
    expect(text()).toContain('Chief Constable Simon Bailey');
    expect(text()).toContain('National Police Chiefs Council Lead for Child Protection');
    expect(text()).toContain('4 Aug 2017');
    expect(text()).toContain('9 years ago');
    expect(text()).toContain('NPCC');
    expect(host.querySelector('mark')!.textContent).toBe(quote.slice(68, 156));
    expect(host.querySelectorAll('.otr-quote p')).toHaveLength(2);
    expect(host.querySelector('a.otr-link')!.getAttribute('href')).toBe('https://www.npcc.police.uk/x');
    expect(host.querySelector('[role="dialog"]')!.getAttribute('aria-labelledby')).toBe('otr-verdict');
  });

  it('shows an altered quotation as a word diff with the changed figure flagged', () => {
    const altered: Match = { ...base, differences: [{ type: 'number', page: '600', original: '400' }] };
    const { host, text } = mount(
      { verdict: 'altered', best: altered, candidates: [altered] },
      '“We are already arresting over 600 offenders and safeguarding over 500 children each month.”',
    );
    expect(host.querySelector('.otr-verdict')!.textContent).toBe('Altered (1 difference)');
    expect(host.querySelector('.otr-diff ins')!.textContent).toContain('600');
    expect(host.querySelector('.otr-diff del')!.textContent).toContain('400');
    expect(host.querySelector('.otr-diff .otr-tag')!.textContent).toBe('figure changed');
    expect(text()).toContain('A figure was changed');
  });

  it('says plainly when nothing matches', () => {
    const { host } = mount({ verdict: 'not-found', best: null, candidates: [] }, 'words nobody said');
    expect(host.querySelector('.otr-verdict')!.textContent).toBe('Not in the index');
    expect(host.querySelector('.otr-who')).toBeNull();
    expect(verdictLabel({ verdict: 'paraphrase', best: null, candidates: [] })).toBe('Paraphrase');
  });

  it('warns about a different speaker and lists later repeats', () => {
    const repeat: Match = { ...base, date: '2019-02-01', release: { ...base.release, id: 'r2', date: '2019-02-01', title: 'A later release' } };
    const best: Match = { ...base, attribution: { names: ['Sara Thornton'], consistent: false } };
    const { host } = mount({ verdict: 'verbatim', best, candidates: [best, repeat] }, 'The internet is not a safe');
    expect(host.querySelector('.otr-warn')!.textContent).toContain('the page names Sara Thornton; the release names Chief Constable Simon Bailey');
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

  it('closes on Escape and copies citations', async () => {
    const copy = vi.fn(async (_text: string) => true);
    const { host, onClose } = mount({ verdict: 'verbatim', best: base, candidates: [] }, 'x', { copy });
    const card = host.querySelector<HTMLElement>('.otr-card')!;
    act(() => {
      card.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    });
    expect(onClose).toHaveBeenCalledTimes(1);
    const [plain, md] = [...host.querySelectorAll<HTMLButtonElement>('.otr-actions button')];
    await act(async () => plain!.click());
    await act(async () => md!.click());
    expect(copy.mock.calls[0]![0]).toBe(
      'Chief Constable Simon Bailey, National Police Chiefs Council Lead for Child Protection (NPCC), 4 Aug 2017. "The Home Secretary has announced an extra £20 million". https://www.npcc.police.uk/x',
    );
    expect(copy.mock.calls[1]![0]).toContain('[*The Home Secretary has announced an extra £20 million*](https://www.npcc.police.uk/x)');
    expect(host.querySelector('.otr-status')!.textContent).toBe('Markdown citation copied');
  });
});
