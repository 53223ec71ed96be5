/**
 * npm run corpus:generate -- --count N --out DIR [--seed S] [--force]
 *
 * Writes N synthetic articles in the corpus format, for benchmarks and load tests. The output is a
 * pure function of the seed: article i comes from its own generator seeded by (seed, i), so a
 * smaller corpus is a prefix of a larger one with the same seed. Half the files carry front matter,
 * half are shaped like the shipped sample (lead sentence as title, source alone on the last line).
 * About 1 in 500 is a long read of some 60,000 characters.
 *
 * Refuses a DIR that exists and is not empty; --force deletes the article files already there.
 */
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { FILE_NAME_PATTERN } from '../../../src/lib/corpus/parse-article.ts'
import { seededRandom } from '../../../src/lib/seeded-random.ts'
import { readOptions } from '../common.ts'

type Rng = () => number

/** FNV-1a, to turn a seed given as text into a number. */
function hashText(text: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  return h >>> 0
}

/** A well-mixed 32-bit seed for article `index` of the corpus seeded with `seed`. */
function articleSeed(seed: number, index: number): number {
  let h = Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(index + 1, 0xc2b2ae35)
  h ^= h >>> 16
  h = Math.imul(h, 0x7feb352d)
  h ^= h >>> 15
  h = Math.imul(h, 0x846ca68b)
  h ^= h >>> 16
  return h >>> 0
}

const int = (rng: Rng, min: number, max: number) => min + Math.floor(rng() * (max - min + 1))
const chance = (rng: Rng, p: number) => rng() < p

function pick<T>(rng: Rng, items: readonly T[]): T {
  const item = items[Math.floor(rng() * items.length)]
  if (item === undefined) throw new Error('pick from an empty list')
  return item
}

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1)

const words = (text: string) => text.trim().split(/\s+/)

// Word lists. No noun may be a word the title deriver takes for an abbreviation ("no", "co",
// "est", month names...), since nouns end sentences.

const SOURCES = [
  'News.Az',
  'Trend',
  'Wikinews',
  'Caspian Herald',
  'The Northern Courier',
  'Harbor City Gazette',
  'Metro Daily',
  'AP Wire',
  'Riverside Tribune',
  'Capital Report',
  'Eastern Star',
  'Lakeside Observer',
  'The Morning Ledger',
  'Pacific Dispatch',
  'Highland Chronicle',
  'Summit Post',
  'Valley Sentinel',
  'Coastline Journal',
  'Gazeta Kraków',
  'Global Voices Desk',
]

const FIRST_NAMES = words(`
  Amara Hikmat Elena Tomasz Priya Kwame Ingrid Mateo Leila Oskar Naledi Rafael Yuki Farid Sofia
  Dmitri Aisha Lukas Chiara Emeka Hanna Javier Mei Anders Zeynep Omar Greta Tariq Lucia Kofi
  Marta Nikolai Ayesha Pieter Rosa Sipho Irene Jonas Fatima Diego Katarzyna Samuel Olga Bruno
  Nadia Viktor Amina Henrik Camila Ravi
`)

const LAST_NAMES = words(`
  Hajiyev Okafor Lindqvist Kowalski Raman Mensah Novak Alvarez Haddad Berg Dlamini Costa Tanaka
  Rahimi Rossi Volkov Bello Schneider Ferrari Eze Virtanen Morales Chen Nilsen Demir Aziz
  Larsen Qureshi Romero Boateng Nowak Petrov Siddiqui Jansen Herrera Ndlovu Papadopoulos Weber
  Karimova Castillo Ivanova Moreau Sato Mahmoud Lindgren Fernandes Popescu Kovacs Abebe Gallagher
  Mwangi Horvat Nakamura Suleymanov Brennan Oyelaran
`)

const ROLES = [
  'Foreign Minister',
  'Health Minister',
  'Mayor',
  'Governor',
  'Finance Minister',
  'President',
  'Prime Minister',
  'chief executive',
  'spokesperson',
  'police chief',
  'professor',
  'opposition leader',
  'head of the port authority',
  'chair of the city council',
  'Economy Minister',
  'Deputy Governor',
  'union leader',
  'coach',
]

