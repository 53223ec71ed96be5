// @vitest-environment node
import { expect, it } from 'vitest'
import { relatedStories, shingleSketch, sketchResemblance, type RelatedText } from './related.ts'

const FUNCTION_WORDS = 'the of and a to in is was on for that with by at it as'.split(' ')

function story(n: number, title: string, paragraphs: string[], tags: string[] = []): RelatedText {
  return { id: n.toString(16).padStart(16, '0'), title, tags, paragraphs }
}

/**
 * Stories each on a subject of its own: words no other story uses, between the function words
 * every story has.
 */
function unrelated(from: number, count = 20): RelatedText[] {
  return Array.from({ length: count }, (_, i) => {
    const own = (k: number) => `subject${i}word${k}`
    const sentence = (k: number) =>
      `${FUNCTION_WORDS[k % FUNCTION_WORDS.length]} ${own(k)} ${FUNCTION_WORDS[(k + 3) % FUNCTION_WORDS.length]} ${own(k + 1)} the end.`
    return story(from + i, `The ${own(0)} and the ${own(1)}`, [
      [0, 2, 4].map(sentence).join(' '),
      [6, 8].map(sentence).join(' '),
    ])
  })
}

const volcano = story(1, 'Volcano erupts on Vulcania island, villages evacuated', [
  'The volcano on Vulcania island erupted on Monday, sending ash clouds over the villages and forcing the evacuation of three thousand residents.',
  'Lava flows reached the coast by the evening, and the island airport was closed to flights because of the ash.',
  'Geologists said the eruption could last for weeks and warned of further lava flows on the northern slopes.',
])
// The same wire story published again: one sentence added, the title reworded.
const volcanoCopy = story(
  2,
  'Vulcania volcano eruption forces evacuation',
  volcano.paragraphs.map((p, i) =>
    i === 2 ? `${p} Residents were told to keep their windows shut.` : p,
  ),
)
const volcanoLater = story(3, 'Ash from the Vulcania volcano closes the island airport again', [
  'The volcano on Vulcania island sent a new column of ash into the sky on Thursday, and the airport closed again.',
  'Geologists measured fresh lava flows on the northern slopes; evacuated villages stay empty.',
])

it('relates stories on one subject, but never a near-duplicate of the story', () => {
  const stories = [volcano, volcanoCopy, volcanoLater, ...unrelated(100)]
  const related = relatedStories(stories)
  expect(related[0]).toEqual([2])
  expect(related[1]).toEqual([2])
  // The later story is related to the wire story once, not to both of its copies.
  expect(related[2]).toHaveLength(1)
  expect([0, 1]).toContain(related[2]?.[0])
})

it('gives no related story to a story that shares no term with another', () => {
  const stories = unrelated(100)
  const related = relatedStories(stories)
  expect(related).toHaveLength(20)
  for (const list of related) expect(list).toEqual([])
})

it('gives nothing to the story of a corpus of one', () => {
  expect(relatedStories([volcano])).toEqual([[]])
  expect(relatedStories([])).toEqual([])
})

it('chooses at most `limit` stories', () => {
  // Eight stories on a ferry strike, each told in words of its own besides.
  const fleet = Array.from({ length: 8 }, (_, i) => {
    const own = (k: number) => `fleet${i}word${k}`
    return story(10 + i, `Ferry strike: ${own(0)} ${own(1)}`, [
      `The harbour ferry strike ${own(2)} ${own(3)} ${own(4)} ${own(5)} ${own(6)}.`,
      `Ferry crews ${own(7)} ${own(8)} ${own(9)} ${own(10)} harbour ${own(11)}.`,
    ])
  })
  const stories = [...fleet, ...unrelated(100, 40)]
  const related = relatedStories(stories)
  for (const list of related.slice(0, 8)) expect(list).toHaveLength(5)
  for (const list of related.slice(8)) expect(list).toEqual([])
  expect(relatedStories(stories, { limit: 2 })[0]).toHaveLength(2)
})

it('is deterministic: the same corpus in any order gives the same lists', () => {
  const stories = [volcano, volcanoCopy, volcanoLater, ...unrelated(100)]
  const byId = (list: readonly RelatedText[], related: number[][]) =>
    new Map(list.map((s, i) => [s.id, (related[i] ?? []).map((j) => list[j]?.id)]))
  const first = byId(stories, relatedStories(stories))
  const reversed = [...stories].reverse()
  expect(byId(reversed, relatedStories(reversed))).toEqual(first)
  expect(byId(stories, relatedStories(stories))).toEqual(first)
})

it('finds related stories in any script, with no stop word list', () => {
  const russian = [
    story(1, 'Извержение вулкана на острове Вулкания', [
      'Вулкан на острове Вулкания начал извержение в понедельник, пепел накрыл деревни.',
      'Жителей эвакуировали, аэропорт острова закрыт из-за пепла.',
    ]),
    story(2, 'Аэропорт Вулкании снова закрыт из-за пепла вулкана', [
      'Новый выброс пепла вулкана закрыл аэропорт острова Вулкания в четверг.',
    ]),
    ...unrelated(100),
  ]
  const related = relatedStories(russian)
  expect(related[0]).toEqual([1])
  expect(related[1]).toEqual([0])
})

it('estimates the resemblance of two texts from their 5-gram sketches', () => {
  const ids = (from: number, count: number) =>
    Int32Array.from({ length: count }, (_, i) => from + i)
  const a = shingleSketch(ids(0, 200))
  expect(sketchResemblance(a, shingleSketch(ids(0, 200)))).toBe(1)
  expect(sketchResemblance(a, shingleSketch(ids(1000, 200)))).toBe(0)
  // Half of the 5-grams shared: a third of the union.
  const half = sketchResemblance(a, shingleSketch(ids(100, 200)))
  expect(half).toBeGreaterThan(0.1)
  expect(half).toBeLessThan(0.6)
  expect(sketchResemblance(new Uint32Array(0), new Uint32Array(0))).toBe(0)
})
