/** Attack sequences in the table: marked, summarised, and a quick filter that shows only them. */
import { beforeAll, describe, expect, it } from 'vitest';
import { criteriaFromFilters, DEFAULT_FILTERS } from '../../view/filters';
import { DEMO_DETECTOR_ID } from '../../test/msw';
import { activeFilters, expectedIds, filterBar, grid, recordRequests, renderFindings, renderedIds, setupUser, stubGridViewport, waitFor, waitForRows, within } from './test-utils';

beforeAll(() => stubGridViewport());

type ListBody = { findingCriteria: { criterion: Record<string, Record<string, unknown>> } };
const lastListCriterion = (rec: ReturnType<typeof recordRequests>) => (rec.list().at(-1)?.body as ListBody | undefined)?.findingCriteria.criterion;
const cells = (column: string) => [...grid().querySelectorAll<HTMLElement>(`tbody td.cell-${column}`)].map((td) => td.textContent ?? '');

describe('attack sequences in the findings table', () => {
  it('"Attack sequences only" shows just the sequences, marked and with a resource summary, and lives in the URL', async () => {
    const user = setupUser();
    const expected = await expectedIds('service.eventLastSeen', 'DESC', criteriaFromFilters({ ...DEFAULT_FILTERS, sequencesOnly: true }, Date.now()));
    expect(expected.length).toBeGreaterThan(0);
    renderFindings();
    await waitForRows();
    const rec = recordRequests();
    await user.click(within(filterBar()).getByRole('checkbox', { name: 'Attack sequences only' }));
    expect(new URLSearchParams(window.location.search).get('sequences')).toBe('1');
    await waitFor(() => expect(lastListCriterion(rec)?.type).toEqual({ matches: ['AttackSequence:*'] }));
    await waitFor(() => expect(renderedIds()).toEqual(expected.slice(0, renderedIds().length)));
    expect(renderedIds().length).toBeGreaterThan(0);
    for (const type of cells('type')) expect(type.startsWith('AttackSequence:')).toBe(true);
    for (const title of cells('title')) expect(title.startsWith('Attack sequence')).toBe(true);
    // The resource column says what the sequence touches, not the generic resource type.
    for (const resource of cells('resource')) expect(resource).not.toBe('AttackSequence');
    expect(within(activeFilters()).getByRole('button', { name: 'Remove filter Attack sequences only' })).toBeInTheDocument();
    rec.stop();
  });

  it('joins a finding type filter in one condition, and its chip removes it', async () => {
    const user = setupUser();
    renderFindings(`?detector=${DEMO_DETECTOR_ID}&sequences=1&type=AttackSequence:S3/CompromisedData`);
    const rec = recordRequests();
    await waitForRows().catch(() => undefined);
    expect(within(filterBar()).getByRole('checkbox', { name: 'Attack sequences only' })).toBeChecked();
    await user.click(within(activeFilters()).getByRole('button', { name: 'Remove filter Attack sequences only' }));
    expect(new URLSearchParams(window.location.search).get('sequences')).toBeNull();
    expect(within(filterBar()).getByRole('checkbox', { name: 'Attack sequences only' })).not.toBeChecked();
    await waitFor(() => expect(lastListCriterion(rec)?.type).toEqual({ eq: ['AttackSequence:S3/CompromisedData'] }));
    rec.stop();
  });

  it('maps the quick filter to findingCriteria alongside a type list', () => {
    const criteria = criteriaFromFilters({ ...DEFAULT_FILTERS, lists: { type: ['AttackSequence:IAM/CompromisedCredentials'] }, sequencesOnly: true }, 0);
    expect(criteria.criterion?.type).toEqual({ eq: ['AttackSequence:IAM/CompromisedCredentials'], matches: ['AttackSequence:*'] });
  });
});
