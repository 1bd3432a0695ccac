// @vitest-environment happy-dom
/**
 * Names and titles display as they are: every field a release supplies (speaker, role,
 * organisation, title) is shown isolated in a <bdi>, so a right-to-left name cannot reorder
 * the date or the words beside it. A release with hostile fields, through each surface.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { render, type VNode } from 'preact';
import { act } from 'preact/test-utils';
import { buildIndex, createMatcher, parseRelease } from '../../core/index';
import { ResultCard } from '../../components/ResultCard';
import { CheckReportView } from '../../components/CheckReport';
import { ReleasePreview } from '../../components/ReleasePreview';
import { IndexStatsView } from '../../components/IndexStatsView';
import { summarise } from '../../core/check/checkArticle';

// Right-to-left letters in every field the release supplies (the bidi controls themselves are
// removed on import). The parser reads names in the Latin script of UK releases; a `.json`
// release file can carry any name, so the name is set as such a file would give it.
const NAME = 'Dalia עמרני';
const ROLE = 'Head of ردع Operations';
const ORG = 'Fenmoor شرطة Police';
const TITLE = 'Patrols עכשיו extended';
const text = [
  '12 Mar 2021',
  `${TITLE}.`,
  `Chief Superintendent Dalia Amrani, ${ROLE}, said:`,
  '“Our officers will walk the towpath every night this winter, and nobody should feel unsafe on their way home.”',
].join('\n');
const parsed = parseRelease(text, 'hostile.txt');
for (const st of parsed.statements) if (st.speaker?.name) st.speaker.name = NAME;
parsed.release.organisation = ORG;
const answer = createMatcher(buildIndex([parsed])).match('Our officers will walk the towpath every night this winter', { context: 'Sara Thornton said' });

/** Every text node holding one of the field's letters is inside a <bdi>. */
function expectIsolated(host: HTMLElement, field: string) {
  const rtl = /[\u0590-\u08ff]/;
  const walker = document.createTreeWalker(host, NodeFilter.SHOW_TEXT);
  let seen = 0;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (!n.textContent || !rtl.test(n.textContent) || !n.textContent.includes(field.replace(/^.* (\S*[\u0590-\u08ff]\S*) .*$|^.* (\S*[\u0590-\u08ff]\S*)$/, '$1$2'))) continue;
    seen++;
    expect((n.parentElement as Element).closest('bdi'), `"${n.textContent}" outside a <bdi>, in ${(n.parentElement as Element).outerHTML.slice(0, 200)}`).not.toBeNull();
  }
  return seen;
}

function mount(node: VNode): HTMLElement {
  const host = document.createElement('div');
  document.body.append(host);
  act(() => render(node, host));
  return host;
}

afterEach(() => document.body.replaceChildren());

describe('every field a release supplies is shown isolated', () => {
  it('the parse kept the hostile fields', () => {
    expect(parsed.statements.some((s) => s.speaker?.name === NAME && s.speaker.role === ROLE)).toBe(true);
    expect(parsed.release).toMatchObject({ title: `${TITLE}.`, organisation: ORG });
    expect(answer.best?.speaker?.name).toBe(NAME);
  });

  it('in the card, the page check’s panel, the import preview and the index summary', () => {
    const surfaces = {
      card: mount(<ResultCard answer={answer} pageText="Our officers will walk" onClose={() => undefined} />),
      panel: mount(
        <CheckReportView
          report={{ items: [{ quotation: { text: 'Our officers', query: 'Our officers', context: '', kind: 'quoted', start: 0, end: 12 }, answer }], summary: summarise([{ quotation: {} as never, answer }]) }}
        />,
      ),
      preview: mount(<ReleasePreview release={parsed} />),
      stats: mount(<IndexStatsView stats={{ releases: 1, statements: 2, quotations: 1, speakers: 1, organisations: [ORG], built: '2026-01-01T00:00:00Z', from: '2021-03-12', to: '2021-03-12' }} />),
    };
    let total = 0;
    for (const [name, host] of Object.entries(surfaces)) {
      let n = 0;
      for (const field of [NAME, ROLE, ORG, TITLE]) n += expectIsolated(host, field);
      expect(n, `${name} shows the release's fields`).toBeGreaterThan(0);
      total += n;
    }
    expect(total).toBeGreaterThan(5);
  });
});