const PLACES = words(`
  Magnitogorsk Baku Ganja Lisbon Tallinn Gdansk Accra Lagos Kraków Valencia Porto Bergen Tampere
  Antalya Izmir Tbilisi Batumi Almaty Tashkent Mombasa Durban Recife Cusco Hobart Dunedin Halifax
  Winnipeg Tromsø Aarhus Malmö Ghent Utrecht Bremen Leipzig Graz Brno Cluj Varna Split Zadar
  Palermo Bari Seville Bilbao Nantes Lyon Geneva Lucerne Salzburg Riga Vilnius Kaunas Odesa Lviv
  Sumqayit Shusha Nairobi Kigali Dakar Rabat Tunis Muscat Doha Penang Cebu Osaka Sapporo Busan
`)

const REGIONS = words(`
  Karabakh Caucasus Baltic Balkan Andean Sahel Nordic Adriatic Caspian Pacific Alpine Atlantic
  Danube Mekong Iberian Aegean
`)

const ORGANIZATIONS = [
  'the city council',
  'the Ministry of Health',
  'the central bank',
  'the port authority',
  'the national railway',
  'the Investigative Committee',
  'the electoral commission',
  'the Red Crescent',
  'the teachers union',
  'the state energy company',
  'the Supreme Court',
  'the weather service',
  'the football federation',
  'the Chamber of Commerce',
  'the emergencies ministry',
  'the university senate',
  'the water utility',
  'parliament',
]

const HEADLINE_VERBS = [
  'announces',
  'unveils',
  'approves',
  'rejects',
  'delays',
  'signs',
  'launches',
  'defends',
  'questions',
  'backs',
  'opens',
  'suspends',
  'expands',
  'criticises',
  'proposes',
  'completes',
  'halts',
  'welcomes',
  'postpones',
  'reviews',
]

const HEADLINE_OBJECTS = [
  'new budget for flood defences',
  'plan to expand the harbour',
  'agreement on gas exports',
  'reform of the pension system',
  'talks with regional neighbours',
  'ban on plastic packaging',
  'investigation into the bridge collapse',
  'funding for rural schools',
  'strategy for cleaner buses',
  'rules on short-term rentals',
  'deal with striking nurses',
  'proposal to raise the minimum wage',
  'inquiry into hospital waiting times',
  'partnership with local farmers',
  'recovery plan after the storm',
  'tender for a new airport',
  'measures against wildfires',
  'census of the coastal population',
  'review of water prices',
  'programme for young engineers',
  'limits on fishing quotas',
  'vote on the new constitution',
  'project to restore the old market',
  'audit of public contracts',
  'festival of regional music',
  'tax relief for small businesses',
  'digital identity cards',
  'cooperation on border security',
  'monument to the victims',
  'upgrade of the power grid',
]

const PREPOSITION_PHRASES = [
  'after months of debate',
  'ahead of the winter season',
  'despite strong objections',
  'following a public consultation',
  'amid rising prices',
  'before the summer recess',
  'in a surprise move',
  'after a late-night session',
  'as protests continue',
  'with support from the opposition',
  'for the third time this year',
  'after a long delay',
]

const WHEN = [
  'on Monday',
  'on Tuesday',
  'on Wednesday',
  'on Thursday',
  'on Friday',
  'on Saturday',
  'on Sunday',
  'this week',
  'this morning',
  'for the coming year',
  'overnight',
  'at dawn',
  'for next spring',
  'by the end of the month',
]

const ADJECTIVES = words(`
  new local regional national public private recent major small large early late annual
  strong weak important difficult significant economic political social military cultural
  environmental financial historic modern rural urban coastal northern southern eastern western
  independent official senior young former temporary permanent careful rapid gradual
`)

const NOUNS = words(`
  government council committee ministry project budget plan report agreement decision policy
  market company industry sector region city district village community population family
  school hospital university student teacher doctor worker farmer official minister leader
  president election campaign vote law court judge police investigation evidence witness
  road bridge railway port airport station building apartment street river harbour border
  economy price inflation wage pension tax revenue investment loan bank currency trade export
  import energy gas oil electricity grid water weather storm flood fire season summer winter
  festival museum exhibition concert theatre film book newspaper journalist interview statement
  meeting conference summit negotiation talks delegation partner neighbour country territory
  conflict ceasefire peace security army soldier rescue survivor victim hospitalisation
  infrastructure programme initiative reform standard system network service contract tender
  proposal review audit inquiry survey census study research result figure percentage
`)

