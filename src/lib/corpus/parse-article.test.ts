// @vitest-environment node
import { readFileSync } from 'node:fs'
import { expect, it } from 'vitest'
import {
  DEFAULT_MAX_BYTES,
  DEFAULT_MAX_LINES,
  MAX_FRONT_MATTER_DEPTH,
  parseArticle,
  type ParseOptions,
} from './parse-article.ts'
import type { Article, Diagnostic, ParseResult } from './types.ts'

const FILE = '007_0123456789abcdef.txt'
const SAMPLE = '000_c79c02568b4c9959.txt'

function bytesOf(text: string): Uint8Array {
  return new TextEncoder().encode(text)
}

function parse(text: string, options?: ParseOptions): ParseResult {
  return parseArticle(FILE, bytesOf(text), options)
}

/** The article of a file expected to parse; fails the test with its diagnostics otherwise. */
function articleOf(text: string): Article {
  const { article, diagnostics } = parse(text)
  expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([])
  if (!article) throw new Error('expected an article')
  return article
}

/** The single error of a file expected to be rejected. */
function errorOf(result: ParseResult): Diagnostic {
  expect(result.article).toBeNull()
  const errors = result.diagnostics.filter((d) => d.severity === 'error')
  expect(errors).toHaveLength(1)
  const [error] = errors
  if (!error) throw new Error('expected an error')
  return error
}

/** The front matter fence with the given lines, then a body with a source line. */
function withFrontMatter(...yaml: string[]): string {
  return [
    '---',
    ...yaml,
    '---',
    'The council approved the budget on Monday.',
    '',
    'Daily Post',
    '',
  ].join('\n')
}

it('reads the sample article exactly', () => {
  const bytes = readFileSync(new URL(`../../../corpus/${SAMPLE}`, import.meta.url))
  const { article, diagnostics } = parseArticle(SAMPLE, bytes)

  expect(diagnostics).toEqual([])
  expect(article).toMatchObject({
    id: 'c79c02568b4c9959',
    sequence: 0,
    file: SAMPLE,
    title:
      'Head of Foreign Policy Department of the Presidential Administration of Azerbaijan Hikmat Hajiyev gave a video interview to Geneva Centre for Security Policy',
    source: 'News.Az',
    date: null,
    url: null,
    tags: [],
    readingMinutes: 2,
  })
  expect(article?.paragraphs).toHaveLength(10)
  expect(article?.paragraphs.at(-1)).toMatch(/^The 1994 ceasefire agreement/)
  expect(article?.paragraphs).not.toContain('News.Az')
})

it('rejects a file name that is not <sequence>_<id>.txt', () => {
  for (const name of [
    'article.txt',
    '001_0123456789ABCDEF.txt',
    '001_0123.txt',
    '001_0123456789abcdef.md',
  ]) {
    const error = errorOf(parseArticle(name, bytesOf('A valid body sentence.')))
    expect(error).toMatchObject({ severity: 'error', file: name, line: 1 })
    expect(error.message).toMatch(/file name/)
  }
})

it('rejects bytes that are not UTF-8 at the line of the bad byte', () => {
  const bytes = new Uint8Array([
    ...bytesOf('First line.\nSecond line.\nBad '),
    0xff,
    ...bytesOf(' byte.\n'),
  ])
  const error = errorOf(parseArticle(FILE, bytes))
  expect(error).toMatchObject({ severity: 'error', file: FILE, line: 3 })
  expect(error.message).toMatch(/not UTF-8/)
  expect(error.message).toMatch(/0xFF/)
})

it('rejects an overlong UTF-8 encoding and a lone surrogate', () => {
  // 0xC0 0xAF is an overlong "/"; 0xED 0xA0 0x80 encodes U+D800.
  for (const bad of [
    [0xc0, 0xaf],
    [0xed, 0xa0, 0x80],
  ]) {
    const bytes = new Uint8Array([...bytesOf('Line one.\n'), ...bad, ...bytesOf('\n')])
    const error = errorOf(parseArticle(FILE, bytes))
    expect(error).toMatchObject({ file: FILE, line: 2 })
    expect(error.message).toMatch(/not UTF-8/)
  }
})

