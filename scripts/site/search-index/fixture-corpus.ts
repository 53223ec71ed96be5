/**
 * A small hand-written corpus for the search tests: news-like articles with known titles, body
 * phrases, sources and dates, parsed by the real parser.
 */
import { parseArticle } from '../../../src/lib/corpus/parse-article.ts'
import type { Article } from '../../../src/lib/corpus/types.ts'

type Spec = {
  title: string
  date?: string
  source?: string
  body: string[]
}

const SPECS: Spec[] = [
  {
    title: 'Magnitogorsk apartment building collapses after explosion, dozens dead',
    date: '2019-01-04',
    source: 'Wikinews',
    body: [
      'An apartment building collapsed on Monday in Magnitogorsk, a city in the Ural region of Russia. A suspected gas leak led to an explosion.',
      'Rescuers working in temperatures well below freezing recovered survivors from the debris.',
    ],
  },
  {
    title: 'Hajiyev gives video interview on Azerbaijan’s foreign policy',
    date: '2020-05-11',
    source: 'News.Az',
    body: [
      'Head of Foreign Policy Department of the Presidential Administration of Azerbaijan Hikmat Hajiyev gave a video interview to Geneva Centre for Security Policy.',
      'Hajiyev noted that one of the main tasks is to ensure Azerbaijan’s territorial integrity and sovereignty within internationally recognized borders.',
    ],
  },
  {
    title: 'Azərbaycan Respublikasının xarici siyasəti müzakirə olunur',
    date: '2020-05-12',
    source: 'Trend',
    body: [
      'Azərbaycan diplomatları Bakıda regional əməkdaşlıq məsələlərini müzakirə etdilər.',
      'Görüşdə enerji layihələri və nəqliyyat dəhlizləri haqqında danışıldı.',
    ],
  },
  {
    title: 'Hurricane makes landfall on the Louisiana coast',
    date: '2020-08-27',
    source: 'Wikinews',
    body: [
      'The storm brought winds of over 150 miles per hour and a surge of seawater to coastal towns.',
      'Officials said residents who ignored evacuation orders should shelter in place until the morning.',
    ],
  },
  {
    title: 'Louisiana governor declares state of emergency before storm',
    date: '2020-08-25',
    source: 'Wikinews',
    body: [
      'The governor asked residents of low-lying parishes to leave before the hurricane arrives.',
      'Emergency shelters opened in Baton Rouge and Shreveport on Tuesday evening.',
    ],
  },
  {
    title: 'Chess prodigy wins national championship in Tehran',
    date: '2019-03-02',
    source: 'Caspian Herald',
    body: [
      'A fifteen-year-old Iranian master won the national chess championship on Saturday after a tense final round.',
      'Her coach said the victory came after years of daily practice and study of endgames.',
    ],
  },
  {
    title: 'Scientists find water vapour in the atmosphere of a distant planet',
    date: '2019-09-11',
    source: 'Wikinews',
    body: [
      'Astronomers using the Hubble telescope detected water vapour on a planet about 110 light years away.',
      'The planet orbits a red dwarf star within its habitable zone, the researchers wrote.',
    ],
  },
  {
    title: 'Fossil of an ancient shark found in a Kentucky cave',
    date: '2020-01-15',
    source: 'Caspian Herald',
    body: [
      'Cave explorers discovered the fossilized remains of a shark that lived some 330 million years ago.',
      'Paleontologists said the teeth and cartilage were unusually well preserved.',
    ],
  },
  {
    title: 'City council approves new budget for public transport',
    date: '2021-02-03',
    source: 'Metro Daily',
    body: [
      'The council voted twelve to three to fund new electric buses and longer night services.',
      'Opposition members warned that ticket prices could rise next year.',
    ],
  },
  {
    title: 'Transport workers strike over pay in the capital',
    date: '2021-02-10',
    source: 'Metro Daily',
    body: [
      'Bus and tram drivers walked out on Wednesday after talks with the city broke down.',
      'The union said its members had not received a pay rise in four years.',
    ],
  },
  {
    title: 'Mathematician John Conway dies aged 82',
    date: '2020-04-12',
    source: 'Wikinews',
    body: [
      'John Horton Conway, known for the Game of Life, died of complications from the coronavirus.',
      'Colleagues at Princeton remembered his playful approach to serious mathematics.',
    ],
  },
  {
    title: 'Eddie Van Halen, guitarist, dies at 65',
    date: '2020-10-06',
    source: 'Wikinews',
    body: [
      'The guitarist, who co-founded the band Van Halen with his brother Alex, died after a long battle with cancer.',
      'His tapping technique changed how a generation played rock guitar.',
    ],
  },
  {
    title: 'Teenage protester shot during Hong Kong demonstrations',
    date: '2019-10-01',
    source: 'Eastern Star',
    body: [
      'Police said an officer fired a live round when a group of protesters attacked him with metal rods.',
      'The eighteen-year-old student was taken to hospital in a critical condition.',
    ],
  },
  {
    title: 'Pro-democracy candidates sweep Hong Kong district council elections',
    date: '2019-11-25',
    source: 'Eastern Star',
    body: [
      'Turnout reached a record 71 percent as voters backed the pro democracy camp in seventeen of eighteen districts.',
      'Government supporters lost more than two hundred seats.',
    ],
  },
  {
    title: 'Marathon runner Kipchoge breaks two hours in Vienna',
    date: '2019-10-12',
    source: 'Wikinews',
    body: [
      'Eliud Kipchoge of Kenya ran the distance in one hour fifty-nine minutes and forty seconds.',
      'The run does not count as an official world record because of the rotating pacemakers.',
    ],
  },
  {
    title: 'Brigid Kosgei sets women’s marathon world record in Chicago',
    date: '2019-10-13',
    source: 'Wikinews',
    body: [
      'The Kenyan runner finished in two hours fourteen minutes and four seconds, beating a record set sixteen years ago.',
      'She thanked the crowd and her training partners in Iten.',
    ],
  },
  {
    title: 'Volcano erupts on White Island, tourists missing',
    date: '2019-12-09',
    source: 'Pacific Dispatch',
    body: [
      'New Zealand police said several people were missing after the eruption on Monday afternoon.',
      'Helicopters flew over the island but rescue teams could not land because of toxic gas.',
    ],
  },
  {
    title: 'New Zealand mosque attack suspect appears in court',
    date: '2019-03-16',
    source: 'Pacific Dispatch',
    body: [
      'The suspect appeared in the Christchurch District Court charged with murder.',
      'The prime minister said the gun laws of the country would change.',
    ],
  },
  {
    title: 'Band <GRRL> announces a world tour',
    date: '2022-06-01',
    source: 'Metro Daily',
    body: [
      'The punk band <GRRL> will play forty concerts in twelve countries, starting in Lisbon.',
      'Tickets go on sale on Friday morning.',
    ],
  },
  {
    title: 'Library opens a reading room for children',
    body: [
      'The public library opened a reading room with picture books in six languages.',
      'Volunteers will read stories aloud every Saturday morning.',
    ],
  },
  {
    title: 'Ferry service resumes after winter storms',
    date: '2022-03-01',
    body: [
      'The island ferry carried its first passengers since January after repairs to the harbour wall.',
      'Fishermen said the storms were the worst they could remember.',
    ],
  },
  {
    title: 'Bakery wins prize for sourdough bread',
    date: '2022-04-20',
    source: 'Metro Daily',
    body: [
      'A family bakery on the market square won the regional prize for its rye sourdough.',
      'The owner said the recipe came from her grandmother and uses no commercial yeast.',
    ],
  },
  {
    title: 'Long interview with a retired ship captain',
    date: '2018-07-07',
    source: 'Caspian Herald',
    body: Array.from(
      { length: 120 },
      (_, i) =>
        `Part ${i + 1}: the captain remembered the ports of the Caspian Sea, the cargo of cotton and oil, and the crews he sailed with for forty years, from Baku to Astrakhan and back again.`,
    ),
  },
  {
    title: 'Railway line between the two cities reopens',
    date: '2021-09-09',
    source: 'Eastern Star',
    body: [
      'Trains returned to the mountain railway line after engineers repaired three bridges damaged by floods.',
      'Passengers cheered as the first train left the station at dawn.',
    ],
  },
]