const VERBS_PAST = words(`
  announced approved rejected discussed reviewed confirmed described supported criticised
  welcomed proposed delayed completed launched expanded reduced increased examined presented
  published signed opened closed visited highlighted emphasised stressed underlined addressed
  considered questioned reported recorded estimated promised prepared organised funded
`)

const VERBS_PRESENT = words(`
  expects plans hopes intends aims continues needs wants prepares seeks
`)

const INFINITIVES = words(`
  improve expand reduce protect strengthen support review complete restore modernise finance
  monitor replace rebuild simplify extend
`)

const CONNECTORS = [
  'while',
  'although',
  'because',
  'after',
  'before',
  'as',
  'since',
  'even though',
  'whereas',
]

const OPENERS = [
  'On Monday,',
  'On Tuesday,',
  'On Wednesday,',
  'On Thursday,',
  'On Friday,',
  'Earlier this week,',
  'Last year,',
  'In a statement,',
  'According to officials,',
  'Meanwhile,',
  'However,',
  'At the same time,',
  'In response,',
  'By the end of the day,',
  'Later,',
  'In addition,',
]

const QUOTES = [
  'We will continue this work until the job is done',
  'This is an important day for the whole region',
  'Nobody expected the situation to change so quickly',
  'The figures speak for themselves',
  'We have listened carefully to every concern raised by residents',
  'There is still a great deal of work ahead of us',
  'Our priority remains the safety of the people who live here',
  'The decision was not easy, but it was the right one',
]

const ATTRIBUTIONS = ['reports', 'reported', 'said', 'writes']

const TAGS = words(`
  politics economy energy health education transport environment culture sport security
  diplomacy business technology weather justice housing agriculture tourism science
`)

const LICENSES = ['CC BY 4.0', 'CC BY 2.5', 'CC BY-SA 4.0', 'All rights reserved', 'Public domain']
const LANGUAGES = ['en', 'en', 'en', 'en-GB', 'en-US', 'en-AU']

const person = (rng: Rng) => `${pick(rng, FIRST_NAMES)} ${pick(rng, LAST_NAMES)}`

function nounPhrase(rng: Rng): string {
  const roll = rng()
  if (roll < 0.08) return person(rng)
  if (roll < 0.14) return pick(rng, ORGANIZATIONS)
  const noun = pick(rng, NOUNS)
  const determiner = roll < 0.55 ? 'the' : roll < 0.7 ? 'a' : roll < 0.8 ? 'its' : 'the'
  const article = determiner === 'a' && /^[aeiou]/.test(noun) ? 'an' : determiner
  if (chance(rng, 0.35)) {
    const adjective = pick(rng, ADJECTIVES)
    const a = determiner === 'a' ? (/^[aeiou]/.test(adjective) ? 'an' : 'a') : article
    return `${a} ${adjective} ${noun}`
  }
  return chance(rng, 0.15) ? `${article} ${noun} of ${pick(rng, PLACES)}` : `${article} ${noun}`
}

/** A sentence without its final punctuation, ending on a noun or a place, never an abbreviation. */
function clause(rng: Rng): string {
  const roll = rng()
  if (roll < 0.45) {
    return `${nounPhrase(rng)} ${pick(rng, VERBS_PAST)} ${nounPhrase(rng)}`
  }
  if (roll < 0.7) {
    return `${nounPhrase(rng)} ${pick(rng, VERBS_PRESENT)} to ${pick(rng, INFINITIVES)} ${nounPhrase(rng)} in ${pick(rng, PLACES)}`
  }
  if (roll < 0.85) {
    const amount = int(rng, 2, 95)
    return `${nounPhrase(rng)} ${pick(rng, VERBS_PAST)} ${amount} percent of ${nounPhrase(rng)}`
  }
  return `${person(rng)}, the ${pick(rng, ROLES)}, ${pick(rng, VERBS_PAST)} ${nounPhrase(rng)}`
}

function sentence(rng: Rng): string {
  const roll = rng()
  if (roll < 0.06) {
    return `“${pick(rng, QUOTES)},” ${person(rng)} told reporters in ${pick(rng, PLACES)}.`
  }
  let text = clause(rng)
  if (roll < 0.3) text = `${text}, ${pick(rng, CONNECTORS)} ${clause(rng)}`
  else if (roll < 0.4) text = `${text} and ${clause(rng)}`
  if (chance(rng, 0.18)) return `${pick(rng, OPENERS)} ${text}.`
  return `${capitalize(text)}${chance(rng, 0.02) ? '?' : '.'}`
}

