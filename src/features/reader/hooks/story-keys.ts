/**
 * What the story keys do (j, k, o, s, m, v), loaded with shortcut-keys.ts the first time a key
 * that may be a shortcut is pressed, so a first visit does not download it.
 */
import { ACTION, STORY, STORY_LINK } from '@/lib/story-scope'

/** The story the keys act on: the one holding the focus, else the article on its view. */
function currentStory(): HTMLElement | null {
  const focused = document.activeElement?.closest<HTMLElement>(`[${STORY}]`)
  return focused ?? document.querySelector<HTMLElement>(`main [${STORY}="article"]`)
}

export function act(key: string): boolean {
  const story = currentStory()
  switch (key) {
    case 'j':
    case 'k':
      return step(story, key === 'j' ? 1 : -1)
    case 'o':
      return click(story?.querySelector(`[${STORY_LINK}]`))
    case 's':
      return click(story?.querySelector(`[${ACTION}="save"]`))
    case 'm':
      return click(story?.querySelector(`[${ACTION}="read"]`))
    case 'v': {
      const url = story?.dataset.originalUrl
      if (url === undefined) return false
      window.open(url, '_blank', 'noopener')
      return true
    }
    default:
      return false
  }
}

/**
 * `j`/`k`: on an article, open the next or previous one; in a list, move the focus to the next or
 * previous story's link (the first when none has it), which `o` or Enter then opens.
 */
function step(story: HTMLElement | null, by: 1 | -1): boolean {
  if (story?.getAttribute(STORY) === 'article') {
    return click(story.querySelector(`a[rel="${by === 1 ? 'next' : 'prev'}"]`))
  }
  const links = [
    ...document.querySelectorAll<HTMLElement>(`main [${STORY}="item"] [${STORY_LINK}]`),
  ]
  if (links.length === 0) return false
  const at = story ? links.findIndex((link) => story.contains(link)) : -1
  const next = links[at === -1 ? 0 : Math.min(links.length - 1, Math.max(0, at + by))]
  next?.focus()
  return next !== undefined
}

function click(element: Element | null | undefined): boolean {
  if (!(element instanceof HTMLElement)) return false
  if (element instanceof HTMLButtonElement && element.disabled) return false
  element.click()
  return true
}
