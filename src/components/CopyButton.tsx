import './CopyButton.css';
import { useEffect, useRef, useState } from 'react';

type CopyState = 'idle' | 'copied' | 'failed';

async function writeClipboard(text: string): Promise<void> {
  if (navigator.clipboard?.writeText) {
    await navigator.clipboard.writeText(text);
    return;
  }
  // Plain-HTTP pages on another host have no Clipboard API: fall back to a hidden textarea.
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.className = 'visually-hidden';
  document.body.append(area);
  area.select();
  const ok = document.execCommand('copy');
  area.remove();
  if (!ok) throw new Error('copy refused');
}

/**
 * One polite live region for every copy button, created when the first button mounts (a region
 * must exist before its text changes for screen readers to announce it).
 */
function liveRegion(): HTMLElement {
  let region = document.getElementById('copy-announcer');
  if (!region) {
    region = document.createElement('div');
    region.id = 'copy-announcer';
    region.className = 'visually-hidden';
    region.setAttribute('role', 'status');
    document.body.append(region);
  }
  return region;
}

const announce = (text: string) => {
  liveRegion().textContent = text;
};

/**
 * Copies a value (an ID, IP, ARN…) to the clipboard. The accessible name says what is copied
 * ("Copy instance ID"); after a click the button reads "Copied" for a moment, and that is
 * announced through a polite live region.
 */
export function CopyButton({ value, label, className }: { value: string; label: string; className?: string }) {
  const [state, setState] = useState<CopyState>('idle');
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => {
    liveRegion();
    return () => clearTimeout(timer.current);
  }, []);

  const copy = async () => {
    clearTimeout(timer.current);
    try {
      await writeClipboard(value);
      setState('copied');
      announce(`Copied: ${label}`);
    } catch {
      setState('failed');
      announce(`Copy failed: ${label}`);
    }
    timer.current = setTimeout(() => setState('idle'), 1600);
  };

  const text = state === 'copied' ? 'Copied' : 'Copy failed';
  return (
    <button
      type="button"
      className={`copy-button copy-${state}${className ? ` ${className}` : ''}`}
      onClick={copy}
      aria-label={`Copy ${label}`}
      title={`Copy ${label}`}
    >
      <svg aria-hidden="true" focusable="false" viewBox="0 0 16 16" width="12" height="12">
        {state === 'copied' ? (
          <path d="M3 8.5l3 3 7-7" fill="none" stroke="currentColor" strokeWidth="1.8" />
        ) : (
          <path d="M5 1.5h7.5a1 1 0 0 1 1 1V11M3.5 4.5h6.5a1 1 0 0 1 1 1v8a1 1 0 0 1-1 1H3.5a1 1 0 0 1-1-1v-8a1 1 0 0 1 1-1z" fill="none" stroke="currentColor" strokeWidth="1.4" />
        )}
      </svg>
      {state !== 'idle' && <span className="copy-text">{text}</span>}
    </button>
  );
}
