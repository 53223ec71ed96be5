// CloudFront Function (viewer request) for the site in an S3 bucket (a REST origin with origin
// access control): /x from x.html, /x/ from x/index.html, as the other hosts do. Unknown paths
// then miss in S3; a custom error response answers 403 and 404 with /404.html and status 404,
// never /index.html with 200 (the app must see a missing data file as missing).
// eslint-disable-next-line @typescript-eslint/no-unused-vars -- CloudFront calls it by its name
function handler(event) {
  var request = event.request
  var uri = request.uri
  if (uri.endsWith('/')) request.uri = uri + 'index.html'
  else if (!/\.[a-z0-9]+$/i.test(uri.split('/').pop())) request.uri = uri + '.html'
  return request
}
