/** Test helpers for the overview: the whole app at /overview, answered by the emulator through MSW. */
import { screen, waitFor, within } from '@testing-library/react';
import { expect } from 'vitest';
import { getFindingsStatistics } from '../../api/client';
import { criteriaFromFilters } from '../../view/filters';
import { parseViewState } from '../../view/url-state';
import { DEMO_DETECTOR_ID } from '../../test/msw';
import { renderAppAt } from '../../test/render-app';

export function renderOverview(search = `?detector=${DEMO_DETECTOR_ID}`) {
  return renderAppAt(`/overview${search}`);
}

/**
 * The overview panel named `name`: the section its h2 labels. By selector: settled() polls it, and a
 * role query for a region by name over the whole page costs a lot in jsdom per poll.
 */
export function panel(name: string): HTMLElement {
  const hit = [...document.querySelectorAll<HTMLElement>('section[aria-labelledby]')].find((s) => document.getElementById(s.getAttribute('aria-labelledby')!)?.textContent === name);
  if (!hit) throw new Error(`No overview panel named "${name}"`);
  return hit;
}

export const PANELS = ['Findings per day', 'Severity', 'Triage aging', 'Top finding types', 'Top resources', 'Top accounts'] as const;

/** Waits until a panel has left its loading state, and returns it. */
export async function settled(name: string) {
  await waitFor(() => expect(panel(name)).not.toHaveAttribute('data-state', 'loading'));
  return panel(name);
}

/** How many findings the table shows for a link: GetFindingsStatistics over the link's own filters. */
export async function countOfLink(href: string, detectorId = DEMO_DETECTOR_ID): Promise<number> {
  const url = new URL(href, 'http://local');
  expect(url.pathname).toBe('/');
  const state = parseViewState(url.searchParams);
  expect(state.detectorId).toBe(detectorId);
  const stats = await getFindingsStatistics(detectorId, criteriaFromFilters(state.filters, Date.now()));
  return Object.values(stats.findingStatistics.countBySeverity ?? {}).reduce((a, b) => a + b, 0);
}

/** The number a link shows or names ("1,234" or "… : 1,234 findings"). */
export function numberIn(text: string): number {
  const m = /([\d,]+) (?:current )?findings?\b/.exec(text) ?? /^([\d,]+)$/.exec(text.trim());
  if (!m) throw new Error(`no count in "${text}"`);
  return Number(m[1].replace(/,/g, ''));
}

export { screen, within, waitFor };
