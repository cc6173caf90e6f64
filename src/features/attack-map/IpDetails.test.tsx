import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { Finding } from '../../guardduty';
import { aggregateFindings } from './aggregate';
import { IpDetails } from './IpDetails';

const IMG = '<img src=x onerror=alert(1)>';
const SCRIPT = '<script>alert(1)</script>';
const SVG = '"><svg onload=alert(1)>';

function hostile(id: string, severity: number, title: string): Finding {
  return {
    id,
    severity,
    title,
    type: `Recon:EC2/${SCRIPT}`,
    service: {
      eventFirstSeen: '2024-05-01T10:00:00Z',
      eventLastSeen: '2024-05-02T10:00:00.000Z',
      action: {
        networkConnectionAction: {
          remoteIpDetails: {
            ipAddressV4: '198.51.100.66',
            organization: { asn: '64512', asnOrg: SVG, isp: 'javascript:alert(1)', org: SCRIPT },
            city: { cityName: IMG },
            country: { countryName: 'Netherlands' },
            geoLocation: { lat: 52.37, lon: 4.9 },
          },
        },
      },
    },
  };
}

describe('IpDetails', () => {
  const data = aggregateFindings([hostile('f-1', 9.1, `${SCRIPT} brute force against ${IMG}`), hostile('f-2', 5, 'Port probe'), hostile('f-3', 2, 'Low one')]);
  const ip = data.byIp.get('198.51.100.66')!;

  it('shows the IP, organisation, ASN, place, counts by band, types and findings, all as text', () => {
    const { container } = render(<IpDetails ip={ip} onOpenFinding={() => {}} />);
    expect(screen.getByRole('heading', { name: '198.51.100.66' })).toBeInTheDocument();
    expect(container).toHaveTextContent(SCRIPT);
    expect(container).toHaveTextContent(SVG);
    expect(container).toHaveTextContent(`${IMG}, Netherlands`);
    expect(container).toHaveTextContent('AS64512');
    expect(container).toHaveTextContent('3 findings');
    const bands = within(screen.getByRole('list', { name: 'Findings by severity' }));
    expect(bands.getByText('Critical').parentElement).toHaveTextContent('Critical 1');
    expect(bands.getByText('Medium').parentElement).toHaveTextContent('Medium 1');
    expect(bands.getByText('Low').parentElement).toHaveTextContent('Low 1');
    expect(container).toHaveTextContent(`Recon:EC2/${SCRIPT} ×3`);
    // Nothing became markup.
    expect(container.querySelectorAll('img, script, svg, [onerror], [onload]')).toHaveLength(0);
  });

  it('links each finding, most severe first, and opens it in the app', async () => {
    const open = vi.fn();
    render(<IpDetails ip={ip} onOpenFinding={open} />);
    const links = screen.getAllByRole('link');
    expect(links.map((a) => a.textContent)).toEqual([`${SCRIPT} brute force against ${IMG}`, 'Port probe', 'Low one']);
    expect(links[0]).toHaveAttribute('href', expect.stringMatching(/^\/findings\/f-1\?.*selected=f-1/));
    await userEvent.click(links[0]);
    expect(open).toHaveBeenCalledWith('f-1');
  });

  it('offers the table on narrow screens only when asked', async () => {
    const show = vi.fn();
    const { rerender } = render(<IpDetails ip={ip} onOpenFinding={() => {}} />);
    expect(screen.queryByRole('button', { name: 'Show in the table' })).toBeNull();
    rerender(<IpDetails ip={ip} onOpenFinding={() => {}} onShowInTable={show} />);
    await userEvent.click(screen.getByRole('button', { name: 'Show in the table' }));
    expect(show).toHaveBeenCalled();
  });
});
