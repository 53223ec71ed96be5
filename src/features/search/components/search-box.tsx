import { useEffect, useRef, useState, type ChangeEvent, type FormEvent } from 'react'
import { useHref, useLocation, useNavigate } from 'react-router-dom'
import { MAX_QUERY_LENGTH, readSearchParams, searchHref } from '../utils/search-params'
import { endTyping, settleTyping, typeQuery } from './typed-query'
import { readerStore } from '@/lib/reader-store/browser-store'

/** How long the typing pauses before the URL follows it (the results do not wait for it). */
const URL_FOLLOWS_MS = 200

function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false
  return (
    target.isContentEditable ||
    target instanceof HTMLInputElement ||
    target instanceof HTMLTextAreaElement ||
    target instanceof HTMLSelectElement
  )
}

/**
 * The header's search box. Results follow the typing at once: each keystroke is the typed query
 * (typed-query.ts), which the search view shows at once and starts loading the files of. The URL
 * follows when the typing pauses, replacing the history entry; from another page the first
 * keystroke goes to /search. Enter commits the query as an entry of its own, so Back returns to
 * it. Without JavaScript it is a plain GET form to /search.
 */
export function SearchBox() {
  const navigate = useNavigate()
  const location = useLocation()
  const action = useHref('/search')
  const onSearchPage = location.pathname === '/search'
  const { q: urlQuery, sort } = readSearchParams(new URLSearchParams(location.search))
  const followed = onSearchPage ? urlQuery : ''
  const [text, setText] = useState(followed)
  const [seen, setSeen] = useState(followed)
  const [own, setOwn] = useState<string | null>(null)
  const input = useRef<HTMLInputElement>(null)
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined)
  /** The typing session whose first keystroke has already sent the reader to /search. */
  const sentToSearch = useRef<number | null>(null)
  // The current history entry holds a query the reader committed with Enter: the next query typed
  // gets an entry of its own instead of replacing it.
  const committed = useRef(false)

  // The URL changed under the box (Back, a link, leaving /search): show its query, unless it is
  // the one this box just navigated to while the reader kept typing.
  if (followed !== seen) {
    setSeen(followed)
    if (followed !== own) setText(followed)
  }

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey) return
      // The reader's settings can turn every shortcut off, this one too.
      if (!readerStore().getSnapshot().settings.shortcuts) return
      if (isTypingTarget(event.target)) return
      event.preventDefault()
      input.current?.focus()
      input.current?.select()
    }
    document.addEventListener('keydown', onKeyDown)
    return () => {
      document.removeEventListener('keydown', onKeyDown)
      clearTimeout(timer.current)
    }
  }, [])

  // Once the router has arrived at an entry of the typing session, the entry it left is the URL's.
  useEffect(() => settleTyping(location), [location])

  function onChange(event: ChangeEvent<HTMLInputElement>) {
    const value = event.target.value
    const q = value.slice(0, MAX_QUERY_LENGTH)
    setText(value)
    const state = typeQuery(q, location)
    const follow = () => {
      // Where the reader is now, not when the key was pressed: the move to /search may still have
      // been under way then.
      const onSearchNow = window.location.pathname === action
      if (!onSearchNow && q.trim() === '') return
      setOwn(q)
      // Entering /search from elsewhere, or leaving a committed query, is one history entry;
      // typing on replaces it.
      const replace = onSearchNow && !committed.current
      committed.current = false
      void navigate(searchHref({ q, sort }), { replace, state })
    }
    clearTimeout(timer.current)
    if (!onSearchPage && sentToSearch.current !== state.typing && q.trim() !== '') {
      // The search view has its code to load: the first keystroke sets off for it.
      sentToSearch.current = state.typing
      follow()
      return
    }
    timer.current = setTimeout(follow, URL_FOLLOWS_MS)
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    clearTimeout(timer.current)
    const q = text.slice(0, MAX_QUERY_LENGTH)
    setOwn(q)
    const wasCommitted = committed.current
    committed.current = true
    const state = typeQuery(q, location)
    endTyping()
    // The query on screen is already this entry's: committing it keeps the entry. A query typed
    // before the URL followed it replaces the entry typing made, unless that one was committed.
    if (onSearchPage && urlQuery === q) return
    void navigate(searchHref({ q, sort }), { replace: onSearchPage && !wasCommitted, state })
  }

  return (
    <form className="search-box" role="search" action={action} method="get" onSubmit={onSubmit}>
      <label className="visually-hidden" htmlFor="site-search">
        Search articles
      </label>
      <input
        ref={input}
        id="site-search"
        type="search"
        name="q"
        value={text}
        onChange={onChange}
        placeholder="Search articles (press /)"
        autoComplete="off"
        spellCheck={false}
        enterKeyHint="search"
        maxLength={MAX_QUERY_LENGTH}
      />
      <button className="button" type="submit">
        Search
      </button>
    </form>
  )
}
