// The "Must show", in headless Chromium: sign in, the funnel equals what SQL reads from the
// read side, a signed engagement webhook shows on the counter and the feed within 2 s, sign out and
// be refused. Screenshots (desktop and phone) are kept under test-results/.
import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { chromiumAvailability, launchChromium } from '../reports/support/headless-chromium.js';
import { standardWebhookHeaders, unix } from '../webhooks/providers/support/signing.js';
import { newWebhookSecret } from '../webhooks/providers/support/signing.js';
import { post, webhookFixture, type WebhookFixture } from '../webhooks/support/webhook-fixture.js';

const READER = 'k-dashboard-reader';
const RESULTS = 'test-results';
const availability = chromiumAvailability();

/** The funnel as SQL reads it from the read side, independently of the dashboard's queries. */
async function funnelFromSql(f: WebhookFixture): Promise<Record<string, number>> {
  const { rows } = await f.t.db.pool.query(
    `SELECT (SELECT count(*) FROM lead_nurturing_sequences)::int AS started,
            (SELECT count(*) FROM lead_nurturing_sequences WHERE status = 'qualified')::int AS qualified,
            (SELECT count(*) FROM lead_nurturing_sequences WHERE status = 'paused')::int AS paused,
            (SELECT count(*) FROM lead_nurturing_sequences WHERE status = 'completed')::int AS completed,
            (SELECT count(*) FROM lead_nurturing_sequences WHERE status = 'stopped')::int AS stopped,
            count(*) FILTER (WHERE status = 'sent')::int AS sent,
            count(*) FILTER (WHERE delivered_at IS NOT NULL)::int AS delivered,
            count(*) FILTER (WHERE opened_at IS NOT NULL)::int AS opened,
            count(*) FILTER (WHERE clicked_at IS NOT NULL)::int AS clicked,
            count(*) FILTER (WHERE replied_at IS NOT NULL)::int AS replied
       FROM lead_nurturing_events`,
  );
  return rows[0];
}

async function funnelOnPage(page: Page): Promise<Record<string, number>> {
  return page.$$eval('[data-testid^="funnel-"]', (els) =>
    Object.fromEntries(els.map((el) => [el.getAttribute('data-testid')!.slice('funnel-'.length), Number(el.textContent!.replace(/\D/g, ''))])),
  );
}

