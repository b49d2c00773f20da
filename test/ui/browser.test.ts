import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, removeSuiteDirs, suiteDir } from '../helpers/temp.js';
import { launchUi, type Launched } from './launch.js';
import { POISON, SECRET, seedHome, type Seeded } from './seed.js';

/** A poisoned edit that also carries a key and markup: the refusal and the Guard page show it redacted, as text. */
const POISONED_EDIT = `${POISON} <b>now</b> with ${SECRET}.`;

const CHROMIUM = process.env.KEI_CHROMIUM ?? '/usr/bin/chromium';
const ARTIFACTS = join(REPO_ROOT, 'test-artifacts', 'ui');
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const hasChromium = existsSync(CHROMIUM);

/** Runs axe-core in the page; the serious and critical violations, each as "rule: first target". */
async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(AXE);
  const result = (await page.evaluate(() => (globalThis as unknown as { axe: { run: () => Promise<unknown> } }).axe.run())) as {
    violations: { id: string; impact: string; nodes: { target: string[] }[] }[];
    passes: unknown[];
  };
  // axe ran its rules on this page (a page that failed to load would pass nothing).
  expect(result.passes.length).toBeGreaterThan(10);
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes[0]?.target.join(' ')}`);
}

/** Waits for the page to show something: within a second on an idle machine, several on two shared cores. */
const poll = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 10_000 });

async function shoot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
}

// Issue 23, tests in a real browser: Debian's chromium driven by playwright-core (no browser download).
describe.skipIf(!hasChromium)(
  `kei-skills ui in a real browser (${hasChromium ? CHROMIUM : `skipped: no chromium at ${CHROMIUM}; apt-get install chromium`})`,
  () => {
    let seeded: Seeded;
    let ui: Launched;
    let browser: Browser;
    let page: Page;

    beforeAll(async () => {
      mkdirSync(ARTIFACTS, { recursive: true });
      seeded = seedHome(suiteDir('kei-ui-browser-'));
      ui = await launchUi(seeded.home, seeded.project);
      browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
      page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      page.setDefaultTimeout(10_000);
      page.on('pageerror', (err) => console.error('page error:', err.message));
      page.on('console', (m) => m.type() === 'error' && console.error('console:', m.text()));
      await page.goto(ui.url);
    }, 60_000);
    afterAll(async () => {
      await browser?.close();
      await ui?.stop();
      removeSuiteDirs();
    });

    const heading = () => page.getByRole('heading', { level: 1 });
    const nav = (name: string) => page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name, exact: true });

    it('opens the overview from the launch URL: counts, charts, budget, last nightly report, guard blocks', async () => {
      await poll(() => heading().textContent()).toBe('Overview');
      expect(page.url()).not.toContain('token=');
      await poll(() => page.getByRole('img', { name: /Memories added per day/ }).count()).toBe(1);
      expect(await page.getByRole('img', { name: /Skill uses per day: 1 in the last 30 days/ }).count()).toBe(1);
      expect(await page.getByText('21 uses, 95% success').count()).toBe(0);
      expect(await page.locator('main').textContent()).toMatch(/Nightly cycle: 1 validated/);
      expect(await page.locator('main').textContent()).toMatch(/1 blocked write in the last 7 days/);
      await shoot(page, 'overview');
    });

    it('searches memories with the ranking of memory_search, and never shows a stored secret', async () => {
      await nav('Memories').click();
      await poll(() => heading().textContent()).toBe('Memories');
      await poll(() => page.locator('main').textContent()).toMatch(/deploy token is \[REDACTED/);
      expect(await page.locator('main').textContent()).not.toContain(SECRET);
      await page.getByLabel('Search', { exact: true }).fill('pnpm');
      await page.getByRole('button', { name: 'Search', exact: true }).click();
      await poll(() => page.getByRole('heading', { name: '1 ranked match' }).count()).toBe(1);
      expect(await page.locator('.memory .content').first().textContent()).toBe('The user prefers pnpm over npm for every project');
      await shoot(page, 'memories');
    });

    it('an edit the guard refuses shows its rule and excerpt; a good edit saves and Undo restores it', async () => {
      await page.getByRole('button', { name: `Edit memory ${seeded.memoryId}` }).click();
      await page.getByLabel('Memory text').fill(POISONED_EDIT);
      await page.getByRole('button', { name: 'Save' }).click();
      const alert = page.getByRole('alert');
      // The rule and the excerpt the guard event recorded: the injection's words, the key redacted.
      await poll(() => alert.textContent()).toMatch(
        /Blocked by the injection guard\. Rule [\w.]+.* at .*Ignore all previous instructions.*\[REDACTED:[\w.]+\].*Nothing was stored/,
      );
      expect(await alert.textContent()).not.toContain(SECRET.slice(4));
      await shoot(page, 'memory-blocked');
      await page.getByLabel('Memory text').fill('The user prefers pnpm, never yarn');
      await page.getByRole('button', { name: 'Save' }).click();
      await poll(() => page.getByRole('status').textContent()).toMatch(/Memory saved/);
      await poll(() => page.locator('.memory .content').first().textContent()).toBe('The user prefers pnpm, never yarn');
      await page.getByRole('status').getByRole('button', { name: 'Undo' }).click();
      await poll(() => page.getByRole('status').textContent()).toMatch(/Undone: the replace/);
      await poll(() => page.locator('.memory .content').first().textContent()).toBe('The user prefers pnpm over npm for every project');
    });

    it('shows a memory history as a diff', async () => {
      await page.getByRole('button', { name: `History of memory ${seeded.memoryId}` }).click();
      await poll(() => page.getByRole('heading', { name: `History of ${seeded.memoryId}` }).count()).toBe(1);
      expect(await page.locator('.history li').count()).toBe(3);
      expect(await page.locator('.history ins').first().textContent()).toMatch(/\+ The user prefers pnpm over npm/);
    });

    it('opens a skill, its provenance and versions, and reverts it to an earlier version', async () => {
      await nav('Skills').click();
      await poll(() => heading().textContent()).toBe('Skills');
      await shoot(page, 'skills');
      await page.getByRole('link', { name: 'retry-helper' }).click();
      await poll(() => heading().textContent()).toBe('Skill retry-helper');
      expect(await page.getByRole('link', { name: `extracted from session ${seeded.session}` }).count()).toBe(1);
      expect(await page.locator('pre.body').textContent()).toContain('backoff and jitter');
      await page.getByRole('button', { name: 'Diff v2' }).click();
      expect(await page.locator('.diff ins').first().textContent()).toContain('jitter');
      await shoot(page, 'skill');
      await page.getByRole('button', { name: 'Revert to v1' }).click();
      await poll(() => page.getByRole('status').textContent()).toMatch(/Reverted to v1: retry-helper/);
      await poll(() => page.locator('pre.body').textContent()).not.toContain('jitter');
      expect(await page.getByRole('cell', { name: 'revert-to:1' }).count()).toBe(1);
    });

    it("opens a session's timeline: turns, tool calls with their errors, skill uses", async () => {
      await nav('Sessions').click();
      await poll(() => heading().textContent()).toBe('Sessions');
      await shoot(page, 'sessions');
      await page.getByRole('link', { name: seeded.session }).click();
      await poll(() => heading().textContent()).toBe(`Session ${seeded.session}`);
      const events = page.locator('.timeline > li');
      expect(await events.count()).toBe(4);
      expect(await page.locator('.timeline .ev-tool.failed').textContent()).toMatch(/Bash.*error[\s\S]*exit 1: 2 failing/);
      expect(await page.getByRole('link', { name: 'Export as ShareGPT JSONL' }).getAttribute('href')).toBe(
        `/api/sessions/${seeded.session}/export`,
      );
      await shoot(page, 'session');
    });

    it('runs a job now and shows its output in the run history', async () => {
      await nav('Schedules').click();
      await poll(() => heading().textContent()).toBe('Schedules');
      await page.getByRole('button', { name: 'Run now hello' }).click();
      await poll(() => page.getByRole('status').textContent()).toMatch(/Ran hello/);
      await poll(() => page.locator('main').textContent()).toContain('hello from the job');
      await shoot(page, 'schedules');
    });

    it('scans a text on the Guard page and lists the guard events', async () => {
      await nav('Guard').click();
      await poll(() => heading().textContent()).toBe('Guard');
      await page.getByLabel(/Text to scan/).fill(POISON);
      await page.getByRole('button', { name: 'Scan' }).click();
      await poll(() => page.locator('main').textContent()).toMatch(/Verdict: block/);
      const events = page.getByRole('table', { name: /guard events/ });
      expect(await events.getByRole('columnheader').allTextContents()).toEqual([
        'When',
        'Verdict',
        'Rule',
        'Surface',
        'Excerpt',
        'Caller',
        'Reason',
      ]);
      // The refused edit above: its excerpt is shown as text (its markup stays letters), its key redacted.
      const edit = events.getByRole('row').filter({ has: page.getByRole('cell', { name: 'ui', exact: true }) });
      expect(await edit.locator('q.excerpt').textContent()).toMatch(
        /^Ignore all previous instructions .* <b>now<\/b> with \[REDACTED:[\w.]+\]\.$/,
      );
      expect(await events.locator('b').count()).toBe(0);
      // The seeded block, recorded by memory_add, and an event older than the excerpt column ("—").
      expect(await events.getByRole('row').filter({ hasText: 'mcp:memory_add' }).locator('q.excerpt').textContent()).toBe(POISON);
      expect(await events.getByRole('row').filter({ hasText: 'old-client' }).getByRole('cell', { name: '—' }).count()).toBe(1);
      expect(await page.locator('main').textContent()).not.toContain(SECRET.slice(4));
      await shoot(page, 'guard');
      await nav('Learning').click();
      await poll(() => page.locator('main').textContent()).toContain('21 uses, 95% success');
      await shoot(page, 'learning');
    });

    it('works from the keyboard: focus lands on each new page, links and forms answer Enter, the skip link reaches main', async () => {
      const active = () => page.evaluate(() => `${document.activeElement?.tagName} ${document.activeElement?.textContent}`);
      await page.goto(`${ui.origin}/#/overview`);
      await poll(active).toBe('H1 Overview');
      await page.keyboard.press('Tab');
      expect(await active()).toBe('A 4Memories');
      await page.keyboard.press('Enter');
      await poll(active).toBe('H1 Memories');
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('f-q');
      await page.keyboard.type('pnpm');
      await page.keyboard.press('Enter');
      await poll(() => page.getByRole('heading', { name: '1 ranked match' }).count()).toBe(1);
      const backwards: string[] = [];
      for (let i = 0; i < 12 && !backwards.includes('A Skip to content'); i++) {
        await page.keyboard.press('Shift+Tab');
        backwards.push(await active());
      }
      expect(backwards).toEqual(expect.arrayContaining(['A Schedules', 'A Skills', 'A Overview', 'A Skip to content']));
      await page.keyboard.press('Enter');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
      expect(await heading().textContent()).toBe('Memories');
    });

    it('axe-core finds no serious or critical violation on any page', async () => {
      const found: Record<string, string[]> = {};
      for (const hash of [
        'overview',
        'memories',
        'skills',
        'skills/retry-helper',
        `sessions/${seeded.session}`,
        'sessions',
        'guard',
        'learning',
        'schedules',
      ]) {
        await page.goto(`${ui.origin}/#/${hash}`);
        await poll(() => page.locator('main h1').count()).toBe(1);
        await page.waitForLoadState('networkidle');
        const v = await axeViolations(page);
        if (v.length) found[hash] = v;
      }
      expect(found).toEqual({});
    });
  },
);
