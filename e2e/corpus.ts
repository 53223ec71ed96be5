/**
 * What the specs know of the fixture corpus (e2e/fixtures/corpus, written by make-corpus.ts),
 * written out by hand: the expected answers, not computed by the code under test.
 */

export type KnownArticle = { id: string; slug: string; title: string; source: string }

export const site = { name: 'Newsreader' }

export const corpus = { total: 70, pageSize: 30, pageCount: 3, lastPageSize: 10 }

/** Most prolific first, as the home page lists them. */
export const sources = [
  { name: 'Harbor Gazette', slug: 'harbor-gazette', count: 44 },
  { name: 'Valley Courier', slug: 'valley-courier', count: 21 },
  { name: 'Night Owl Wire', slug: 'night-owl-wire', count: 3 },
  // withHtml's own source, whose name is markup and script; ties go by name.
  {
    name: 'Letters </script><script>alert(3)</script> & "Desk"',
    slug: 'letters-script-script-alert-3-script-desk',
    count: 1,
  },
  { name: 'News.Az', slug: 'news-az', count: 1 },
] as const

/** The source with few articles, and its articles newest first (the last one is undated). */
export const nightOwlWire = {
  name: 'Night Owl Wire',
  slug: 'night-owl-wire',
  titles: [
    'Water utility wins funding for electric delivery bikes',
    'School district unveils plans for quieter streets',
    'University lab asks residents about a community radio station',
  ],
}

/** The newest article (a date-time on 2025-06-30): first on the home page. */
export const newest: KnownArticle & { excerpt: string } = {
  id: 'e2e0000000000058',
  slug: 'youth-orchestra-reports-progress-on-solar-panels-on-public-roofs',
  title: 'Youth orchestra reports progress on solar panels on public roofs',
  source: 'Harbor Gazette',
  excerpt:
    'Youth orchestra reports progress on solar panels on public roofs. A survey found that most households would use the new service.',
}

/** Second on the home page, though its sequence (011) is far below the newest's. */
export const secondNewest: KnownArticle = {
  id: 'e2e0000000000011',
  slug: 'farmers-market-unveils-plans-for-flood-barriers',
  title: 'Farmers market unveils plans for flood barriers',
  source: 'Harbor Gazette',
}

/** Fourth on the home page, by the source with few articles. */
export const byNightOwlWire: KnownArticle = {
  id: 'e2e0000000000033',
  slug: 'water-utility-wins-funding-for-electric-delivery-bikes',
  title: 'Water utility wins funding for electric delivery bikes',
  source: 'Night Owl Wire',
}

/**
 * Ninth on list page 2; its title, text, source and front matter hold HTML, script, `</script>`,
 * event-handler attributes and javascript: text, all of which must show as text.
 */
export const withHtml: KnownArticle & {
  sourceSlug: string
  lead: string
  last: string
  author: string
  tags: string[]
  license: string
  url: string
} = {
  id: 'e2e0000000000012',
  slug: 'readers-ask-why-b-bold-b-tags-appear-on-the-letters-page',
  title: 'Readers ask why <b>bold</b> tags appear on the letters page',
  source: 'Letters </script><script>alert(3)</script> & "Desk"',
  sourceSlug: 'letters-script-script-alert-3-script-desk',
  lead: 'A reader sent the snippet <script>alert(1)</script> and asked whether this page would run it.',
  last: 'A third letter closed a tag that was never opened, </script><script>alert(8)</script>, then tried <a href="javascript:alert(9)">a link</a> and <svg onload=alert(10)>.',
  author: '<img src=x onerror=alert(4)> Rosa Herrera',
  tags: ['<b>letters</b>', 'javascript:alert(5)'],
  license: 'CC BY 4.0 <a href="javascript:alert(6)">terms</a>',
  url: 'https://example.com/letters/e2e0000000000012?q=<script>alert(7)</script>&x="onmouseover="alert(7)',
}

/** The shipped sample, without front matter: undated, last of all, on page 3. */
export const sample: KnownArticle & { excerpt: string } = {
  id: 'c79c02568b4c9959',
  slug: 'head-of-foreign-policy-department-of-the-presidential-administration-of',
  title:
    'Head of Foreign Policy Department of the Presidential Administration of Azerbaijan Hikmat Hajiyev gave a video interview to Geneva Centre for Security Policy',
  source: 'News.Az',
  excerpt:
    'Head of Foreign Policy Department of the Presidential Administration of Azerbaijan Hikmat Hajiyev gave a video interview to Geneva Centre for Security Policy, Trend reports.',
}

export const articlePath = (article: Pick<KnownArticle, 'id' | 'slug'>) =>
  `/articles/${article.id}/${article.slug}`

/**
 * "funding" is in the titles of sequences 24-35 ("… wins funding for …") and nowhere else: 12
 * articles, 8 from Harbor Gazette, 3 from Valley Courier, 1 from Night Owl Wire.
 */
export const fundingSearch = {
  query: 'funding',
  total: 12,
  sources: [
    { name: 'Harbor Gazette', slug: 'harbor-gazette', count: 8 },
    { name: 'Valley Courier', slug: 'valley-courier', count: 3 },
    { name: 'Night Owl Wire', slug: 'night-owl-wire', count: 1 },
  ],
  /** Valley Courier's three (sequences 30, 27, 24), newest first. */
  valleyCourierNewestFirst: [
    'Hospital board wins funding for a repair workshop',
    'Corner bakery wins funding for a winter night bus',
    'Harbor council wins funding for a new ferry terminal',
  ],
}

/**
 * "board", "unveils" and "plans" are together in 8 articles, but side by side in that order in one
 * only (sequence 6, Valley Courier): "Hospital board unveils plans for a repair workshop".
 */
export const boardUnveilsPlans = {
  words: 'board unveils plans',
  looseTotal: 8,
  title: 'Hospital board unveils plans for a repair workshop',
}

/** "survey" is in the newest article and in the one after it (the second newest). */
export const survey = { query: 'survey' }

/** "Caucasus" is in the sample only, in its next-to-last paragraph: far below the fold. */
export const caucasus = { query: 'Caucasus' }
