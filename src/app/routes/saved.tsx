import { PageMeta } from '@/components/seo/page-meta'
import { isArticleData } from '@/features/articles/api/validate'
import { SavedView } from '@/features/reader/components/saved-view'

export function Component() {
  return (
    <>
      <PageMeta
        title="Saved stories"
        description="The stories you saved, kept in this browser."
        path={null}
      />
      <SavedView isArticle={isArticleData} />
    </>
  )
}
