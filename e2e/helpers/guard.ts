/**
 * Registers hooks that fail every test of a spec on what must never happen in the app: a request
 * to any host but the app's own (offline by default), a CSP violation or console error, an
 * uncaught page error, or a dialog (an alert() from attacker text that ran).
 */
import { expect, test } from '@playwright/test';

export function failOnPageProblems(): void {
  let problems: string[] = [];
  test.beforeEach(async ({ page, baseURL }) => {
    problems = [];
    const origin = new URL(baseURL!).origin;
    page.on('request', (r) => {
      const url = new URL(r.url());
      if (url.protocol !== 'data:' && url.protocol !== 'blob:' && url.origin !== origin) problems.push(`request to ${r.url()}`);
    });
    page.on('console', (m) => {
      if (m.type() === 'error' || /Content Security Policy|Refused to/i.test(m.text())) problems.push(`console: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('dialog', (d) => {
      problems.push(`dialog: ${d.message()}`);
      void d.dismiss();
    });
  });
  test.afterEach(() => {
    expect(problems, 'foreign requests, CSP violations, console or page errors, dialogs').toEqual([]);
  });
}
