/** Test helpers: the detail screen at its URL, answered by the emulator through MSW. */
import { QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor, within } from '@testing-library/react';
import { expect } from 'vitest';
import type { Finding } from '../../guardduty';
import { createQueryClient } from '../../api/query-client';
import { findingPath } from '../../view/paths';
import { matchPath, useLocation } from '../../view/router';
import { apiPath, DEMO_DETECTOR_ID, http, HttpResponse, server } from '../../test/msw';
import FindingDetailScreen from './FindingDetailScreen';
import { one } from '../../test/dom';

/** The detail screen routed as App routes it, so previous/next change the finding; other paths stand for the table. */
function Routed() {
  const { pathname } = useLocation();
  const route = matchPath(pathname);
  return route.screen === 'finding' ? <FindingDetailScreen findingId={route.findingId} /> : <p>Findings table at {pathname}</p>;
}

export function renderDetail(findingId: string, search = `?detector=${DEMO_DETECTOR_ID}`) {
  window.history.replaceState(window.history.state, '', `${findingPath(findingId)}${search}`);
  const client = createQueryClient();
  const view = render(
    <QueryClientProvider client={client}>
      <Routed />
    </QueryClientProvider>,
  );
  return { ...view, client };
}

/**
 * Waits for the finding's page (its h1) and returns it. By selector: a role query polled over a
 * whole finding page costs seconds in jsdom (getComputedStyle per element); the page's headings
 * and landmarks are audited in the browser (e2e/a11y.spec.ts).
 */
export async function findingHeading(): Promise<HTMLElement> {
  return waitFor(() => {
    const h1 = document.querySelector<HTMLElement>('h1');
    if (!h1) throw new Error('The finding page has no h1 yet');
    return h1;
  });
}

/** The Details tab panel once the finding has loaded. */
export async function detailsPanel(): Promise<HTMLElement> {
  await findingHeading();
  return one('[role="tabpanel"]');
}

/**
 * The finding's page as the Details tab shows it (header and panel), once loaded: what an
 * analyst reads without opening the raw JSON, which is checked not to be on the page.
 */
export async function detailsView(): Promise<HTMLElement> {
  await detailsPanel();
  expect(one('[role="tab"][aria-selected="true"]')).toHaveTextContent('Details');
  const article = one('article.finding-detail');
  expect(article.querySelector('pre')).toBeNull();
  return article;
}

/** The summary strip (the "Summary" region) of the finding on screen. */
export const summaryStrip = () => one('section[aria-label="Summary"]');

export { screen, within };

export interface Leaf {
  path: (string | number)[];
  /** The property name (array items take their array's). */
  key?: string;
  value: unknown;
}

/** Every primitive value of a JSON document, with its path. */
export function leaves(value: unknown, key?: string, path: (string | number)[] = []): Leaf[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => leaves(v, key, [...path, i]));
  if (value !== null && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => leaves(v, k, [...path, k]));
  return [{ path, key, value }];
}

const normalize = (text: string) => text.trim().replace(/\s+/g, ' ');

/** The texts getByText matches: each element's own text nodes, joined and normalised. */
function ownTexts(container: HTMLElement): Set<string> {
  const texts = new Set<string>();
  for (const el of [container, ...container.querySelectorAll('*')]) {
    if (el.matches('script, style')) continue;
    const own = Array.from(el.childNodes)
      .filter((n) => n.nodeType === Node.TEXT_NODE)
      .map((n) => n.textContent)
      .join('');
    texts.add(normalize(own));
  }
  return texts;
}

/**
 * Leaves not shown as the exact text of some element inside `container` (as getByText would
 * find them), formatted as the UI formats them.
 */
export function missingLeaves(container: HTMLElement, json: unknown, format: (value: unknown, key?: string) => string, skip: (leaf: Leaf) => boolean = () => false): string[] {
  const texts = ownTexts(container);
  return leaves(json)
    .filter((leaf) => !skip(leaf) && leaf.value !== '')
    .filter((leaf) => !texts.has(normalize(format(leaf.value, leaf.key))))
    .map((leaf) => `${leaf.path.join('.')} = ${JSON.stringify(leaf.value)} (expected "${format(leaf.value, leaf.key)}")`);
}

/** Serves `finding` for GetFindings of its id alone; other requests reach the emulator. */
export function serveFinding(finding: Finding): void {
  server.use(
    http.post(apiPath.getFindings, async ({ request }) => {
      const body = (await request.clone().json()) as { findingIds?: string[] };
      if (body.findingIds?.length === 1 && body.findingIds[0] === finding.id) return HttpResponse.json({ findings: [finding] });
      return undefined;
    }),
  );
}

type Criterion = Record<string, { eq?: string[] }>;

/**
 * Serves `findings` as if they were in the detector: GetFindings of their ids, ListFindings on
 * their `arn` or `associatedAttackSequenceArn`. Other requests reach the emulator.
 */
export function serveFindings(findings: Finding[]): void {
  const byId = new Map(findings.map((f) => [f.id, f]));
  server.use(
    http.post(apiPath.getFindings, async ({ request }) => {
      const body = (await request.clone().json()) as { findingIds?: string[] };
      const ids = body.findingIds ?? [];
      if (ids.length > 0 && ids.every((id) => byId.has(id))) return HttpResponse.json({ findings: ids.map((id) => byId.get(id)) });
      return undefined;
    }),
    http.post(apiPath.listFindings, async ({ request }) => {
      const body = (await request.clone().json()) as { findingCriteria?: { criterion?: Criterion } };
      const criterion = body.findingCriteria?.criterion ?? {};
      const keys = Object.keys(criterion);
      if (keys.length !== 1 || (keys[0] !== 'arn' && keys[0] !== 'associatedAttackSequenceArn')) return undefined;
      const wanted = criterion[keys[0]].eq ?? [];
      const hits = findings.filter((f) => wanted.includes(String(f[keys[0]])));
      return HttpResponse.json({ findingIds: hits.map((f) => f.id), nextToken: '' });
    }),
  );
}
