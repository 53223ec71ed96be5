import { PageMeta } from '@/components/seo/page-meta'
import { HistoryView } from '@/features/reader/components/history-view'

export function Component() {
  return (
    <>
      <PageMeta
        title="History"
        description="The stories you read, kept in this browser."
        path={null}
      />
      <HistoryView />
    </>
  )
}
