/**
 * Export and import on the Saved view: one versioned JSON file of saved stories (with their
 * text), read state and settings; an import merges a good file, and refuses a damaged file,
 * another app's JSON and a newer version with the reason, changing nothing stored.
 */
import { readFile } from 'node:fs/promises'
import { articlePath, newest, secondNewest } from './corpus'
import { expect, test, type Page } from './fixtures'

const card = (page: Page, title: string) =>
  page.getByRole('article').filter({ has: page.getByRole('link', { name: title, exact: true }) })

async function save(page: Page, article: { id: string; slug: string }) {
  await page.goto(articlePath(article))
  await page.getByRole('button', { name: 'Save', exact: true }).click()
  await expect(page.getByRole('button', { name: 'Saved', exact: true })).toBeVisible()
}

async function exportFile(page: Page): Promise<string> {
  const download = page.waitForEvent('download')
  await page.getByRole('button', { name: 'Export saved stories, history and settings' }).click()
  const file = await download
  expect(file.suggestedFilename()).toMatch(/^newsreader-export-\d{4}-\d{2}-\d{2}\.json$/)
  return readFile(await file.path(), 'utf8')
}

const importText = (page: Page, text: string) =>
  page.getByLabel('Import a file').setInputFiles({
    name: 'export.json',
    mimeType: 'application/json',
    buffer: Buffer.from(text),
  })

test('export writes saved stories with their text, read state and settings, versioned', async ({
  page,
}) => {
  await save(page, newest)
  await page.getByRole('button', { name: 'Reading settings' }).click()
  await page.getByRole('radio', { name: 'Sepia' }).check()
  await page.goto('/saved')
  const file: unknown = JSON.parse(await exportFile(page))
  expect(file).toMatchObject({
    format: 'newsreader-export',
    version: 1,
    settings: { theme: 'sepia' },
    saved: [{ id: newest.id, slug: newest.slug, title: newest.title }],
    read: [{ id: newest.id }],
    articles: { [newest.id]: { id: newest.id, title: newest.title } },
  })
})

test('import merges a good file, and refuses a damaged, a foreign and a newer one', async ({
  page,
}) => {
  await save(page, newest)
  await page.goto('/saved')
  const exported = await exportFile(page)
  await card(page, newest.title).getByRole('button', { name: 'Saved', exact: true }).click()
  await save(page, secondNewest)
  await page.goto('/saved')
  const titles = page.getByRole('list', { name: 'Saved stories' }).getByRole('heading')
  await expect(titles).toHaveText([secondNewest.title])

  await importText(page, exported)
  await expect(page.getByRole('status').filter({ hasText: 'Imported' })).toHaveText(
    'Imported 1 saved story and 1 read story, merged with yours.',
  )
  // Merged by the time each was saved: the imported story was saved before the other.
  await expect(titles).toHaveText([secondNewest.title, newest.title])

  const refusals: [string, string][] = [
    [
      exported.slice(0, exported.length / 2),
      'This file is damaged: it is not valid JSON. Nothing was imported.',
    ],
    [
      '{"name":"another app","items":[]}',
      'This is not a reader export file. Nothing was imported.',
    ],
    [
      JSON.stringify({ ...JSON.parse(exported), version: 2 }),
      'This file is from a newer version of the reader (format 2; this one reads format 1). Nothing was imported.',
    ],
  ]
  for (const [text, message] of refusals) {
    await importText(page, text)
    await expect(page.getByRole('alert')).toHaveText(message)
    await expect(titles).toHaveText([secondNewest.title, newest.title])
  }
  await page.reload()
  await expect(titles).toHaveText([secondNewest.title, newest.title])
})