it('rejects a file with a NUL byte at its line', () => {
  const bytes = new Uint8Array([
    ...bytesOf('Line one.\nLine two.\nLine'),
    0,
    ...bytesOf(' three.\n'),
  ])
  const error = errorOf(parseArticle(FILE, bytes))
  expect(error).toMatchObject({ severity: 'error', file: FILE, line: 3 })
  expect(error.message).toMatch(/NUL/)
})

it('rejects an empty file and a whitespace-only file', () => {
  for (const text of ['', '   \n\t\n\r\n  \n', '\uFEFF']) {
    const error = errorOf(parse(text))
    expect(error).toMatchObject({ severity: 'error', file: FILE, line: 1 })
    expect(error.message).toMatch(/empty/)
  }
})

it('rejects front matter that is never closed, at the opening fence', () => {
  const error = errorOf(parse('---\ntitle: Budget\nsource: Daily Post\n\nThe council met.\n'))
  expect(error).toMatchObject({ severity: 'error', file: FILE, line: 1 })
  expect(error.message).toMatch(/never closed/)
})

it('rejects front matter that is not valid YAML at the file line of the fault', () => {
  // Line 4 of the file is line 3 of the YAML: the line numbers must be the file's.
  const quote = errorOf(
    parse(withFrontMatter('title: Budget', 'source: Daily Post', 'author: "Ann')),
  )
  expect(quote).toMatchObject({ severity: 'error', file: FILE, line: 4 })
  expect(quote.message).toMatch(/^front matter is not valid YAML: .*quote/)
  // A message quoting the YAML parser's own line numbers would contradict the diagnostic's line.
  expect(quote.message).not.toMatch(/\bline \d/)

  const duplicate = errorOf(
    parse(
      '\uFEFF---\r\ntitle: A\r\nsource: S\r\nauthor: B\r\ntitle: C\r\n---\r\nThe council met.\r\n',
    ),
  )
  expect(duplicate).toMatchObject({ severity: 'error', file: FILE, line: 5 })
  expect(duplicate.message).toMatch(/unique/)
  expect(duplicate.message).not.toMatch(/\bline \d/)

  const tab = errorOf(parse(withFrontMatter('title: A', '\tsource: S')))
  expect(tab).toMatchObject({ file: FILE, line: 3 })
  expect(tab.message).toMatch(/[Tt]ab/)
})

it('rejects front matter that is a list, not a mapping', () => {
  const error = errorOf(parse(withFrontMatter('- title', '- source')))
  expect(error).toMatchObject({ severity: 'error', file: FILE, line: 2 })
  expect(error.message).toMatch(/mapping/)
})

it('rejects a date that is not a date, at the date line', () => {
  for (const date of ['2019-02-30', 'yesterday', '2020-13-01', '2020-05-01T24:00:00Z']) {
    const error = errorOf(parse(withFrontMatter('title: Budget', `date: ${date}`)))
    expect(error).toMatchObject({ severity: 'error', file: FILE, line: 3 })
    expect(error.message).toContain('"date"')
    expect(error.message).toContain(date)
  }
})

it('rejects a url that is not http or https, at the url line', () => {
  for (const url of ['javascript:alert(1)', 'ftp://x', 'not a url']) {
    const error = errorOf(
      parse(withFrontMatter('source: Daily Post', 'title: Budget', `url: ${url}`)),
    )
    expect(error).toMatchObject({ severity: 'error', file: FILE, line: 4 })
    expect(error.message).toMatch(/"url" must be an http or https URL/)
  }
})

it('rejects tags that are not a list of strings, at the tags line', () => {
  for (const tags of ['[1, 2]', 'politics', '{a: b}', '[economy, [nested]]']) {
    const error = errorOf(parse(withFrontMatter(`tags: ${tags}`)))
    expect(error).toMatchObject({ severity: 'error', file: FILE, line: 2 })
    expect(error.message).toMatch(/"tags" must be a list of strings/)
  }
})

