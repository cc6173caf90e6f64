/**
 * How a finding opens: as a page of its own, or in a side panel over the table (as the GuardDuty
 * console offers). The URL says it (`panel=1` / `panel=0`); without it, this browser's last choice
 * decides. And the row to bring back into view (and focus) when the analyst returns to the table.
 */
import { useCallback, useEffect, useRef } from 'react';
import { useViewState, type ViewState } from './url-state';

const KEY = 'findings-atlas:detail-panel';

function remembered(): boolean {
  try {
    return window.localStorage.getItem(KEY) === '1';
  } catch {
    return false;
  }
}

export function rememberPanelChoice(panel: boolean): void {
  try {
    window.localStorage.setItem(KEY, panel ? '1' : '0');
  } catch {
    // Storage refused (private mode): the URL still carries the choice.
  }
}

/** Whether findings open in the side panel in this view state. */
export const isPanelMode = (state: Pick<ViewState, 'panel'>): boolean => state.panel ?? remembered();

/** The current choice and a switch that remembers it and writes it to the URL. */
export function usePanelMode(): { panel: boolean; setPanel(panel: boolean): void } {
  const { state, update } = useViewState();
  const setPanel = useCallback(
    (panel: boolean) => {
      rememberPanelChoice(panel);
      update((s) => ({ ...s, panel }), { replace: true });
    },
    [update],
  );
  return { panel: isPanelMode(state), setPanel };
}

// One pending request at a time: the finding whose row the table should show (and focus) next.
let pending: { id: string; focus: boolean } | undefined;

/** Asks the findings table to bring this finding's row into view, and to focus it when `focus`. */
export function requestRowReveal(id: string, focus = true): void {
  pending = { id, focus };
  window.dispatchEvent(new Event('findings-atlas:reveal-row'));
}

/**
 * Brings a row of the (virtualized) findings table into view and optionally focuses it: waits for
 * the table, scrolls by whole rows towards it (its place in the list from `indexOf`) until it is
 * rendered, then centres it if it is not fully visible below the sticky header. Gives up after
 * `attempts` frames (a row not in the loaded list).
 */
export function revealRow(scroller: () => HTMLElement | null, id: string, focus: boolean, indexOf: (id: string) => number, attempts = 120): () => void {
  let frame = 0;
  let left = attempts;
  const step = () => {
    const el = scroller();
    const row = el?.querySelector<HTMLElement>(`tr[data-finding-id="${CSS.escape(id)}"]`);
    if (el && row) {
      const head = el.querySelector<HTMLElement>('thead')?.offsetHeight ?? 0;
      const box = el.getBoundingClientRect();
      const r = row.getBoundingClientRect();
      if (r.top < box.top + head || r.bottom > box.bottom) el.scrollTop += r.top - (box.top + head + (box.height - head - r.height) / 2);
      if (focus) row.focus({ preventScroll: true });
      return;
    }
    if (left-- <= 0) return;
    const rendered = el ? [...el.querySelectorAll<HTMLElement>('tr[data-index]')] : [];
    const target = indexOf(id);
    if (el && rendered.length > 0 && target >= 0) {
      const first = Number(rendered[0].dataset.index);
      const last = Number(rendered[rendered.length - 1].dataset.index);
      const height = rendered[0].getBoundingClientRect().height || 36;
      el.scrollTop += (target < first ? target - first : target > last ? target - last : 0) * height;
    }
    frame = requestAnimationFrame(step);
  };
  frame = requestAnimationFrame(step);
  return () => cancelAnimationFrame(frame);
}

/** Runs reveal requests against the table's scroll element; `indexOf` gives a finding's place in the list. */
export function useRowReveal(scroller: () => HTMLElement | null, indexOf: (id: string) => number): void {
  const latest = useRef({ scroller, indexOf });
  useEffect(() => {
    latest.current = { scroller, indexOf };
  });
  useEffect(() => {
    let cancel: (() => void) | undefined;
    const run = () => {
      if (!pending) return;
      const { id, focus } = pending;
      pending = undefined;
      cancel?.();
      cancel = revealRow(() => latest.current.scroller(), id, focus, (x) => latest.current.indexOf(x));
    };
    run();
    window.addEventListener('findings-atlas:reveal-row', run);
    return () => {
      window.removeEventListener('findings-atlas:reveal-row', run);
      cancel?.();
    };
  }, []);
}
