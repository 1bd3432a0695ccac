import { DOMParser } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { readXmlListing, sitemapReleases } from './feeds';

const xml = (text: string) => new DOMParser().parseFromString(text, 'text/xml') as unknown as Document;

describe('feeds and sitemaps', () => {
  it('reads RSS items: link, pubDate (or dc:date), a permalink guid when there is no link; other sites left out', () => {
    const rss = `<?xml version="1.0"?><rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>News</title><link>https://force.example/</link>
      <item><title>A &amp; B</title><link>https://force.example/news/a-b</link><pubDate>Tue, 02 Jan 2024 10:00:00 GMT</pubDate></item>
      <item><guid>https://force.example/news/c-d</guid><dc:date>2023-12-30T08:00:00Z</dc:date></item>
      <item><link>https://other.example/news/e-f</link></item>
    </channel></rss>`;
    const listing = readXmlListing(xml(rss), 'https://force.example/feed.xml');
    expect(listing).toEqual({
      kind: 'feed',
      links: [
        { url: 'https://force.example/news/a-b', date: '2024-01-02' },
        { url: 'https://force.example/news/c-d', date: '2023-12-30' },
      ],
      next: [],
      children: [],
    });
  });

  it('reads Atom entries (the alternate link, published before updated) and its next page', () => {
    const atom = `<feed xmlns="http://www.w3.org/2005/Atom"><link rel="self" href="/atom"/><link rel="next" href="/atom?page=2"/>
      <entry><link rel="edit" href="/edit/1"/><link rel="alternate" type="text/html" href="/news/one-x"/><published>2024-03-01T09:00:00+00:00</published><updated>2024-03-05T09:00:00Z</updated></entry>
      <entry><link href="https://force.example/news/two-y"/><updated>2024-02-01T00:00:00Z</updated></entry></feed>`;
    const listing = readXmlListing(xml(atom), 'https://force.example/atom');
    expect(listing?.links).toEqual([
      { url: 'https://force.example/news/one-x', date: '2024-03-01' },
      { url: 'https://force.example/news/two-y', date: '2024-02-01' },
    ]);
    expect(listing?.next).toEqual(['https://force.example/atom?page=2']);
  });

  it('reads a sitemap index and a sitemap; the release pages are the shapes most of it shares', () => {
    const index = readXmlListing(
      xml(`<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><sitemap><loc>https://force.example/s1.xml</loc></sitemap><sitemap><loc>https://evil.example/s2.xml</loc></sitemap></sitemapindex>`),
      'https://force.example/sitemap.xml',
    );
    expect(index).toEqual({ kind: 'sitemap-index', links: [], next: [], children: ['https://force.example/s1.xml'] });
    const urls = ['/', '/news', '/about', '/our-work', '/news/a-1', '/news/b-2', '/news/c-3', '/news/d-4', '/news?page=2', '/files/x.pdf'];
    const map = readXmlListing(
      xml(`<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${urls.map((u) => `<url><loc>https://force.example${u}</loc><lastmod>2024-01-0${u.length % 9 || 1}</lastmod></url>`).join('')}</urlset>`),
      'https://force.example/s1.xml',
    );
    expect(map?.kind).toBe('sitemap');
    expect(sitemapReleases(map!.links).map((l) => new URL(l.url).pathname)).toEqual(['/news/a-1', '/news/b-2', '/news/c-3', '/news/d-4']);
  });

  it('is null for XML that is no feed or sitemap', () => {
    expect(readXmlListing(xml('<svg xmlns="http://www.w3.org/2000/svg"></svg>'), 'https://force.example/x.svg')).toBeNull();
  });
});