it('rejects a file over the size limit', () => {
  const text = 'The council approved the budget on Monday.'
  const error = errorOf(parse(text, { maxBytes: 16 }))
  expect(error).toMatchObject({ severity: 'error', file: FILE, line: 1 })
  expect(error.message).toContain(`${bytesOf(text).length} bytes`)
  expect(error.message).toContain('limit of 16 bytes')
  expect(parse(text, { maxBytes: bytesOf(text).length }).article).not.toBeNull()
})

it('rejects a file with more lines than the limit, counting LF, CRLF and lone CR', () => {
  const lines = ['The council approved the budget on Monday.', '', 'More text.', '', 'Daily Post']
  for (const eol of ['\n', '\r\n', '\r']) {
    const text = lines.join(eol) + eol
    const error = errorOf(parse(text, { maxLines: 4 }))
    expect(error).toMatchObject({ severity: 'error', file: FILE, line: 5 })
    expect(error.message).toBe('file has 5 lines, over the limit of 4 lines')
    expect(parse(text, { maxLines: 5 }).article).not.toBeNull()
  }
  // No line break at the end: the last line still counts.
  expect(errorOf(parse(lines.join('\n'), { maxLines: 4 })).message).toContain('has 5 lines')
})

it('rejects a million one-character lines under the size limit by its line count', () => {
  const text = 'a\n'.repeat(1_000_000)
  expect(bytesOf(text).length).toBeLessThan(DEFAULT_MAX_BYTES)
  const error = errorOf(parse(text))
  expect(error).toMatchObject({ severity: 'error', file: FILE, line: DEFAULT_MAX_LINES + 1 })
  expect(error.message).toBe(`file has 1000000 lines, over the limit of ${DEFAULT_MAX_LINES} lines`)
})

/** Front matter whose `deep` key holds collections nested `depth` levels (the mapping is one). */
const nestings: [string, (depth: number) => string[]][] = [
  ['flow lists', (depth) => [`deep: ${'['.repeat(depth - 1)}${']'.repeat(depth - 1)}`]],
  ['flow mappings', (depth) => [`deep: ${'{a: '.repeat(depth - 1)}1${'}'.repeat(depth - 1)}`]],
  [
    'block mappings',
    (depth) => ['deep:', ...Array.from({ length: depth - 1 }, (_, i) => `${' '.repeat(i + 1)}a:`)],
  ],
  [
    'block lists',
    (depth) => ['deep:', ...Array.from({ length: depth - 1 }, (_, i) => `${'  '.repeat(i)}-`)],
  ],
  ['compact block lists', (depth) => ['deep:', `  ${'- '.repeat(depth - 1)}x`]],
  [
    'a block list of flow lists',
    (depth) => ['deep:', `- ${'['.repeat(depth - 2)}${']'.repeat(depth - 2)}`],
  ],
]

it.each(nestings)('accepts front matter nested to the depth limit in %s', (_, nest) => {
  const result = parse(withFrontMatter('title: Deep', ...nest(MAX_FRONT_MATTER_DEPTH)))
  expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([])
  expect(result.article?.title).toBe('Deep')
})

it.each(nestings)('rejects front matter nested one level past the limit in %s', (_, nest) => {
  const yaml = nest(MAX_FRONT_MATTER_DEPTH + 1)
  const error = errorOf(parse(withFrontMatter('title: Deep', ...yaml)))
  // The fence is line 1 and the title line 2; the file line of the first collection too deep.
  const deepest = yaml.length === 1 ? 0 : yaml.length - 1
  expect(error).toMatchObject({ severity: 'error', file: FILE, line: 3 + deepest })
  expect(error.message).toBe(
    `front matter nests lists or mappings more than ${MAX_FRONT_MATTER_DEPTH} levels deep`,
  )
})

it.each([
  ['[', ']'],
  ['{a: ', '}'],
])(
  'rejects 100,000 levels of %s in front matter with a clear error, not a stack overflow',
  (open, close) => {
    const error = errorOf(
      parse(withFrontMatter(`deep: ${open.repeat(100_000)}${close.repeat(100_000)}`)),
    )
    expect(error).toMatchObject({ severity: 'error', file: FILE, line: 2 })
    expect(error.message).toMatch(
      /^front matter nests lists or mappings more than \d+ levels deep$/,
    )
  },
)