function hexId(i: number): string {
  return (0x5eac0000 + i).toString(16).padStart(16, '0')
}

/** Parses one spec as the compiler would read its file. */
function parse(spec: Spec, i: number): Article {
  const id = hexId(i)
  const file = `${String(i).padStart(3, '0')}_${id}.txt`
  const front = [
    '---',
    `title: ${JSON.stringify(spec.title)}`,
    ...(spec.date ? [`date: ${spec.date}`] : []),
    ...(spec.source ? [`source: ${JSON.stringify(spec.source)}`] : []),
    '---',
  ]
  const text = [...front, spec.body.join('\n\n'), ''].join('\n')
  const { article, diagnostics } = parseArticle(file, new TextEncoder().encode(text))
  if (!article) throw new Error(`fixture ${file} did not parse: ${JSON.stringify(diagnostics)}`)
  return article
}

/** The fixture articles, in file order (unsorted), with their ids in `fixtureId`. */
export function fixtureArticles(): Article[] {
  return SPECS.map(parse)
}

/** The id of the fixture article whose title starts with `title`. */
export function fixtureId(title: string): string {
  const i = SPECS.findIndex((s) => s.title.startsWith(title))
  if (i < 0) throw new Error(`no fixture titled ${title}`)
  return hexId(i)
}
