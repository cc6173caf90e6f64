import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { healthQuery } from '../api/queries';
import { Dialog } from '../components/Dialog';

/**
 * "What am I looking at?": on demo data only, a header button with a short explanation, so
 * nobody mistakes the emulator's findings for their account's. A button rather than a banner:
 * it does not push the table down when it appears.
 */
export function DemoExplainer() {
  const health = useQuery(healthQuery());
  const [open, setOpen] = useState(false);
  if (health.data?.source !== 'demo') return null;
  return (
    <>
      <button type="button" className="button button-quiet" onClick={() => setOpen(true)} aria-haspopup="dialog">
        What am I looking at?
      </button>
      <Dialog open={open} onClose={() => setOpen(false)} title="What am I looking at?">
        <p>
          These are <strong>demo findings</strong> from a built-in GuardDuty emulator, not from an AWS account. They follow GuardDuty's
          real API: hundreds of findings across finding types, instances and access keys, with remote IPs in over 40 countries. The
          second detector in the picker holds 10,000 findings to try the dashboard at scale. A few findings carry attacker-style text
          (HTML and script tags) to show that it is displayed as plain text.
        </p>
        <p>
          Sort by any column GuardDuty can sort on, filter with the controls above the table, open a finding for every detail, and
          show the attack map to see where remote IPs are. Press <kbd>?</kbd> for keyboard shortcuts. Start the server with{' '}
          <code>--source aws</code> to look at a real account (read-only).
        </p>
      </Dialog>
    </>
  );
}
