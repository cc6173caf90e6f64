import { QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { demoFindings, SAMPLE_FINDING_ID } from '../../test/msw';
import type { Finding } from '../../guardduty';
import { createQueryClient } from '../../api/query-client';
import { FindingView } from './FindingDetailScreen';
import { formatValue } from './format';
import { detailsView, missingLeaves, renderDetail, screen, serveFinding, within } from './test-utils';

const findings = demoFindings();
const first = (predicate: (f: Finding) => boolean) => {
  const hit = findings.find(predicate);
  if (!hit) throw new Error('no such finding in the demo dataset');
  return hit;
};
/** The first finding of each type in the demo dataset, by type. */
const FIRST_OF_EACH_TYPE: [string, Finding][] = (() => {
  const byType = new Map<string, Finding>();
  for (const f of findings) if (f.type && !byType.has(f.type)) byType.set(f.type, f);
  return [...byType];
})();
const sample = () => structuredClone(first((f) => f.id === SAMPLE_FINDING_ID));
/** additionalInfo.value is a JSON string: the page shows what it says, not the string. */
const skipInfoValue = (leaf: { path: (string | number)[] }) => leaf.path.join('.') === 'service.additionalInfo.value';

const heading = (container: HTMLElement, name: string | RegExp) => within(container).queryByRole('heading', { level: 2, name });

describe('FindingDetailScreen: sections by finding shape', () => {
  it('shows an AccessKey finding: access key, API call, remote IP', async () => {
    const finding = first((f) => f.resource?.resourceType === 'AccessKey' && !!f.service?.action?.awsApiCallAction?.remoteIpDetails);
    renderDetail(finding.id);
    const view = await detailsView();
    const key = finding.resource!.accessKeyDetails!;
    expect(heading(view, 'Access key')).toBeInTheDocument();
    expect(heading(view, 'Instance')).toBeNull();
    for (const value of [key.accessKeyId, key.principalId, key.userType, key.userName]) expect(within(view).getAllByText(value!).length).toBeGreaterThan(0);
    expect(within(view).getAllByText(finding.service!.action!.awsApiCallAction!.api!).length).toBeGreaterThan(0);
    expect(heading(view, 'Remote IP')).toBeInTheDocument();
    expect(missingLeaves(view, finding, formatValue, skipInfoValue)).toEqual([]);
  });

  it('shows each probed port of a port probe with its remote IP', async () => {
    const finding = first((f) => (f.service?.action?.portProbeAction?.portProbeDetails?.length ?? 0) > 1);
    renderDetail(finding.id);
    const view = await detailsView();
    const table = within(view).getByRole('table', { name: /Probed ports/ });
    const probes = finding.service!.action!.portProbeAction!.portProbeDetails!;
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(probes.length);
    probes.forEach((probe, i) => {
      expect(rows[i]).toHaveTextContent(String(probe.localPortDetails!.port));
      expect(rows[i]).toHaveTextContent(probe.remoteIpDetails!.ipAddressV4!);
    });
    // Remote IP pivots of port probes filter on Remote IP of any action (port probe included).
    const link = within(rows[0]).getByRole('link');
    expect(new URL(link.getAttribute('href')!, 'http://x').searchParams.get('anyIp')).toBe(probes[0].remoteIpDetails!.ipAddressV4);
    expect(missingLeaves(view, finding, formatValue, skipInfoValue)).toEqual([]);
  });

  it('omits the action and remote IP of a finding without an action, without gaps or errors', async () => {
    const finding = sample();
    finding.id = '00000000000000000000000000noaction';
    delete finding.service!.action;
    serveFinding(finding);
    renderDetail(finding.id);
    const view = await detailsView();
    expect(heading(view, 'Action')).toBeNull();
    expect(heading(view, /Remote IP/)).toBeNull();
    expect(heading(view, 'Overview')).toBeInTheDocument();
    expect(heading(view, 'Instance')).toBeInTheDocument();
    expect(screen.queryByRole('alert')).toBeNull();
    expect(missingLeaves(view, finding, formatValue)).toEqual([]);
  });

  it('shows fields, resource kinds and action types it does not know, generically and in the raw JSON', async () => {
    const finding = sample() as Finding & Record<string, unknown>;
    finding.id = '0000000000000000000000000unknowns';
    finding.findingTypeVersion = 7;
    finding.futureTopLevel = { nested: { deeper: 'deep-value', flag: true }, list: ['first-item', 'second-item'], nothing: null };
    finding.resource!.lambdaDetails = { functionName: 'report-builder', functionArn: 'arn:aws:lambda:us-west-2:123456789012:function:report-builder', tags: [{ key: 'team', value: 'data' }] };
    finding.resource!.futureResourceField = 'resource-extra';
    finding.resource!.instanceDetails!.futureInstanceField = 'instance-extra';
    finding.service!.runtimeDetails = { process: { name: 'xmrig', pid: 4242, startTime: '2018-02-09T22:50:00Z', lineage: [{ pid: 1, name: 'systemd' }] } };
    finding.service!.action = {
      actionType: 'FUTURE_ACTION',
      futureAction: { verb: 'exfiltrate', remoteIpDetails: { ipAddressV4: '203.0.113.9', country: { countryName: 'Atlantis' }, geoLocation: { lat: 48.85, lon: 2.35 } } },
    };
    serveFinding(finding);
    renderDetail(finding.id);
    const view = await detailsView();
    expect(missingLeaves(view, finding, formatValue)).toEqual([]);
    expect(heading(view, 'Lambda function')).toBeInTheDocument();
    expect(heading(view, 'Runtime activity')).toBeInTheDocument();
    expect(heading(view, 'Future top level')).toBeInTheDocument();
    expect(heading(view, 'Action')).toHaveTextContent('Action');
    expect(within(view).getByRole('heading', { level: 3, name: 'Future action' })).toBeInTheDocument();
    // The remote IP of an unknown action type is shown, but not pivoted or mapped (no filter for it).
    expect(heading(view, 'Remote IP')).toBeInTheDocument();
    expect(within(view).queryByRole('link', { name: /203\.0\.113\.9/ })).toBeNull();
    expect(within(view).queryByRole('link', { name: 'Show on the attack map' })).toBeNull();

    screen.getByRole('tab', { name: 'Raw JSON' }).click();
    const raw = await screen.findByLabelText('Finding JSON');
    expect(JSON.parse(raw.textContent!)).toEqual(finding);
  });

  it('the demo dataset has many finding types to check', () => {
    expect(FIRST_OF_EACH_TYPE.length).toBeGreaterThan(20);
  });

  // Each finding straight into the view that shows a loaded finding: fetching it is proven above
  // (and in FindingDetailScreen.test.tsx); here what counts is what the view shows of each shape.
  it.each(FIRST_OF_EACH_TYPE)('drops nothing from a finding of type %s', (_type, finding) => {
    const { container } = render(
      <QueryClientProvider client={createQueryClient()}>
        <FindingView finding={finding} inPanel={false} />
      </QueryClientProvider>,
    );
    // What detailsView() checks, by selector: role queries over a whole page are slow in jsdom.
    const view = container.querySelector<HTMLElement>('article.finding-detail')!;
    expect(view.querySelector('[role="tab"][aria-selected="true"]')).toHaveTextContent('Details');
    expect(view.querySelector('pre')).toBeNull();
    expect(missingLeaves(view, finding, formatValue, skipInfoValue)).toEqual([]);
  });
});