it('rejects a body with no text', () => {
  const frontMatterOnly = errorOf(parse('---\ntitle: Budget\nsource: Daily Post\n---\n\n\n'))
  expect(frontMatterOnly).toMatchObject({ severity: 'error', file: FILE, line: 5 })
  expect(frontMatterOnly.message).toMatch(/body has no text/)

  const punctuation = errorOf(parse('---\ntitle: Budget\n---\n... !!! ---\n\n?? ,, --\n'))
  expect(punctuation).toMatchObject({ severity: 'error', file: FILE, line: 4 })
  expect(punctuation.message).toMatch(/body has no text/)
})

it('warns about an unknown front matter key at its line and still reads the article', () => {
  const { article, diagnostics } = parse(
    withFrontMatter('title: Budget', 'source: Daily Post', 'categry: politics'),
  )
  expect(article?.title).toBe('Budget')
  expect(diagnostics).toEqual([
    { severity: 'warning', file: FILE, line: 4, message: expect.stringContaining('"categry"') },
  ])
})

it('warns about a missing source at the last line of the file', () => {
  const { article, diagnostics } = parse(
    'The council approved the budget on Monday.\n\nThe vote was close, the chair said.\n',
  )
  expect(article?.source).toBeNull()
  expect(article?.paragraphs).toHaveLength(2)
  expect(diagnostics).toEqual([
    { severity: 'warning', file: FILE, line: 3, message: expect.stringMatching(/no source/) },
  ])
})

it('normalises line endings, BOM, spaces, line breaks inside a paragraph and Unicode form', () => {
  const text =
    '\uFEFFThe council\u00A0met   on\tMonday\r\nand approved\r\nthe budget.\r\n\r\n' +
    'The cafe\u0301 reopened.\r\n\r\nDaily Post\r\n'
  const article = articleOf(text)
  expect(article.paragraphs).toEqual([
    'The council met on Monday and approved the budget.',
    'The caf\u00E9 reopened.',
  ])
  expect(article.paragraphs[1]?.normalize('NFC')).toBe(article.paragraphs[1])
  expect(article.title).toBe('The council met on Monday and approved the budget')
  expect(article.source).toBe('Daily Post')

  const oldMac = articleOf('The council met\ron Monday.\r\rDaily Post')
  expect(oldMac.paragraphs).toEqual(['The council met on Monday.'])
  expect(oldMac.source).toBe('Daily Post')
})

it('takes title, source and date from the front matter over derived ones', () => {
  const article = articleOf(
    [
      '---',
      'title: "Budget  passes"',
      'source: Daily Post',
      'date: 2020-05-01',
      'url: https://example.com/budget',
      'tags: [economy, " council "]',
      '---',
      'The council approved the budget on Monday, Trend reports.',
      '',
      'Other Wire',
      '',
    ].join('\n'),
  )
  expect(article).toMatchObject({
    title: 'Budget passes',
    slug: 'budget-passes',
    source: 'Daily Post',
    date: '2020-05-01',
    url: 'https://example.com/budget',
    tags: ['economy', 'council'],
  })
  // A source line naming another source is text of the article, not its source.
  expect(article.paragraphs).toEqual([
    'The council approved the budget on Monday, Trend reports.',
    'Other Wire',
  ])
})

it('drops a last line that repeats the front matter source', () => {
  const article = articleOf(
    '---\nsource: NEWS.AZ\n---\nThe council approved the budget.\n\nNews.Az\n',
  )
  expect(article.source).toBe('NEWS.AZ')
  expect(article.paragraphs).toEqual(['The council approved the budget.'])
})

it('takes a short last line without a full stop as the source when there is no front matter', () => {
  const article = articleOf('The council approved the budget.\n\nNews.Az\n')
  expect(article.source).toBe('News.Az')
  expect(article.paragraphs).toEqual(['The council approved the budget.'])
  // A last sentence is not a source line.
  expect(articleOf('The council met.\n\nIt ended early.\n').source).toBeNull()
})

