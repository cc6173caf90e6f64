import { act, fireEvent, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { DEMO_DETECTOR_ID, SAMPLE_FINDING_ID } from '../../test/msw';
import { ANY_ATTRIBUTES, expandCriteria } from '../../api/any-criteria';
import { listFindings } from '../../api/client';
import { fetchFindingsPage } from '../../api/queries';
import { detectorScope } from '../../api/scope';
import { criteriaFromFilters, DEFAULT_FILTERS } from '../../view/filters';
import { findingPath } from '../../view/paths';
import { navigate } from '../../view/router';
import { DEFAULT_SORT, parseViewState } from '../../view/url-state';
import { FILTER_ATTRIBUTES } from '../../guardduty/filter-attributes';
import { LIST_FILTERS } from '../../view/filters';
import { detailsView, renderDetail, screen, within } from './test-utils';
import { setupUser } from '../../test/user';

const click = (el: Element) => setupUser().click(el);

const search = `?detector=${DEMO_DETECTOR_ID}`;

/** The table's default order, straight from the API. */
async function tableOrder(pages = 1): Promise<string[]> {
  const criteria = criteriaFromFilters(DEFAULT_FILTERS, Date.now());
  const ids: string[] = [];
  let token: string | undefined;
  for (let i = 0; i < pages; i++) {
    const page = await fetchFindingsPage(detectorScope({ detectorId: DEMO_DETECTOR_ID }), criteria, DEFAULT_SORT, token);
    ids.push(...page.findings.map((f) => f.id));
    token = page.nextToken;
  }
  return ids;
}

const params = () => new URLSearchParams(window.location.search);

describe('FindingDetailScreen: previous / next', () => {
  it('steps through the findings in the table order, keeping the view state', async () => {
    const ids = await tableOrder();
    renderDetail(ids[1]);
    await detailsView();
    const previous = screen.getByRole('button', { name: 'Previous finding' });
    const next = screen.getByRole('button', { name: 'Next finding' });
    await screen.findByText('2 of 50+');
    await click(next);
    expect(window.location.pathname).toBe(findingPath(ids[2]));
    expect(params().get('detector')).toBe(DEMO_DETECTOR_ID);
    expect(params().get('selected')).toBe(ids[2]);
    await screen.findByText('3 of 50+');
    await click(previous);
    await click(previous);
    await screen.findByText('1 of 50+');
    expect(window.location.pathname).toBe(findingPath(ids[0]));
    expect(previous).toHaveAttribute('aria-disabled', 'true');
    expect(previous).toHaveFocus();
  });

  it('loads the next page when the finding is the last one loaded', async () => {
    const ids = await tableOrder(2);
    renderDetail(ids[49]);
    await detailsView();
    await screen.findByText('50 of 100+');
    await click(screen.getByRole('button', { name: 'Next finding' }));
    expect(window.location.pathname).toBe(findingPath(ids[50]));
  });

  it('Escape goes back to the table entry it came from, selecting the finding shown last', async () => {
    const ids = await tableOrder();
    // The table, then a click on a finding: a pushed entry that knows it came from the table.
    window.history.replaceState(null, '', `/${search}`);
    navigate(`${findingPath(ids[0])}${search}`);
    renderDetail(ids[0], search);
    await detailsView();
    await screen.findByText('1 of 50+');
    await click(screen.getByRole('button', { name: 'Next finding' }));
    const before = window.history.length;
    act(() => {
      fireEvent.keyDown(document.body, { key: 'Escape' });
    });
    await waitFor(() => expect(window.location.pathname).toBe('/'));
    await waitFor(() => expect(params().get('selected')).toBe(ids[1]));
    expect(window.history.length).toBe(before);
  });
});

describe('FindingDetailScreen: pivots', () => {
  it('links instance, remote IP, account, type and country to the table filtered on them', async () => {
    renderDetail(SAMPLE_FINDING_ID);
    const view = await detailsView();
    // A value can be pivoted on from the summary strip and from its section: every such link filters the same way.
    const hrefs = (name: string | RegExp) => within(view).getAllByRole('link', { name }).map((a) => new URL(a.getAttribute('href')!, 'http://x'));
    const expectations: [RegExp, string, string][] = [
      [/^i-99999999/, 'instance', 'i-99999999'],
      // Remote IP and country pivot to their any-action forms (whichever action type holds them).
      [/^198\.51\.100\.0/, 'anyIp', '198.51.100.0'],
      [/^123456789012/, 'account', '123456789012'],
      [/^UnauthorizedAccess:EC2\/RDPBruteForce/, 'type', 'UnauthorizedAccess:EC2/RDPBruteForce'],
      [/^GeneratedFindingCountryName/, 'anyCountry', 'GeneratedFindingCountryName'],
    ];
    for (const [name, param, value] of expectations) for (const url of hrefs(name)) {
      expect(url.pathname).toBe('/');
      expect(url.searchParams.getAll(param)).toEqual([value]);
      expect(url.searchParams.get('detector')).toBe(DEMO_DETECTOR_ID);
      expect(url.searchParams.get('selected')).toBe(SAMPLE_FINDING_ID);
    }
  });

  it('pivots only on filters GuardDuty accepts, and each finds this finding', async () => {
    renderDetail(SAMPLE_FINDING_ID);
    const view = await detailsView();
    const links = [...view.querySelectorAll<HTMLAnchorElement>('a.pivot')];
    expect(links.length).toBeGreaterThanOrEqual(5);
    for (const link of links) {
      const state = parseViewState(new URL(link.getAttribute('href')!, 'http://x').searchParams);
      const [param] = Object.keys(state.filters.lists);
      const attribute = LIST_FILTERS.find((f) => f.param === param)!.attribute;
      for (const attr of ANY_ATTRIBUTES[attribute] ?? [attribute]) expect(FILTER_ATTRIBUTES).toContain(attr);
      // The pivot's criteria (an any-action filter: one alternative per action field), narrowed to
      // this finding: GuardDuty accepts them, and one of them matches it.
      const found: string[] = [];
      for (const alternative of expandCriteria(criteriaFromFilters(state.filters, Date.now()))) {
        const criteria = { criterion: { ...alternative.criterion, id: { eq: [SAMPLE_FINDING_ID] } } };
        found.push(...((await listFindings(DEMO_DETECTOR_ID, { findingCriteria: criteria, maxResults: 50 })).findingIds ?? []));
      }
      expect(found, param).toContain(SAMPLE_FINDING_ID);
    }
  });

  it('navigates in the app on click, and opens the attack map on the remote IP', async () => {
    renderDetail(SAMPLE_FINDING_ID);
    const view = await detailsView();
    const map = new URL(within(view).getByRole('link', { name: 'Show on the attack map' }).getAttribute('href')!, 'http://x');
    expect(map.pathname).toBe('/');
    expect(map.searchParams.get('map')).toBe('1');
    expect(map.searchParams.get('mapIp')).toBe('198.51.100.0');
    expect(map.searchParams.get('selected')).toBe(SAMPLE_FINDING_ID);
    await click(within(view).getAllByRole('link', { name: /^i-99999999/ })[0]);
    expect(window.location.pathname).toBe('/');
    expect(params().get('instance')).toBe('i-99999999');
  });
});
