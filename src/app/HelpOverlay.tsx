import { useEffect, useState } from 'react';
import { Dialog } from '../components/Dialog';
import { isTextEntry } from '../lib/keyboard';

/** Keyboard shortcuts, one list for the overlay; each screen implements its own keys. */
export const SHORTCUTS: readonly [keys: string, what: string][] = [
  ['↓ j / ↑ k', 'Next / previous finding in the table; j / k also inside a finding (page or side panel)'],
  ['Home / End', 'First / last loaded finding'],
  ['Enter', 'Open the focused finding'],
  ['Space or x', 'Select the focused finding (Shift-click a box for a range)'],
  ['/', 'Focus the filter'],
  ['Escape', 'Close a menu or leave the filter; in a finding, back to its row in the table'],
  ['?', 'Show this help'],
];

/** The `?` overlay listing the shortcuts. */
export function HelpOverlay() {
  const [open, setOpen] = useState(false);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === '?' && !e.ctrlKey && !e.metaKey && !e.altKey && !isTextEntry(e.target)) {
        e.preventDefault();
        setOpen(true);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
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