if (!availability.run && availability.mustFail) {
  it('needs Chromium in CI', () => {
    throw new Error(availability.reason);
  });
} else if (!availability.run) {
  it.skip(`the dashboard in headless Chromium — skipped: ${availability.reason}`, () => undefined);
} else {
  describe('the dashboard in headless Chromium', () => {
    const secret = newWebhookSecret();
    let f: WebhookFixture;
    let browser: Browser;
    let page: Page;
    const foreign: string[] = [];

    beforeAll(async () => {
      mkdirSync(RESULTS, { recursive: true });
      process.env.NURTURE_WEBHOOK_SECRET = secret;
      process.env.NURTURE_API_KEYS = `${READER}:read`;
      f = await webhookFixture();
      await f.catchUp();
      browser = await launchChromium();
      page = await browser.newPage({ viewport: { width: 1280, height: 800 }, locale: 'en-US' });
      page.on('request', (r) => {
        if (!r.url().startsWith(f.app.url)) foreign.push(r.url());
      });
    });
    afterAll(async () => {
      await browser?.close();
      await f?.close();
      delete process.env.NURTURE_WEBHOOK_SECRET;
      delete process.env.NURTURE_API_KEYS;
    });

    it('sends an unsigned-in visitor to the sign-in form; a read key signs in', async () => {
      await page.goto(`${f.app.url}/dashboard`);
      expect(new URL(page.url()).pathname).toBe('/dashboard/sign-in');
      await page.fill('#api_key', READER);
      await Promise.all([page.waitForURL(/\/dashboard\?lang=/), page.click('button[type=submit]')]);
      await page.waitForSelector('[data-testid="live-status"][data-state="live"]', { timeout: 5000 });
    });

    it('shows the funnel SQL reads from the read side, the runs, the feed and a drawn chart', async () => {
      expect(await funnelOnPage(page)).toEqual(await funnelFromSql(f));
      expect(await page.locator('[data-testid="runs"] tr').count()).toBeGreaterThan(0);
      expect(await page.locator('[data-testid="feed-row"]').count()).toBeGreaterThan(0);
      expect(await page.locator('#chart canvas').count()).toBe(1);
      expect(await page.getAttribute('#chart', 'aria-label')).toMatch(/sequences started per day/);
      const { rows } = await f.t.db.pool.query(`SELECT count(*)::int AS days FROM mv_nurturing_conversion_metrics`);
      expect(rows[0].days).toBeGreaterThan(0);
      expect(await page.isHidden('[data-testid="chart-empty"]')).toBe(true);
      // The rankings come from the background a moment later, without a reload: the one template
      // drawn and in the screen reader's table; no step has report_min_sends (20) sends, and it says so.
      await page.locator('#chart-templates canvas').waitFor({ timeout: 5000 });
      const template = (await f.t.db.pool.query(`SELECT DISTINCT sequence_name FROM lead_nurturing_sequences`)).rows.map((r) => r.sequence_name);
      expect(await page.locator('[data-testid="templates-table"] tr td:first-child').allTextContents()).toEqual(template);
      expect(await page.textContent('[data-testid="steps-note"]')).toMatch(/^No step had 20 or more emails sent in these days: none is ranked\./);
      expect(await page.isHidden('#chart-steps')).toBe(true);
      // What is due next: both sequences, their second step.
      expect(await page.locator('[data-testid="due"] tr').count()).toBe(2);
      expect(await page.locator('[data-testid="due"] tr').first().textContent()).toMatch(/lead_[ab].*2\/3$/);
      await page.screenshot({ path: `${RESULTS}/dashboard-1280x800.png`, fullPage: true });
    });

    it('a signed engagement webhook shows on the counter and the feed within 2 s, without a reload', async () => {
      const opened = Number((await page.textContent('[data-testid="funnel-opened"]'))!.replace(/\D/g, ''));
      // Set in the page: still there after the update means it was not reloaded.
      await page.evaluate('window.marker = 1');
      const body = JSON.stringify({ email: 'bo@example.com', event_type: 'opened', timestamp: new Date().toISOString(), sequence_id: f.sequences.b });
      const sent = Date.now();
      const r = await post(`${f.app.url}/webhooks/engagement`, body, standardWebhookHeaders(secret, 'msg_dashboard_1', unix(new Date()), body));
      expect(r.json).toMatchObject({ recorded: 1 });
      // Locators, not waitForFunction: the page's CSP forbids evaluating strings.
      await page.locator('[data-testid="funnel-opened"]', { hasText: new RegExp(`^${opened + 1}$`) }).waitFor({ timeout: 2000 });
      await page.locator('[data-testid="feed-row"]').first().filter({ hasText: 'EmailOpened' }).waitFor({ timeout: 2000 });
      expect(Date.now() - sent).toBeLessThan(2000);
      expect(await page.evaluate('window.marker')).toBe(1);
      expect(await funnelOnPage(page)).toEqual(await funnelFromSql(f));
    });

    it('an event for no sequence shows in the unmatched list and its count', async () => {
      const body = JSON.stringify({ email: 'stranger@example.com', event_type: 'clicked', timestamp: new Date().toISOString() });
      const r = await post(`${f.app.url}/webhooks/engagement`, body, standardWebhookHeaders(secret, 'msg_dashboard_2', unix(new Date()), body));
      expect(r.status).toBe(200);
      const { rows } = await f.t.db.pool.query(`SELECT count(*)::int AS n FROM lead_nurturing_unmatched_events`);
      expect(rows[0].n).toBe(1);
      await page.locator('[data-testid="unmatched"]', { hasText: /^1$/ }).waitFor({ timeout: 3000 });
      await page.locator('[data-testid="latest-unmatched"] tr', { hasText: 'clicked' }).waitFor({ timeout: 3000 });
    });

    it('reads Spanish with ?lang=es, in one column on a phone', async () => {
      const phone = await browser.newPage({ viewport: { width: 390, height: 844 }, locale: 'es-ES' });
      await phone.context().addCookies(await page.context().cookies());
      await phone.goto(`${f.app.url}/dashboard?lang=es`);
      await phone.waitForSelector('[data-testid="live-status"][data-state="live"]', { timeout: 5000 });
      expect(await phone.textContent('#h-funnel')).toBe('Embudo');
      const widths = await phone.$$eval('main > section', (s) => s.map((el) => el.getBoundingClientRect().width));
      expect(Math.min(...widths)).toBeGreaterThan(300);
      expect(await phone.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
      await phone.screenshot({ path: `${RESULTS}/dashboard-phone-es.png`, fullPage: true });
      await phone.close();
    });

    it('signs out, and then the page and its data are refused', async () => {
      await Promise.all([page.waitForURL(/\/dashboard\/sign-in/), page.click('[data-testid="sign-out"]')]);
      expect((await page.request.get(`${f.app.url}/dashboard/data`)).status()).toBe(401);
      await page.goto(`${f.app.url}/dashboard`);
      expect(new URL(page.url()).pathname).toBe('/dashboard/sign-in');
    });

    it('asked nothing of any other host', () => {
      expect(foreign).toEqual([]);
    });
  });
}
