import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { DEMO_DETECTOR_ID } from '../mocks/emulator';
import type { Finding } from '../src/guardduty';
import { failOnPageProblems } from './helpers/guard';

// Attack sequences on the demo detector, against the built app served by server/: from the table
// (quick filter) to a sequence's story (signals in time order, tactics in kill-chain order), to a
// member finding and back. Expectations come from the API, never from counts of the dataset.
failOnPageProblems();

const API = `/api/detector/${DEMO_DETECTOR_ID}`;
const KILL_CHAIN = [
  'Reconnaissance', 'Resource Development', 'Initial Access', 'Execution', 'Persistence', 'Privilege Escalation', 'Defense Evasion',
  'Credential Access', 'Discovery', 'Lateral Movement', 'Collection', 'Command and Control', 'Exfiltration', 'Impact',
];
const squash = (s: string) => s.toLowerCase().replace(/&/g, 'and').replace(/[^a-z]/g, '');

interface Signal { name?: string; firstSeenAt?: number; lastSeenAt?: number; signalIndicators?: { key?: string; values?: string[] }[] }
interface Sequence { signals?: Signal[]; sequenceIndicators?: { key?: string; values?: string[] }[] }

async function post<T>(request: APIRequestContext, path: string, data: unknown): Promise<T> {
  const res = await request.post(path, { data, headers: { 'content-type': 'application/json' } });
  expect(res.ok(), `${path}: ${res.status()}`).toBe(true);
  return (await res.json()) as T;
}

async function findingsMatching(request: APIRequestContext, criterion: Record<string, unknown>): Promise<Finding[]> {
  const list = await post<{ findingIds: string[] }>(request, `${API}/findings`, {
    findingCriteria: { criterion },
    sortCriteria: { attributeName: 'service.eventLastSeen', orderBy: 'DESC' },
    maxResults: 50,
  });
  if (list.findingIds.length === 0) return [];
  const got = await post<{ findings: Finding[] }>(request, `${API}/findings/get`, { findingIds: list.findingIds });
  const byId = new Map(got.findings.map((f) => [f.id, f]));
  return list.findingIds.map((id) => byId.get(id)!).filter(Boolean);
}

/** A current attack sequence of the demo detector that has member findings, with its members (from the API). */
async function sequenceWithMembers(request: APIRequestContext) {
  const sequences = await findingsMatching(request, { type: { matches: ['AttackSequence:*'] }, 'service.archived': { eq: ['false'] } });
  expect(sequences.length, 'current attack sequences in the demo detector').toBeGreaterThan(0);
  for (const sequence of sequences) {
    const members = await findingsMatching(request, { associatedAttackSequenceArn: { eq: [sequence.arn!] } });
    const signals = ((sequence.service?.detection as { sequence?: Sequence } | undefined)?.sequence?.signals ?? []);
    if (members.length > 0 && signals.length > 1) return { sequence, members, detail: (sequence.service!.detection as { sequence: Sequence }).sequence };
  }
  throw new Error('no attack sequence with member findings and several signals in the demo detector');
}

const rows = (page: Page) => page.locator('tr[data-finding-id]');