it('derives the title from the first sentence without a trailing attribution', () => {
  const cases = [
    [
      'Azerbaijan signed the gas deal on Friday, Trend reports. Talks resume soon.',
      'Azerbaijan signed the gas deal on Friday',
    ],
    ['Floods closed the main road, AP reported. Drivers waited.', 'Floods closed the main road'],
    [
      'Exports rose by a tenth in May, the ministry said. More follows.',
      'Exports rose by a tenth in May',
    ],
    ['Prices fell, according to the central bank.', 'Prices fell'],
    ['Talks with Mr. Smith ended on Monday. He left.', 'Talks with Mr. Smith ended on Monday'],
    [
      'Diplomats from the U.S. State Department arrived. Talks began.',
      'Diplomats from the U.S. State Department arrived',
    ],
    ['Dr. J. Smith opened the clinic. Patients came.', 'Dr. J. Smith opened the clinic'],
    ['Who will win? Nobody knows.', 'Who will win?'],
  ] as const
  for (const [lead, title] of cases) {
    expect(articleOf(`${lead}\n\nDaily Post\n`).title).toBe(title)
  }
})

it('ends a derived title at the sentence marks of other scripts, without a full stop', () => {
  const cases = [
    [
      '東京都は月曜日に新しい予算を承認した。議会は来週再開する。',
      '東京都は月曜日に新しい予算を承認した',
    ],
    // A mark inside quotes does not end the sentence.
    ['知事は「予算は十分だ。」と述べた。議会は来週再開する。', '知事は「予算は十分だ。」と述べた'],
    ['谁会赢得选举？目前还没有人知道。', '谁会赢得选举？'],
    ['会议结束了。。下周再开。', '会议结束了'],
    // A quote that never closes (here reversed) does not hold the sentence open.
    ['琼斯 ”大为光火“ 无暇打理品牌。他们的合作业务。', '琼斯 ”大为光火“ 无暇打理品牌'],
    ['आज बाज़ार खुले! कीमतें गिरीं।', 'आज बाज़ार खुले!'],
    [
      'सरकार ने सोमवार को नया बजट पेश किया। संसद अगले सप्ताह फिर से बैठेगी।',
      'सरकार ने सोमवार को नया बजट पेश किया',
    ],
    ['من سيفوز في الانتخابات؟ لا أحد يعرف بعد.', 'من سيفوز في الانتخابات؟'],
    // "." before a letter of a script without capitals ends a sentence too.
    [
      'وافق المجلس على الميزانية يوم الاثنين. وستستأنف المحادثات قريبا.',
      'وافق المجلس على الميزانية يوم الاثنين',
    ],
    [
      '국회는 월요일에 예산안을 통과시켰다. 회의는 다음 주에 재개된다.',
      '국회는 월요일에 예산안을 통과시켰다',
    ],
    [
      'حکومت نے پیر کو نیا بجٹ پیش کیا۔ پارلیمنٹ اگلے ہفتے دوبارہ اجلاس کرے گی۔',
      'حکومت نے پیر کو نیا بجٹ پیش کیا',
    ],
  ] as const
  for (const [lead, title] of cases) {
    expect(articleOf(`${lead}\n\nDaily Post\n`).title).toBe(title)
  }
})

it('bounds a Thai title, which has no sentence marks, and cuts it between words', () => {
  const short = 'สมาชิกสมัชชาของเวลส์มีความกังวล เกี่ยวกับชื่อตำแหน่งใหม่'
  expect(articleOf(`${short}\n\nDaily Post\n`).title).toBe(short)

  // No space at all: cut where a word ends, within the 300 characters titles are cut at.
  const lead = 'การประชุมสภาผู้แทนราษฎร'.repeat(20)
  const title = articleOf(`${lead}\n\nDaily Post\n`).title
  expect(title.endsWith('…')).toBe(true)
  const head = title.slice(0, -1)
  expect(head.length).toBeLessThanOrEqual(300)
  expect(head.length).toBeGreaterThan(250)
  expect(lead.startsWith(head)).toBe(true)
  const wordEnds = [...new Intl.Segmenter('th', { granularity: 'word' }).segment(lead)].map(
    (s) => s.index + s.segment.length,
  )
  expect(wordEnds).toContain(head.length)
})

