/**
 * The reference page of the API called `title` (the contract's `info.title`). Every URL is relative, so
 * the page works under a named stage (`/dev/docs`) as well as at the root, and everything it loads comes
 * from this API: no CDN, works offline.
 */
export const docsPage = (title: string): string => `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} reference</title>
<link rel="stylesheet" href="docs/swagger-ui.css">
</head>
<body>
<div id="swagger-ui"></div>
<script src="docs/swagger-ui-bundle.js"></script>
<script src="docs/api-docs.js"></script>
</body>
</html>
`;

/**
 * Starts Swagger UI on this API's own document. A file rather than an inline script so the CSP can
 * forbid inline scripts; `validatorUrl: null` stops Swagger UI sending the document to swagger.io.
 * The tags start collapsed (`docExpansion: 'none'`): with every one of 170-odd operations open at once
 * Swagger UI stops rendering after the first few (seen in Chromium), and a reader opens the area
 * they need anyway.
 */
export const docsInitScript = `window.addEventListener('load', function () {
  window.ui = SwaggerUIBundle({
    url: new URL('openapi.json', window.location.href).href,
    dom_id: '#swagger-ui',
    deepLinking: true,
    validatorUrl: null,
    docExpansion: 'none',
    presets: [SwaggerUIBundle.presets.apis],
    layout: 'BaseLayout',
  });
});
`;

/** Only this API's own files; Swagger UI's styles are partly inline, its images `data:` URIs. */
export const docsContentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');