test('from the table to a sequence: signals in time order, tactics in kill-chain order, a member finding and back', async ({ page, request }) => {
  const { sequence, members, detail } = await sequenceWithMembers(request);

  // The quick filter leaves only sequences, each marked.
  await page.goto(`/?detector=${DEMO_DETECTOR_ID}`);
  await expect(rows(page).first()).toBeVisible();
  await page.getByRole('checkbox', { name: 'Attack sequences only' }).check();
  await expect(page).toHaveURL(/[?&]sequences=1/);
  await expect(page.getByRole('button', { name: 'Remove filter Attack sequences only' })).toBeVisible();
  const row = rows(page).and(page.locator(`[data-finding-id="${sequence.id}"]`));
  await expect(row).toBeVisible();
  const types = await page.locator('tbody td.cell-type').allTextContents();
  for (const t of types) expect(t.startsWith('AttackSequence:')).toBe(true);
  await expect(row.locator('.seq-marker')).toHaveText('Attack sequence');

  await row.locator('a.title-link').click();
  await expect(page).toHaveURL(new RegExp(`/findings/${sequence.id}\\?`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(sequence.title!);

  // Signals on the timeline, first seen first.
  const expectedSignals = [...(detail.signals ?? [])]
    .sort((a, b) => (a.firstSeenAt ?? 0) - (b.firstSeenAt ?? 0) || (a.lastSeenAt ?? 0) - (b.lastSeenAt ?? 0))
    .map((s) => s.name ?? '');
  const timeline = page.getByRole('list', { name: 'Signals in time order' });
  await expect(timeline.getByRole('heading', { level: 3 })).toHaveText(expectedSignals);

  // Tactics: every ATT&CK tactic the sequence and its signals name, in kill-chain order.
  const named = new Set(
    [...(detail.sequenceIndicators ?? []), ...(detail.signals ?? []).flatMap((s) => s.signalIndicators ?? [])]
      .filter((i) => i.key === 'ATTACK_TACTIC')
      .flatMap((i) => i.values ?? [])
      .map(squash),
  );
  const expectedTactics = KILL_CHAIN.filter((t) => named.has(squash(t)));
  expect(expectedTactics.length).toBeGreaterThan(0);
  await expect(page.getByRole('list', { name: 'Tactics in kill-chain order' }).locator(':scope > li .seq-step-name')).toHaveText(expectedTactics);

  // Endpoints are on the small offline map once the world outline is drawn.
  const map = page.locator('.seq-map');
  if ((await map.count()) > 0) await expect(map).toHaveClass(/seq-map-ready/);

  // Its member findings, each opening that finding; the member links back.
  const membersCard = page.locator('section').filter({ has: page.getByRole('heading', { level: 2, name: `Member findings (${members.length})` }) });
  await expect(membersCard.getByRole('table').getByRole('link')).toHaveCount(members.length);
  const member = members[0];
  await membersCard.getByRole('link', { name: member.title ?? member.type ?? member.id, exact: true }).first().click();
  await expect(page).toHaveURL(new RegExp(`/findings/${member.id}\\?`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(member.title!);
  const back = page.getByRole('complementary', { name: 'Attack sequence' }).getByRole('link', { name: sequence.title! });
  await expect(back).toBeVisible();

  // Browser Back returns to the sequence; so does the member's link.
  await page.goBack();
  await expect(page).toHaveURL(new RegExp(`/findings/${sequence.id}\\?`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(sequence.title!);
  await page.goForward();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(member.title!);
  await back.click();
  await expect(page).toHaveURL(new RegExp(`/findings/${sequence.id}\\?`));
  await expect(page.getByRole('list', { name: 'Signals in time order' })).toBeVisible();
});

test('a runtime finding shows its process tree and command line as text', async ({ page, request }) => {
  const runtime = (await findingsMatching(request, { 'service.runtimeDetails.process.name': { matches: ['*'] }, 'service.archived': { eq: ['false'] } })).find(
    (f) => ((f.service?.runtimeDetails as { process?: { lineage?: unknown[] } } | undefined)?.process?.lineage?.length ?? 0) > 0,
  );
  test.skip(!runtime, 'no runtime finding with a lineage in the first page');
  const details = runtime!.service!.runtimeDetails as { process: { name: string; lineage: { name?: string }[] }; context?: { commandLineExample?: string } };
  const process = details.process;
  await page.goto(`/findings/${runtime!.id}?detector=${DEMO_DETECTOR_ID}`);
  const tree = page.getByRole('list', { name: 'Process tree, oldest ancestor first' });
  await expect(tree).toBeVisible();
  // The process itself is the deepest node.
  await expect(tree.locator('.proc-node-self .proc-node-name').first()).toHaveText(process.name);
  await expect(tree.locator('.proc-node-name')).toHaveCount(process.lineage.length + 1);
  const command = details.context?.commandLineExample;
  if (command) expect(await page.locator('.command-line').first().textContent()).toBe(command);
});
