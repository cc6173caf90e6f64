import { act, fireEvent, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { apiPath, DEMO_DETECTOR_ID, http, HttpResponse, SAMPLE_FINDING_ID, server } from '../../test/msw';
import { getFindings } from '../../api/client';
import type { Finding } from '../../guardduty';
import { formatValue } from './format';
import { detailsPanel, detailsView, missingLeaves, renderDetail, screen, within } from './test-utils';

/** The spec's sample finding as the API (the emulator, through MSW) returns it. */
async function sample(): Promise<Finding> {
  const { findings } = await getFindings(DEMO_DETECTOR_ID, [SAMPLE_FINDING_ID]);
  return findings[0];
}

const row = (container: HTMLElement, label: string) => {
  const dt = within(container).getAllByText(label, { selector: 'dt' })[0];
  return dt.parentElement!.querySelector('dd')!;
};

afterEach(() => vi.restoreAllMocks());

describe('FindingDetailScreen: the spec sample', () => {
  it('shows every leaf value of the sample in the Details tab', async () => {
    const finding = await sample();
    expect(finding.id).toBe(SAMPLE_FINDING_ID);
    renderDetail(SAMPLE_FINDING_ID);
    const view = await detailsView();
    expect(missingLeaves(view, finding, formatValue)).toEqual([]);
  });

  it('organises the sample: overview, type parts, instance, interface, action, remote IP', async () => {
    renderDetail(SAMPLE_FINDING_ID);
    const panel = await detailsPanel();
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('198.51.100.0 is performing RDP brute force attacks against i-99999999.');
    for (const name of ['Overview', 'Instance', 'Network interface', 'Action', 'Remote IP', 'Additional information']) {
      expect(within(panel).getByRole('heading', { level: 2, name })).toBeInTheDocument();
    }
    expect(row(panel, 'Threat purpose')).toHaveTextContent('UnauthorizedAccess');
    expect(row(panel, 'Threat family')).toHaveTextContent('RDPBruteForce');
    expect(row(panel, 'Platform')).toHaveTextContent('—');
    expect(row(panel, 'Archived')).toHaveTextContent('No');
    expect(row(panel, 'Local port')).toHaveTextContent('3389 RDP');
    expect(row(panel, 'Coordinates')).toHaveTextContent('0, 0 · location unknown');
    // 0,0 is not a location: no map.
    expect(within(panel).queryByRole('img', { name: /^Map of/ })).toBeNull();
    // Both spellings of product codes are read; tags are a table.
    expect(within(panel).getByRole('table', { name: 'Instance tags' })).toHaveTextContent('GeneratedFindingInstaceTag9');
  });

  it('has ARIA tabs; the Raw JSON tab shows the finding exactly as returned', async () => {
    const finding = await sample();
    renderDetail(SAMPLE_FINDING_ID);
    await detailsPanel();
    const details = screen.getByRole('tab', { name: 'Details' });
    const raw = screen.getByRole('tab', { name: 'Raw JSON' });
    expect(details).toHaveAttribute('aria-selected', 'true');
    expect(raw).toHaveAttribute('tabindex', '-1');
    details.focus();
    await userEvent.keyboard('{ArrowRight}');
    expect(raw).toHaveAttribute('aria-selected', 'true');
    expect(raw).toHaveFocus();
    const panel = screen.getByRole('tabpanel');
    expect(panel).toHaveAttribute('aria-labelledby', raw.id);
    expect(JSON.parse(panel.querySelector('pre')!.textContent!)).toEqual(finding);
    await userEvent.keyboard('{Home}');
    expect(details).toHaveAttribute('aria-selected', 'true');
  });

  it('copies IDs with a visible "Copied" state', async () => {
    const user = userEvent.setup();
    const writeText = vi.spyOn(navigator.clipboard, 'writeText').mockResolvedValue();
    renderDetail(SAMPLE_FINDING_ID);
    await detailsPanel();
    await user.click(screen.getByRole('button', { name: 'Copy Instance ID' }));
    expect(writeText).toHaveBeenCalledWith('i-99999999');
    expect(screen.getByRole('button', { name: 'Copy Instance ID' })).toHaveTextContent('Copied');
    expect(screen.getByRole('status')).toHaveTextContent('Copied: Instance ID');
    expect(screen.getByRole('button', { name: 'Copy ARN' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Copy IPv4 address' })).toBeInTheDocument();
  });

  it('says the dashboard is read-only, with no console link in demo mode', async () => {
    renderDetail(SAMPLE_FINDING_ID);
    await detailsPanel();
    expect(screen.getByText(/Archive findings and send feedback in the GuardDuty console/)).toBeVisible();
    await waitFor(() => expect(screen.queryByRole('link', { name: /Open in the GuardDuty console/ })).toBeNull());
  });

  it('links to the finding in the GuardDuty console of its region in aws mode', async () => {
    server.use(http.get('/healthz', () => HttpResponse.json({ status: 'ok', source: 'aws', region: 'eu-west-1' })));
    renderDetail(SAMPLE_FINDING_ID);
    const link = await screen.findByRole('link', { name: /Open in the GuardDuty console/ });
    expect(link).toHaveAttribute(
      'href',
      `https://us-west-2.console.aws.amazon.com/guardduty/home?region=us-west-2#/findings?macros=current&fId=${SAMPLE_FINDING_ID}`,
    );
    expect(link).toHaveAttribute('target', '_blank');
    expect(link).toHaveAttribute('rel', 'noreferrer noopener');
  });

  it('says plainly when the finding does not exist', async () => {
    renderDetail('0000000000000000000000000000beef');
    expect(await screen.findByRole('heading', { name: 'Finding not found' })).toBeInTheDocument();
  });

  it('shows GuardDuty errors with their type', async () => {
    server.use(
      http.post(apiPath.getFindings, () =>
        HttpResponse.json({ __type: 'InternalException', message: 'boom' }, { status: 500, headers: { 'x-amzn-ErrorType': 'InternalServerErrorException' } }),
      ),
    );
    renderDetail(SAMPLE_FINDING_ID);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('InternalException');
    expect(alert).toHaveTextContent('boom');
  });

  it('leaves Escape to an open dialog', async () => {
    renderDetail(SAMPLE_FINDING_ID);
    await detailsPanel();
    const dialog = document.body.appendChild(document.createElement('dialog'));
    dialog.setAttribute('open', '');
    act(() => {
      fireEvent.keyDown(dialog, { key: 'Escape' });
    });
    dialog.remove();
    expect(window.location.pathname).toBe(`/findings/${SAMPLE_FINDING_ID}`);
  });

  it('Escape from a pasted link opens the table, selecting the finding', async () => {
    renderDetail(SAMPLE_FINDING_ID);
    await detailsPanel();
    act(() => {
      fireEvent.keyDown(document.body, { key: 'Escape' });
    });
    expect(window.location.pathname).toBe('/');
    const params = new URLSearchParams(window.location.search);
    expect(params.get('detector')).toBe(DEMO_DETECTOR_ID);
    expect(params.get('selected')).toBe(SAMPLE_FINDING_ID);
  });
});
