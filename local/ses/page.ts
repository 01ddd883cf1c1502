import type { SentMessage } from './message.ts';

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text made safe for HTML element content and quoted attribute values alike. */
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (char) => ESCAPES[char] ?? char);

/**
 * The page's Content-Security-Policy: no script at all, styles only inline, images from anywhere (a
 * mail's own images). An `srcdoc` frame inherits it, so a message's HTML runs no script even if the
 * sandbox were lifted.
 */
export const PAGE_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src * data:; frame-src 'self'";

const STYLE = `
body{font:14px/1.4 system-ui,sans-serif;margin:2rem;color:#222}
h1{font-size:1.3rem}details{border:1px solid #ccc;border-radius:6px;margin:.5rem 0;padding:.5rem 1rem}
summary{cursor:pointer}summary span{display:inline-block;min-width:12rem;margin-right:1rem}
dl{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem}dt{color:#666}
pre{white-space:pre-wrap;background:#f6f6f6;padding:.5rem;border-radius:4px}
iframe{width:100%;height:28rem;border:1px solid #ddd;border-radius:4px;background:#fff}
`;

const list = (values: readonly string[]) => escapeHtml(values.join(', '));

const field = (name: string, value: string) => (value ? `<dt>${name}</dt><dd>${value}</dd>` : '');

const details = (m: SentMessage): string =>
  [
    field('From', escapeHtml(m.from)),
    field('To', list(m.to)),
    field('Cc', list(m.cc)),
    field('Bcc', list(m.bcc)),
    field('Reply-To', list(m.replyTo)),
    field('Sent', escapeHtml(m.sentAt)),
    field('Id', escapeHtml(m.id)),
    field('Kind', escapeHtml(m.kind)),
    field('Template', escapeHtml(m.template?.name ?? m.template?.arn ?? '')),
    field('Template data', m.template?.data ? escapeHtml(JSON.stringify(m.template.data)) : ''),
    field('Configuration set', escapeHtml(m.configurationSet ?? '')),
    field('Tags', list(Object.entries(m.tags).map(([k, v]) => `${k}=${v}`))),
    field('Attachments', list((m.attachments ?? []).map((a) => `${a.fileName} (${a.bytes} bytes)`))),
  ].join('');

// The HTML body goes into a sandboxed frame (no scripts, no same-origin, no forms, no top navigation)
// as an escaped srcdoc attribute, so it renders as the recipient would see it and cannot touch this page.
const bodies = (m: SentMessage): string =>
  [
    m.html === undefined
      ? ''
      : `<h3>HTML</h3><iframe sandbox title="HTML body" referrerpolicy="no-referrer" srcdoc="${escapeHtml(m.html)}"></iframe>`,
    m.text === undefined ? '' : `<h3>Text</h3><pre>${escapeHtml(m.text)}</pre>`,
    m.raw === undefined ? '' : `<h3>Raw source</h3><pre>${escapeHtml(m.raw)}</pre>`,
  ].join('');

const entry = (m: SentMessage): string =>
  `<details><summary><span>${escapeHtml(m.sentAt)}</span><span>${list(m.to)}</span><strong>${escapeHtml(
    m.subject || '(no subject)',
  )}</strong></summary><dl>${details(m)}</dl>${bodies(m)}</details>`;

/** The inbox page: every message newest first, each with its headers, text and HTML. */
export const renderInbox = (messages: readonly SentMessage[], filter: { to?: string } = {}): string => {
  const heading = filter.to ? `Mail to ${escapeHtml(filter.to)}` : 'Mail sent through the local SES';
  const empty = '<p>No mail yet. Reload this page after the product sends some.</p>';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Local SES mail sink</title><style>${STYLE}</style></head>
<body><h1>${heading}</h1>
<p>${messages.length} message${messages.length === 1 ? '' : 's'}, newest first. JSON at <a href="/_local/messages">/_local/messages</a>.</p>
${messages.length ? messages.map(entry).join('\n') : empty}
</body></html>
`;
};
