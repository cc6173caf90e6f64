/**
 * The page's keyboard shortcuts: one table of keys (which the help overlay lists) and one hook
 * that listens on the document and owns the guards every shortcut shares. Keys that belong to
 * one element (a row's Enter, a menu's Escape, a map marker's keys) stay on that element.
 */
import { useEffect, useRef } from 'react';
import { isTextEntry } from './keyboard';

/** The keys of the page-wide shortcuts, by what they do. */
export const HOTKEYS = {
  next: 'j',
  previous: 'k',
  focusFilter: '/',
  back: 'Escape',
  help: '?',
} as const;

/** Every shortcut, for the help overlay: the page-wide keys above and the table's own keys. */
export const SHORTCUTS: readonly [keys: string, what: string][] = [
  [`↓ ${HOTKEYS.next} / ↑ ${HOTKEYS.previous}`, 'Next / previous finding in the table; j / k also inside a finding (page or side panel)'],
  ['Home / End', 'First / last loaded finding'],
  ['Enter', 'Open the focused finding'],
  ['Space or x', 'Select the focused finding (Shift-click a box for a range)'],
  [HOTKEYS.focusFilter, 'Focus the filter'],
  [HOTKEYS.back, 'Close a menu or leave the filter; in a finding, back to its row in the table'],
  [HOTKEYS.help, 'Show this help'],
];

/** Where a shortcut must not act: inside a dialog or an open menu panel (their keys are their own), or editable text. */
const OWN_KEYS = 'dialog[open], [role="dialog"], .disclosure-panel, [contenteditable]:not([contenteditable="false"])';
/** A modal dialog is open: page shortcuts wait until it closes. */
const OPEN_DIALOG = 'dialog[open], [role="dialog"]';

/**
 * Whether a key press may trigger a page shortcut: not already handled (defaultPrevented, as an
 * element's own handler does), no modifier other than Shift (and Shift only where it makes the
 * character, as in `?`: not for named keys such as Escape), not typed into a text field, select or
 * contenteditable, not inside a dialog or a menu panel, and no modal dialog open.
 */
export function isPageShortcut(e: KeyboardEvent): boolean {
  if (e.defaultPrevented || e.isComposing) return false;
  if (e.ctrlKey || e.metaKey || e.altKey) return false;
  if (e.shiftKey && e.key.length !== 1) return false;
  const t = e.target;
  if (isTextEntry(t)) return false;
  if (t instanceof Element && t.closest(OWN_KEYS)) return false;
  if (document.querySelector(OPEN_DIALOG)) return false;
  return true;
}

export type HotkeyHandler = (e: KeyboardEvent) => void;

/**
 * Page-wide shortcuts: `useHotkeys({ '/': focusFilter, j: next })`. Keys are KeyboardEvent.key
 * values; a handled key's default action is prevented. The handlers may change on every render
 * (the listener reads the latest ones); `enabled: false` removes the listener.
 */
export function useHotkeys(bindings: Readonly<Record<string, HotkeyHandler | undefined>>, { enabled = true }: { enabled?: boolean } = {}): void {
  const latest = useRef(bindings);
  useEffect(() => {
    latest.current = bindings;
  });
  useEffect(() => {
    if (!enabled) return;
    const onKey = (e: KeyboardEvent) => {
      const handler = latest.current[e.key];
      if (!handler || !isPageShortcut(e)) return;
      e.preventDefault();
      handler(e);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [enabled]);
}
