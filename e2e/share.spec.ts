import { articlePath, sample } from './corpus'
import { expect, test } from './fixtures'

test.use({ permissions: ['clipboard-read', 'clipboard-write'] })

test('"Copy link" copies the canonical address and says so', async ({ page, baseURL }) => {
  // Opened by its short address with a query: the copied link is still the canonical one.
  await page.goto(`/articles/${sample.id}?ref=newsletter`)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(sample.title)
  const status = page.getByRole('status')
  await expect(status).toHaveText('')

  await page.getByRole('button', { name: 'Copy link' }).click()
  await expect(status).toHaveText('Link copied to the clipboard.')
  const copied = await page.evaluate(() => navigator.clipboard.readText())
  expect(copied).toBe(`${baseURL}${articlePath(sample)}`)
})

test('when the clipboard refuses, the link is offered to copy by hand', async ({
  page,
  baseURL,
}) => {
  await page.addInitScript(() => {
    navigator.clipboard.writeText = () =>
      Promise.reject(new DOMException('Denied', 'NotAllowedError'))
  })
  await page.goto(articlePath(sample))
  await page.getByRole('button', { name: 'Copy link' }).click()
  await expect(page.getByRole('status')).toHaveText(
    'Could not copy the link; select it here to copy it.',
  )
  await expect(page.getByRole('textbox', { name: 'Link to this article' })).toHaveValue(
    `${baseURL}${articlePath(sample)}`,
  )
})
