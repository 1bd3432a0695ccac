import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { listingPage } from '../../tests/fixtures/newsroom/pages';
import { fixtureRelease } from '../../tests/fixtures/newsroom/releases';
import { nextPages, readListing, releaseLinks } from './listing';

const doc = (html: string) => parseHTML(html).document as unknown as Document;
const BASE = 'https://news.example.police.uk/releases';

describe('release links on a listing page', () => {
  it('finds the cards of the test newsroom, each once with its date, and not its menus, tags or pager', () => {
    const items = [12, 11, 10].map((n) => fixtureRelease(n));
    const links = releaseLinks(doc(listingPage(items, 2, 5)), 'http://127.0.0.1:9/news?page=2');
    expect(links).toEqual(items.map((r) => ({ url: `http://127.0.0.1:9/news/${r.slug}`, date: r.date })));
  });

  it('reads a newsroom laid out as headline, date and summary, with tag pages and a numbered pager', () => {
    const html = `<html><body>
      <div class="header"><a href="/">Home</a> <a href="/releases">Press Releases</a> <a href="/contact-us">Contact Us</a></div>
      <h1>Press Releases</h1><p>Find by keyword: <a href="/releases/t/operations">Operations</a> <a href="/releases/t/crime">Crime</a></p>
      <div class="item"><h3><a href="/releases/county-lines-week-of-action">Dozens held in a week of action on county lines</a></h3><span>07 Jun 2023</span><p>Forces across the region …</p></div>
      <div class="item"><h3><a href="/releases/festival-safety-advice">Festival-goers urged to stay safe</a></h3><span>30 May 2023</span><p>As the season begins …</p></div>
      <div class="item"><h3><a href="/releases/blog-protecting-those-who-protect-us">Blog: protecting those who protect us</a></h3><span>9th May 2023</span></div>
      <div class="pager"><a href="/releases?page=1">1</a> <a href="/releases?page=2">2</a> <a href="/releases?page=3">3</a> <a href="/releases?page=81">Last</a></div>
      <p><a href="https://twitter.com/example">Follow us</a> <a href="mailto:press@example.police.uk">Email</a> <a href="/files/annual-report.pdf">Annual report</a></p>
    </body></html>`;
    const listing = readListing(doc(html), BASE);
    expect(listing.links).toEqual([
      { url: 'https://news.example.police.uk/releases/county-lines-week-of-action', date: '2023-06-07' },
      { url: 'https://news.example.police.uk/releases/festival-safety-advice', date: '2023-05-30' },
      { url: 'https://news.example.police.uk/releases/blog-protecting-those-who-protect-us', date: '2023-05-09' },
    ]);
    expect(listing.next[0]).toBe('https://news.example.police.uk/releases?page=2');
  });

  it('groups dated paths (/news/2024/05/slug) as one shape, and leaves out a print view beside its page', () => {
    const html = `<main>
      <article><a href="/news/2024/05/bridge-closed">Bridge closed</a> <a href="/news/2024/05/bridge-closed?print=1">Print</a></article>
      <article><a href="/news/2024/04/new-station">New station</a></article>
      <article><a href="/news/2023/12/winter-appeal">Winter appeal</a></article>
      <p><a href="/news/about-this-site">About</a></p></main>`;
    expect(releaseLinks(doc(html), 'https://force.example/news').map((l) => new URL(l.url).pathname)).toEqual([
      '/news/2024/05/bridge-closed',
      '/news/2024/04/new-station',
      '/news/2023/12/winter-appeal',
    ]);
  });

  it('keeps to the site: other hosts, mailto, javascript and assets are never releases; www. is the same site', () => {
    const html = `<main>
      <li><a href="https://www.force.example/news/one-a">One</a></li><li><a href="/news/two-b">Two</a></li>
      <li><a href="https://elsewhere.example/news/three-c">Three</a></li><li><a href="javascript:void(0)">Four</a></li>
      <li><a href="/news/report.pdf">Report</a></li></main>`;
    expect(releaseLinks(doc(html), 'https://force.example/news').map((l) => l.url)).toEqual(['https://www.force.example/news/one-a', 'https://force.example/news/two-b']);
  });

  it('finds nothing on a page with no release links', () => {
    expect(releaseLinks(doc('<p>Nothing here. <a href="/">Home</a></p>'), BASE)).toEqual([]);
  });
});

describe('the next page of a listing', () => {
  const next = (html: string, url = 'https://force.example/news') => nextPages(doc(html), url);

  it('prefers rel=next, then a link saying Next or Older', () => {
    expect(next('<head><link rel="next" href="/news?page=2"></head><a href="/news?page=9">9</a>')[0]).toBe('https://force.example/news?page=2');
    expect(next('<a href="/news/page/2/">Older posts</a>')).toEqual(['https://force.example/news/page/2/']);
    expect(next('<a href="/news?start=20">Next »</a>')).toEqual(['https://force.example/news?start=20']);
    expect(next('<a href="/news?p=2" aria-label="Next page">›</a>')).toEqual(['https://force.example/news?p=2']);
  });

  it('takes the lowest-numbered page after this one when there is no Next link', () => {
    expect(next('<a href="/news?page=1">1</a><a href="/news?page=4">4</a><a href="/news?page=3">3</a>', 'https://force.example/news?page=2')).toEqual([
      'https://force.example/news?page=3',
    ]);
  });

  it('does not take a release titled "Next steps…" for the pager, nor another listing’s pages', () => {
    expect(next('<a href="/news/next-steps-for-the-review">Next steps for the review</a><a href="/events?page=2">2</a>')).toEqual([]);
  });

  it('follows "View all news" from a front page with no pager', () => {
    expect(next('<h2>Latest news</h2><a href="/news/a-b">A</a><a href="/releases">View all news</a>', 'https://force.example/')).toEqual(['https://force.example/releases']);
  });
});