function paragraph(rng: Rng, sentences: number): string {
  const parts: string[] = []
  for (let i = 0; i < sentences; i++) parts.push(sentence(rng))
  return parts.join(' ')
}

/** Spreads a paragraph over lines of about `width` characters, as hard-wrapped text would be. */
function wrap(text: string, width: number): string {
  const lines: string[] = []
  let line = ''
  for (const word of text.split(' ')) {
    if (line !== '' && line.length + 1 + word.length > width) {
      lines.push(line)
      line = word
    } else {
      line = line === '' ? word : `${line} ${word}`
    }
  }
  if (line !== '') lines.push(line)
  return lines.join('\n')
}

/** A headline-like statement naming people and places, so titles differ across a large corpus. */
function headline(rng: Rng): string {
  const roll = rng()
  const place = pick(rng, PLACES)
  const subject =
    roll < 0.4
      ? `${capitalize(pick(rng, ROLES))} ${person(rng)}`
      : roll < 0.7
        ? `${capitalize(pick(rng, ORGANIZATIONS).replace(/^the /, ''))} of ${place}`
        : `${pick(rng, REGIONS)} officials in ${place}`
  const object = pick(rng, HEADLINE_OBJECTS)
  const tail = chance(rng, 0.5) ? ` ${pick(rng, PREPOSITION_PHRASES)}` : ''
  const where = roll < 0.4 ? ` in ${place}` : ''
  const verb = pick(rng, HEADLINE_VERBS)
  // "Officials ... announce", not "announces".
  const agreed = roll < 0.7 ? verb : verb.replace(/(?<=(?:ch|sh))es$|s$/, '')
  const when = chance(rng, 0.5) ? ` ${pick(rng, WHEN)}` : ''
  return `${subject} ${agreed} ${object}${where}${when}${tail}`
}

/** 1..25 paragraphs, most articles well under the maximum. */
function paragraphCount(rng: Rng): number {
  return 1 + Math.floor(24 * rng() ** 1.6)
}

function hexId(rng: Rng): string {
  const part = () =>
    Math.floor(rng() * 0x100000000)
      .toString(16)
      .padStart(8, '0')
  return part() + part()
}

function isoDate(rng: Rng): string {
  const from = Date.UTC(2018, 0, 1)
  const to = Date.UTC(2025, 11, 31, 23, 59)
  const at = new Date(from + Math.floor(rng() * (to - from)))
  const day = at.toISOString().slice(0, 10)
  const roll = rng()
  if (roll < 0.6) return day
  if (roll < 0.85) return `${at.toISOString().slice(0, 16)}:00Z`
  return `${at.toISOString().slice(0, 16)}:00+0${int(rng, 1, 4)}:00`
}

function slugOf(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/g, '')
}

