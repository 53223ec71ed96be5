import { expect, test } from 'vitest'
import { checkTemplate } from './page-template.ts'

const template = `<!doctype html>
<html lang="en">
  <head>
    <title>Newsreader</title>
    <script type="module" crossorigin src="/assets/boot-1.js"></script>
  </head>
  <body>
    <div id="root"></div>
  </body>
</html>`

test('the built index.html, with every part the pages fill, passes', () => {
  expect(() => checkTemplate(template, 'dist/index.html')).not.toThrow()
})

test.each([
  ['<html lang="en">', "<html> tag, on which the page's URL goes (data-path)"],
  ['<title>Newsreader</title>', "<title>, where the page's head tags go"],
  ['</head>', '</head>, before which the feed links and preloads go'],
  ['<div id="root"></div>', 'empty <div id="root"></div>'],
])('a template without %s stops the build, naming the file and the part', (part, expected) => {
  expect(() => checkTemplate(template.replace(part, ''), 'dist/index.html')).toThrow(
    `dist/index.html, the pages' template, has no ${expected}`,
  )
})
