import { useEffect, useState } from 'react';
import { Dialog } from '../components/Dialog';

/** Keyboard shortcuts, one list for the overlay; each feature implements its own keys. */
export const SHORTCUTS: readonly [keys: string, what: string][] = [
  ['↑ ↓ or j k', 'Move between findings in the table'],
  ['Enter', 'Open the focused finding'],
  ['Space', 'Select the focused finding (Shift-click selects a range)'],
  ['/', 'Focus the filters'],
  ['Escape', 'Close the open panel, or go back from a finding to the table'],
  ['?', 'Show this help'],
];

/** Typing in a field must never trigger a shortcut. */
export function isTypingTarget(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName));
}

/** The `?` overlay listing the shortcuts. */
export function HelpOverlay() {
  const [open, setOpen] = useState(false);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === '?' && !e.ctrlKey && !e.metaKey && !e.altKey && !isTypingTarget(e.target)) {
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
