export const site = {
  name: 'Newsreader',
  description: 'Read, search and share the stories of the archive.',
}
