import { useCallback, useEffect, useId, useRef, useState, type ReactNode } from 'react';

/**
 * A button that opens a small panel (column settings, export). Escape or a click
 * outside closes it; Escape returns focus to the button.
 */
export function Disclosure({
  label,
  buttonLabel,
  className,
  children,
}: {
  label: ReactNode;
  /** Accessible name when the visible label is not enough. */
  buttonLabel?: string;
  className?: string;
  children: (close: () => void) => ReactNode;
}) {
  const [open, setOpen] = useState(false);
  const id = useId();
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  // By id, not ref: the panel's content receives this during render.
  const close = useCallback(() => {
    setOpen(false);
    document.getElementById(`${id}-button`)?.focus();
  }, [id]);

  useEffect(() => {
    if (!open) return;
    const onPointer = (e: PointerEvent) => {
      if (root.current && !root.current.contains(e.target as Node)) setOpen(false);
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        e.preventDefault();
        e.stopPropagation();
        setOpen(false);
        button.current?.focus();
      }
    };
    document.addEventListener('pointerdown', onPointer);
    document.addEventListener('keydown', onKey, true);
    return () => {
      document.removeEventListener('pointerdown', onPointer);
      document.removeEventListener('keydown', onKey, true);
    };
  }, [open]);

  return (
    <div className={`disclosure${className ? ` ${className}` : ''}`} ref={root}>
      <button
        ref={button}
        id={`${id}-button`}
        type="button"
        className="button"
        aria-expanded={open}
        aria-controls={id}
        aria-label={buttonLabel}
        onClick={() => setOpen((o) => !o)}
      >
        {label} <span aria-hidden="true">▾</span>
      </button>
      {open && (
        <div className="disclosure-panel" id={id}>
          {children(close)}
        </div>
      )}
    </div>
  );
}
