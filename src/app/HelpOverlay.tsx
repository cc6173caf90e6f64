import { useState } from 'react';
import { Dialog } from '../components/Dialog';
import { HOTKEYS, SHORTCUTS, useHotkeys } from '../lib/hotkeys';

/** The `?` overlay listing the shortcuts (one table: lib/hotkeys). */
export function HelpOverlay() {
  const [open, setOpen] = useState(false);
  useHotkeys({ [HOTKEYS.help]: () => setOpen(true) });
  return (
    <>
      <button type="button" className="button button-quiet help-button" onClick={() => setOpen(true)} aria-haspopup="dialog">
        <span aria-hidden="true">?</span>
        <span className="visually-hidden">Keyboard shortcuts</span>
      </button>
      <Dialog open={open} onClose={() => setOpen(false)} title="Keyboard shortcuts">
        <dl className="shortcut-list">
          {SHORTCUTS.map(([keys, what]) => (
            <div key={keys}>
              <dt>
                <kbd>{keys}</kbd>
              </dt>
              <dd>{what}</dd>
            </div>
          ))}
        </dl>
      </Dialog>
    </>
  );
}
