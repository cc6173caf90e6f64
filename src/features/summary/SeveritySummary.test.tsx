import { QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { getFindingsStatistics } from '../../api/client';
import { detectorScope } from '../../api/scope';
import { criteriaFromFilters, DEFAULT_FILTERS } from '../../view/filters';
import { createQueryClient } from '../../api/query-client';
import { countsByBand } from '../../lib/severity';
import { apiPath, DEMO_DETECTOR_ID, http, HttpResponse, server } from '../../test/msw';
import { SeveritySummary } from './SeveritySummary';

function renderSummary(search = `?detector=${DEMO_DETECTOR_ID}`) {
  window.history.replaceState(null, '', `/${search}`);
  return render(
    <QueryClientProvider client={createQueryClient()}>
      <SeveritySummary scope={detectorScope({ detectorId: DEMO_DETECTOR_ID })} />
    </QueryClientProvider>,
  );
}

const band = (label: string) => within(screen.getByRole('group', { name: 'Filter by severity band' })).getByRole('button', { name: new RegExp(`^${label}`) });

describe('SeveritySummary', () => {
  it('shows GetFindingsStatistics counts per console band', async () => {
    const stats = await getFindingsStatistics(DEMO_DETECTOR_ID, criteriaFromFilters(DEFAULT_FILTERS, Date.now()));
    const counts = countsByBand(stats.findingStatistics.countBySeverity);
    renderSummary();
    await waitFor(() => expect(band('Critical')).toHaveTextContent(String(counts.critical)));
    expect(band('High')).toHaveTextContent(String(counts.high));
    expect(band('Medium')).toHaveTextContent(String(counts.medium));
    expect(band('Low')).toHaveTextContent(String(counts.low));
    const total = counts.low + counts.medium + counts.high + counts.critical;
    expect(screen.getByText(`${total.toLocaleString('en')} current findings`)).toBeInTheDocument();
  });

  it('a click filters on the band, Shift-click extends the range, a click on the only band clears it', async () => {
    const user = userEvent.setup();
    renderSummary();
    await waitFor(() => expect(band('High')).toHaveTextContent(/\d/));
    await user.click(band('High'));
    expect(new URLSearchParams(window.location.search).get('sev')).toBe('high');
    expect(new URLSearchParams(window.location.search).get('sevTo')).toBe('high');
    await user.keyboard('{Shift>}');
    await user.click(band('Critical'));
    await user.keyboard('{/Shift}');
    expect(new URLSearchParams(window.location.search).get('sev')).toBe('high');
    expect(new URLSearchParams(window.location.search).get('sevTo')).toBeNull(); // up to Critical
    expect(band('Critical')).toHaveAttribute('aria-pressed', 'true');
    expect(band('High')).toHaveAttribute('aria-pressed', 'true');
    expect(band('Medium')).toHaveAttribute('aria-pressed', 'false');
    await user.click(band('Low'));
    expect(new URLSearchParams(window.location.search).get('sev')).toBe('low');
    await user.click(band('Low'));
    expect(new URLSearchParams(window.location.search).get('sev')).toBeNull();
  });

  it('a range without a modifier key: "Select a range", then a click on each end (works on touch)', async () => {
    const user = userEvent.setup();
    renderSummary();
    await waitFor(() => expect(band('Medium')).toHaveTextContent(/\d/));
    const toggle = screen.getByRole('button', { name: 'Select a range' });
    expect(toggle).toHaveAttribute('aria-pressed', 'false');
    await user.click(toggle);
    expect(screen.getByRole('button', { name: /^Range/ })).toHaveAttribute('aria-pressed', 'true');
    await user.click(band('Medium'));
    expect(new URLSearchParams(window.location.search).get('sev')).toBe('medium');
    expect(new URLSearchParams(window.location.search).get('sevTo')).toBe('medium');
    await user.click(band('High')); // no Shift
    expect(new URLSearchParams(window.location.search).get('sev')).toBe('medium');
    expect(new URLSearchParams(window.location.search).get('sevTo')).toBe('high');
    for (const [label, on] of [['Low', 'false'], ['Medium', 'true'], ['High', 'true'], ['Critical', 'false']]) {
      expect(band(label)).toHaveAttribute('aria-pressed', on);
    }
    // Off again: a click chooses one band, as before.
    await user.click(screen.getByRole('button', { name: /^Range/ }));
    await user.click(band('Critical'));
    expect(new URLSearchParams(window.location.search).get('sev')).toBe('critical');
  });

  it('shows the statistics error with its __type and a Retry', async () => {
    server.use(
      http.post(apiPath.statistics, () =>
        HttpResponse.json({ __type: 'AccessDeniedException', message: 'Missing or wrong access token.' }, { status: 403 }),
      ),
    );
    renderSummary();
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('AccessDeniedException');
    expect(alert).toHaveTextContent('Missing or wrong access token.');
    expect(within(alert).getByRole('button', { name: 'Retry' })).toBeInTheDocument();
  });
});