/** The text of one article file. */
function article(rng: Rng, id: string): string {
  const source = pick(rng, SOURCES)
  const long = chance(rng, 1 / 500)
  const frontMatter = chance(rng, 0.5)
  const wrapWidth = chance(rng, 0.1) ? int(rng, 60, 90) : 0

  const body: string[] = []
  const title = headline(rng)
  let lead = frontMatter ? '' : title
  if (!frontMatter) {
    const attribution = rng()
    if (attribution < 0.35) lead += `, ${source} ${pick(rng, ATTRIBUTIONS)}`
    else if (attribution < 0.45) lead += `, according to ${source}`
  }
  const leadSentences = frontMatter ? int(rng, 1, 4) : int(rng, 0, 3)
  const leadRest = leadSentences > 0 ? ` ${paragraph(rng, leadSentences)}` : ''
  body.push(frontMatter ? paragraph(rng, leadSentences) : `${lead}.${leadRest}`)

  if (long) {
    let length = body[0]?.length ?? 0
    while (length < 60_000) {
      const p = paragraph(rng, int(rng, 4, 12))
      body.push(p)
      length += p.length + 2
    }
  } else {
    const count = paragraphCount(rng)
    for (let i = 1; i < count; i++) body.push(paragraph(rng, int(rng, 1, 5)))
  }

  const lines: string[] = []
  if (frontMatter) {
    lines.push('---', `title: ${JSON.stringify(title)}`)
    const date = isoDate(rng)
    lines.push(date.length === 10 ? `date: ${date}` : `date: "${date}"`)
    lines.push(`source: ${JSON.stringify(source)}`)
    lines.push(
      `url: "https://example.com/${slugOf(source)}/${date.slice(0, 4)}/${slugOf(title)}-${id.slice(0, 6)}"`,
    )
    if (chance(rng, 0.4)) lines.push(`author: ${JSON.stringify(person(rng))}`)
    if (chance(rng, 0.35)) {
      const tags = [...new Set([pick(rng, TAGS), pick(rng, TAGS), pick(rng, TAGS)])]
      const count = int(rng, 1, tags.length)
      if (chance(rng, 0.5)) lines.push(`tags: [${tags.slice(0, count).join(', ')}]`)
      else lines.push('tags:', ...tags.slice(0, count).map((t) => `  - ${t}`))
    }
    if (chance(rng, 0.3)) lines.push(`language: ${pick(rng, LANGUAGES)}`)
    if (chance(rng, 0.25)) lines.push(`license: ${JSON.stringify(pick(rng, LICENSES))}`)
    lines.push('---')
  }
  const paragraphs = wrapWidth > 0 ? body.map((p) => wrap(p, wrapWidth)) : body
  // Files without front matter name their source on the last line; some with it repeat it there.
  if (!frontMatter || chance(rng, 0.2)) paragraphs.push(source)
  lines.push(paragraphs.join('\n\n'), '')
  return lines.join('\n')
}

type Options = { count: number; out: string; seed: number; force: boolean }

const USAGE = `npm run corpus:generate -- --count N --out DIR [--seed S] [--force]

  --count N    how many articles to write
  --out DIR    the folder to write them into (must be empty, unless --force)
  --seed S     a number or any text (default 1); the same seed writes the same corpus
  --force      delete the article files already in DIR`

function parseCommandLine(): Options {
  const { values } = readOptions({
    usage: USAGE,
    options: {
      count: { type: 'string' },
      out: { type: 'string' },
      seed: { type: 'string', default: '1' },
      force: { type: 'boolean', default: false },
    },
  })
  const count = Number(values.count)
  if (!values.count || !Number.isInteger(count) || count < 1) {
    throw new Error('--count must be a whole number of articles, 1 or more')
  }
  if (!values.out) throw new Error('--out DIR is required')
  const seedText = values.seed
  const seed = /^\d+$/.test(seedText) ? Number(seedText) >>> 0 : hashText(seedText)
  return { count, out: resolve(values.out), seed, force: values.force }
}

function prepareFolder(out: string, force: boolean): void {
  if (!existsSync(out)) {
    mkdirSync(out, { recursive: true })
    return
  }
  const entries = readdirSync(out)
  if (entries.length === 0) return
  if (!force) {
    throw new Error(
      `${out} exists and is not empty (${entries.length} entries); pass --force to replace its articles`,
    )
  }
  for (const name of entries) {
    if (FILE_NAME_PATTERN.test(name)) rmSync(join(out, name), { force: true })
  }
}

function generate({ count, out, seed }: Options): { bytes: number } {
  const width = Math.max(3, String(count - 1).length)
  const ids = new Set<string>()
  let bytes = 0
  for (let i = 0; i < count; i++) {
    const rng = seededRandom(articleSeed(seed, i)).next
    let id = hexId(rng)
    while (ids.has(id)) id = hexId(rng)
    ids.add(id)
    const text = article(rng, id)
    const buffer = Buffer.from(text, 'utf8')
    writeFileSync(join(out, `${String(i).padStart(width, '0')}_${id}.txt`), buffer)
    bytes += buffer.length
  }
  return { bytes }
}

try {
  const started = performance.now()
  const options = parseCommandLine()
  prepareFolder(options.out, options.force)
  const { bytes } = generate(options)
  const seconds = (performance.now() - started) / 1000
  console.log(
    `corpus:generate: wrote ${options.count} files, ${bytes} bytes (${(bytes / 1024 / 1024).toFixed(1)} MB) to ${options.out} in ${seconds.toFixed(2)} s`,
  )
} catch (cause) {
  console.error(`corpus:generate: ${cause instanceof Error ? cause.message : String(cause)}`)
  process.exit(1)
}
