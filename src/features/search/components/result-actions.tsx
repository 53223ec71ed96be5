import type { ReactNode } from 'react'
import { ReadBadge, ReadToggle, SaveButton } from '@/components/reader/story-actions'
import type { MarkupSlots } from '@/components/ui/markup'
import { dataPaths } from '@/lib/corpus/compiled'
import { dataUrl } from '@/lib/data-url'
import { fetchJson } from '@/lib/fetch-json'
import { isRecord, isStoryRef } from '@/lib/reader-store/schema'
import { STORY_ACTIONS_SLOT } from './results-markup'

/**
 * A search result's Read badge, Save and Mark read buttons, as on the lists' cards (#21). Saving
 * stores the article's data file as fetched; the article view checks it when it reads it back.
 */
function ResultActions({ data }: { data: unknown }): ReactNode {
  if (!isStoryRef(data)) return null
  const load = () => fetchJson(dataUrl(dataPaths.article(data.id)), isRecord)
  return (
    <div className="story-actions">
      <ReadBadge id={data.id} />
      <SaveButton story={data} article={load} />
      <ReadToggle story={data} />
    </div>
  )
}

export const resultSlots: MarkupSlots = {
  [STORY_ACTIONS_SLOT]: (data) => <ResultActions data={data} />,
}
