import { existsSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentedOperations } from '#app/contract.ts';

const operations = documentedOperations().filter((o) => o.route !== '$default');

import { scaled } from '../support/budget.ts';
import { cloud } from '../support/cloud.ts';

// Debian's Chromium: `npm test` installs it (scripts/ensure-chromium.sh) when it is missing.
const CHROMIUM = '/usr/bin/chromium';

let browser: Browser;

beforeAll(async () => {
  if (!existsSync(CHROMIUM))
    throw new Error(`${CHROMIUM} is missing: install Debian's chromium (apt-get install -y chromium)`);
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
});

afterAll(async () => {
  await browser?.close();
});

describe('the API reference page in a browser', () => {
  // A browser rendering a large page: its time grows with the machine's load, so the limits are scaled.
  const test = 'lists every operation of the contract, loading nothing from outside the local API';
  it(test, { timeout: scaled(60_000) }, async () => {
    const page = await browser.newPage();
    const requested: string[] = [];
    page.on('request', (request) => requested.push(request.url()));
    const failures: string[] = [];
    page.on('pageerror', (error) => failures.push(error.message));

    await page.goto(`${cloud().apiUrl}/docs`);
    // The tags start collapsed: open each in turn and read its operations, then close it again.
    await page
      .locator('.opblock-tag')
      .first()
      .waitFor({ timeout: scaled(20_000) });
    const listed: string[] = [];
    const methods: string[] = [];
    const tags = page.locator('.opblock-tag');
    for (let i = 0; i < (await tags.count()); i++) {
      await tags.nth(i).click();
      await page
        .locator('.opblock')
        .first()
        .waitFor({ timeout: scaled(10_000) });
      listed.push(
        ...(await page
          .locator('.opblock-summary-path')
          .evaluateAll((nodes) =>
            nodes.map((n) => n.getAttribute('data-path') ?? n.textContent?.trim() ?? ''),
          )),
      );
      methods.push(
        ...(await page
          .locator('.opblock-summary-method')
          .evaluateAll((nodes) => nodes.map((n) => n.textContent?.trim() ?? ''))),
      );
      await tags.nth(i).click();
      await page
        .locator('.opblock')
        .first()
        .waitFor({ state: 'detached', timeout: scaled(10_000) });
    }
    const shown = listed.map((path, i) => `${methods[i]} ${path}`.replaceAll('\u200b', ''));
    // An operation with two tags (catalog, admin) is listed under each.
    expect([...new Set(shown)].sort()).toEqual(operations.map((o) => o.route).sort());
    expect(listed).toContain('/products/{productId}');

    const apiOrigin = new URL(cloud().apiUrl).origin;
    const elsewhere = requested.filter((url) => !url.startsWith(`${apiOrigin}/`) && !url.startsWith('data:'));
    expect(elsewhere).toEqual([]);
    expect(new URL(apiOrigin).hostname).toBe('127.0.0.1');
    expect(requested).toContain(`${apiOrigin}/openapi.json`);
    expect(failures).toEqual([]);
    await page.close();
  });
});