it('keeps a short last sentence of another script in the body, not as the source', () => {
  const article = articleOf('東京都は予算を承認した。\n\n議会は終わった。\n')
  expect(article.source).toBeNull()
  expect(article.paragraphs).toEqual(['東京都は予算を承認した。', '議会は終わった。'])
})

it('keeps an attribution that would leave too short a title', () => {
  expect(articleOf('Trend reports.\n\nDaily Post\n').title).toBe('Trend reports')
})

it('takes the title and excerpt from the first paragraph with text', () => {
  const article = articleOf('* * *\n\nThe council approved the budget.\n\nDaily Post\n')
  expect(article.title).toBe('The council approved the budget')
  expect(article.excerpt).toBe('The council approved the budget.')
  expect(article.paragraphs).toEqual(['* * *', 'The council approved the budget.'])
})

it('does not end the title at punctuation before any text', () => {
  for (const lead of [
    '(…) The council approved the budget. It was late.',
    '— ! The council approved the budget. It was late.',
  ]) {
    expect(articleOf(`${lead}\n\nDaily Post\n`).title).toMatch(/The council approved the budget$/)
  }
})

it('never cuts a long derived title in the middle of a word', () => {
  const words = Array.from({ length: 80 }, (_, i) => `word${i}`)
  const title = articleOf(`${words.join(' ')} ends here.\n\nDaily Post\n`).title
  expect(title.endsWith('…')).toBe(true)
  expect(title.length).toBeLessThanOrEqual(301)
  expect(title.length).toBeGreaterThan(250)
  const kept = title.slice(0, -1).split(' ')
  expect(kept).toEqual(words.slice(0, kept.length))
})

it('makes ASCII, lowercase, hyphenated slugs', () => {
  const slugOf = (title: string) => articleOf(withFrontMatter(`title: "${title}"`)).slug
  expect(slugOf('Azərbaycan')).toBe('azerbaycan')
  expect(slugOf('Crème brûlée in Zürich, São Paulo & Łódź')).toBe(
    'creme-brulee-in-zurich-sao-paulo-lodz',
  )
  expect(slugOf('Straße: 50% off!')).toBe('strasse-50-off')
  expect(slugOf("🚀 Launch day 🎉 isn't over")).toBe('launch-day-isnt-over')
  // No letters to write: the URL is the id alone.
  expect(slugOf('🎉🎉')).toBe('')
})

it('transliterates Cyrillic, Greek and Hangul titles and folds Latin ones in slugs', () => {
  const slugOf = (title: string) => articleOf(withFrontMatter(`title: "${title}"`)).slug
  // Russian by BGN/PCGN (е is "ye" at the start of a word), Ukrainian by its national system.
  expect(slugOf('Путин встретился с Ельциным в Москве')).toBe(
    'putin-vstretilsya-s-yeltsinym-v-moskve',
  )
  expect(slugOf('Зеленський відвідав Київ')).toBe('zelenskyi-vidvidav-kyiv')
  expect(slugOf('Београд и Ђорђе')).toBe('beograd-i-djordje')
  // Greek by ISO 843: η and ω without macrons, γγ "ng", ευ "eu", ϊ after α not a diphthong.
  expect(slugOf('Η Αθήνα και η Θεσσαλονίκη')).toBe('i-athina-kai-i-thessaloniki')
  expect(slugOf('Ευρωπαϊκή Ένωση: ο Άγγελος')).toBe('europaiki-enosi-o-angelos')
  // Azerbaijani and Turkish: ə, ı, İ, ş, ü to their base letters.
  expect(slugOf("Azərbaycan İstanbul'da: Şişli, Üsküdar, Işık")).toBe(
    'azerbaycan-istanbulda-sisli-uskudar-isik',
  )
  // German: ß is "ss"; umlauts lose their dots (ae is German only, the slug knows no language).
  expect(slugOf('Straße in München: Bürger ärgern sich')).toBe(
    'strasse-in-munchen-burger-argern-sich',
  )
  expect(slugOf('대한민국 서울')).toBe('daehanminguk-seoul')
})

