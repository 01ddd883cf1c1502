import { describe, expect, it } from 'vitest';
import type { SentMessage } from '#local/ses/message.ts';
import { escapeHtml, PAGE_CSP, renderInbox } from '#local/ses/page.ts';

const HOSTILE = `<script>alert("x")</script><img src=x onerror='alert(1)'>&`;

const hostile: SentMessage = {
  id: 'm1',
  sentAt: '2026-01-01T00:00:00.000Z',
  kind: 'simple',
  from: `Eve <eve@example.com>`,
  to: [`"<b>Ada</b>" <ada@example.com>`],
  cc: [],
  bcc: [],
  replyTo: [],
  subject: HOSTILE,
  text: HOSTILE,
  html: `<p onclick="alert(1)">Hi</p><script>alert('html')</script>`,
  tags: { kind: 'x' },
};

describe('the local SES inbox page', () => {
  it('escapes the five characters HTML gives meaning to', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe(
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;',
    );
  });

  it('shows subject, sender, recipients and text as text, never as markup', () => {
    const page = renderInbox([hostile]);
    expect(page).not.toContain('<script>');
    expect(page).not.toContain('<img');
    expect(page).not.toContain('<b>Ada');
    expect(page).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(page).toContain('&quot;&lt;b&gt;Ada&lt;/b&gt;&quot; &lt;ada@example.com&gt;');
  });

  it('renders the HTML body only inside a sandboxed frame, as an escaped srcdoc', () => {
    const page = renderInbox([hostile]);
    const frames = [...page.matchAll(/<iframe([^>]*)>/g)].map((m) => m[1] ?? '');
    expect(frames).toHaveLength(1);
    expect(frames[0]).toMatch(/\bsandbox(\s|>|$)/);
    expect(frames[0]).not.toMatch(/sandbox="[^"]*allow/);
    expect(frames[0]).toContain(
      'srcdoc="&lt;p onclick=&quot;alert(1)&quot;&gt;Hi&lt;/p&gt;&lt;script&gt;alert(&#39;html&#39;)&lt;/script&gt;"',
    );
  });

  it('says when there is no mail, and whose mail a filtered page shows', () => {
    expect(renderInbox([])).toContain('No mail yet');
    expect(renderInbox([], { to: '<x@y.z>' })).toContain('Mail to &lt;x@y.z&gt;');
  });

  it('allows no script in the page or its frames', () => {
    expect(PAGE_CSP).toContain("default-src 'none'");
    expect(PAGE_CSP).not.toContain('script-src');
  });
});
