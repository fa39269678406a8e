import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { htmlReport } from '../../src/analyze/report-html.js';
import { analyse, EXAMPLE_EXPORT } from '../support/analyze-run.js';
import { PROJECT_ROOT } from '../support/processes.js';

/** Debian's Chromium; .ci/run installs it where apt-get is available. */
const CHROMIUM = '/usr/bin/chromium';
const SCREENSHOT = join(PROJECT_ROOT, 'docs', 'analyze-report.png');
const found = existsSync(CHROMIUM);

const title = found
  ? 'report.html renders in Chromium without errors, its charts visible; the screenshot goes to docs/'
  : `report.html in Chromium: skipped, no Chromium at ${CHROMIUM} (install it with \`apt-get install chromium\`)`;

describe('the HTML report in a real browser', () => {
  it.skipIf(!found)(
    title,
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'empty-chair-report-'));
      const browser = await chromium.launch({
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
      try {
        const { analysis } = await analyse(EXAMPLE_EXPORT, 'examples/slack-export');
        const file = join(dir, 'report.html');
        writeFileSync(file, htmlReport(analysis));

        const page = await browser.newPage({ viewport: { width: 1000, height: 800 } });
        const problems: string[] = [];
        const fetched: string[] = [];
        page.on('console', (message) => {
          if (message.type() === 'error' || message.type() === 'warning') problems.push(message.text());
        });
        page.on('pageerror', (error) => problems.push(error.message));
        page.on('request', (request) => fetched.push(request.url()));
        await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });

        expect(problems).toEqual([]);
        // Self-contained: the page itself is the only thing loaded.
        expect(fetched).toEqual([pathToFileURL(file).href]);
        expect(await page.title()).toBe('Decisions in examples/slack-export: empty-chair');
        for (const id of ['chart-months', 'chart-channels', 'chart-evidence']) {
          const box = await page.locator(`svg#${id}`).boundingBox();
          expect(box?.width, id).toBeGreaterThan(300);
          expect(box?.height, id).toBeGreaterThan(100);
        }
        // The bars themselves are drawn, not just their frame: every channel with a cited decision has a green one.
        const citedBars = await page
          .locator('#chart-channels rect.cited')
          .evaluateAll((rects) => rects.map((rect) => rect.getBoundingClientRect().width));
        expect(citedBars.filter((width) => width > 0)).toHaveLength(2);
        expect(await page.locator('h1').textContent()).toBe('Decisions in examples/slack-export');

        mkdirSync(join(PROJECT_ROOT, 'docs'), { recursive: true });
        await page.screenshot({ path: SCREENSHOT, fullPage: true });
        expect(existsSync(SCREENSHOT)).toBe(true);
      } finally {
        await browser.close();
        rmSync(dir, { recursive: true, force: true });
      }
    },
    60_000,
  );
});