it('gives titles mostly in scripts without a transliteration an empty slug', () => {
  const slugOf = (title: string) => articleOf(withFrontMatter(`title: "${title}"`)).slug
  expect(slugOf('من سيفوز في الانتخابات؟')).toBe('')
  expect(slugOf('谁会赢得选举？')).toBe('')
  // A stray Latin word does not make the slug.
  expect(slugOf('恥さらしを危惧するウェールズ議会議員 (AM)')).toBe('')
  expect(slugOf('สมาชิกสมัชชาของเวลส์')).toBe('')
  // Mostly Latin: the Latin part.
  expect(slugOf('iPhone 15发布')).toBe('iphone-15')
})

it('cuts a long slug at a hyphen, within 80 characters', () => {
  const words = Array.from({ length: 30 }, (_, i) => `Word${i}`)
  const slug = articleOf(withFrontMatter(`title: ${words.join(' ')}`)).slug
  const full = words.join('-').toLowerCase()
  expect(slug).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/)
  expect(slug.length).toBeLessThanOrEqual(80)
  expect(slug.length).toBeGreaterThan(70)
  expect(full.startsWith(`${slug}-`)).toBe(true)
})

it('cuts the excerpt at a word boundary near 200 characters with an ellipsis', () => {
  const lead = Array.from({ length: 60 }, (_, i) => `term${i}`).join(' ') + '.'
  const { excerpt } = articleOf(`${lead}\n\nDaily Post\n`)
  expect(excerpt.endsWith('…')).toBe(true)
  expect(excerpt.length).toBeLessThanOrEqual(201)
  expect(excerpt.length).toBeGreaterThan(180)
  const head = excerpt.slice(0, -1)
  expect(lead.startsWith(`${head} `)).toBe(true)

  const short = 'A short lead.'
  expect(articleOf(`${short}\n\nDaily Post\n`).excerpt).toBe(short)
})

it('counts words and reading minutes', () => {
  const lead = Array.from({ length: 231 }, () => 'word').join(' ')
  const article = articleOf(`${lead}.\n\n— 42 —\n\nDaily Post\n`)
  expect(article.wordCount).toBe(232)
  expect(article.readingMinutes).toBe(2)
  expect(articleOf('One word.\n\nDaily Post\n').readingMinutes).toBe(1)
  // Japanese is read per character: 700 Han characters at 380 a minute.
  const japanese = articleOf(`${'漢字'.repeat(350)}。\n\nDaily Post\n`)
  expect(japanese.readingMinutes).toBe(2)
  expect(japanese.wordCount).toBeGreaterThan(1)
})

it('rejects YAML aliases that expand exponentially instead of hanging', () => {
  const names = 'abcdefghij'.split('')
  const yaml = names.map((name, i) => {
    const items = i === 0 ? Array(9).fill('"lol"') : Array(9).fill(`*${names[i - 1]}`)
    return `${name}: &${name} [${items.join(',')}]`
  })
  const started = performance.now()
  const error = errorOf(parse(withFrontMatter(...yaml)))
  expect(performance.now() - started).toBeLessThan(1000)
  expect(error).toMatchObject({ severity: 'error', file: FILE, line: 2 })
  expect(error.message).toMatch(/^front matter is not valid YAML/)
})

// Each of these took seconds when every sentence-end candidate rescanned the text before it.
it.each([
  ['abbreviations', 'Mr. '.repeat(25_000) + 'end.'],
  ['dotted acronyms', 'U.S. '.repeat(20_000) + 'end.'],
  ['a run of full stops', 'a' + '.'.repeat(40_000) + 'b'],
  ['a run of exclamation marks', 'a' + '!'.repeat(40_000) + ' b'],
  ['full stops inside quotes', '「' + '漢。'.repeat(20_000) + '」'],
  ['nested brackets', '「'.repeat(20_000) + '」'.repeat(20_000) + '漢。'],
  ['brackets closed by a far closer', '（「漢。'.repeat(10_000) + '）'],
])('derives a title in linear time from a lead of %s', (_, lead) => {
  const started = performance.now()
  const article = articleOf(`${lead}\n\nDaily Post\n`)
  expect(performance.now() - started).toBeLessThan(1000)
  expect(article.title.length).toBeLessThanOrEqual(301)
})
