/**
 * The markup conventions the keyboard shortcuts (src/features/reader/hooks/use-shortcuts.ts) act
 * on, so that a shortcut does exactly what the visible control does: a story in a list (a card, a
 * search result) or the article on its view is an element with `data-story`; its link is marked
 * `data-story-link`; its save button and read toggle carry `data-action`. Any feature that shows
 * stories spreads these props, and the shortcuts work on it.
 */
export const STORY = 'data-story'
export const STORY_LINK = 'data-story-link'
export const ACTION = 'data-action'

export type StoryKind = 'item' | 'article'

/** For the element that holds one story: a list item's card, or the article on its view. */
export function storyProps(kind: StoryKind, originalUrl: string | null = null) {
  return originalUrl === null
    ? { [STORY]: kind }
    : { [STORY]: kind, 'data-original-url': originalUrl }
}

/** For a story's link in a list, which `j` and `k` move the focus to. */
export const storyLinkProps = { [STORY_LINK]: '' } as const
