import { queryOptions } from '@tanstack/react-query'
import { dataPaths } from '@/lib/corpus/compiled'
import { dataUrl } from '@/lib/data-url'
import { fetchJson, isNotFound } from '@/lib/fetch-json'
import { readerStore } from '@/lib/reader-store/browser-store'
import { isArticleData, isListPage, isManifest } from './validate'

export type PageParams = { page: number; source: string | null }

/** The one place article query keys and fetchers are written: generic to specific. */
export const articleQueries = {
  all: () => ['articles'] as const,
  manifest: () =>
    queryOptions({
      queryKey: [...articleQueries.all(), 'manifest'] as const,
      queryFn: ({ signal }) => fetchJson(dataUrl(dataPaths.manifest()), isManifest, signal),
    }),
  pages: () => [...articleQueries.all(), 'page'] as const,
  page: ({ page, source }: PageParams) =>
    queryOptions({
      queryKey: [...articleQueries.pages(), { page, source }] as const,
      queryFn: ({ signal }) =>
        fetchJson(
          dataUrl(source === null ? dataPaths.listPage(page) : dataPaths.sourcePage(source, page)),
          isListPage,
          signal,
        ),
    }),
  details: () => [...articleQueries.all(), 'detail'] as const,
  detail: (id: string) =>
    queryOptions({
      queryKey: [...articleQueries.details(), id] as const,
      queryFn: async ({ signal }) => {
        try {
          return await fetchJson(dataUrl(dataPaths.article(id)), isArticleData, signal)
        } catch (error) {
          // Offline, or the server failing: a story the reader saved opens from its saved copy.
          if (signal.aborted || isNotFound(error)) throw error
          const saved = readerStore().savedArticle(id)
          if (isArticleData(saved) && saved.id === id) return saved
          throw error
        }
      },
    }),
}
