import { fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SHORTCUTS, useHotkeys } from './hotkeys';

function Keys({ j, escape, help, enabled = true }: { j: () => void; escape?: () => void; help?: () => void; enabled?: boolean }) {
  useHotkeys({ j, Escape: escape, '?': help }, { enabled });
  return (
    <div>
      <button type="button">plain button</button>
      <input aria-label="text field" />
      <input aria-label="checkbox" type="checkbox" />
      <select aria-label="choice">
        <option>a</option>
      </select>
      <textarea aria-label="notes" />
      <div aria-label="editable" contentEditable suppressContentEditableWarning>
        <span>inside editable</span>
      </div>
      <div className="disclosure-panel">
        <button type="button">menu item</button>
      </div>
      <dialog aria-label="closed dialog">
        <button type="button">in a closed dialog</button>
      </dialog>
    </div>
  );
}

const press = (target: Element, key: string, init: KeyboardEventInit = {}) => fireEvent.keyDown(target, { key, bubbles: true, cancelable: true, ...init });

describe('useHotkeys', () => {
  afterEach(() => document.querySelectorAll('[data-test-dialog]').forEach((d) => d.remove()));

  it('calls the handler of the pressed key from anywhere on the page, and prevents its default', () => {
    const j = vi.fn();
    render(<Keys j={j} />);
    expect(press(document.body, 'j')).toBe(false); // fireEvent returns false when prevented
    press(screen.getByRole('button', { name: 'plain button' }), 'j');
    press(screen.getByRole('checkbox'), 'j');
    expect(j).toHaveBeenCalledTimes(3);
  });

  it('ignores keys typed into a text field, a select, a textarea or contenteditable', () => {
    const j = vi.fn();
    render(<Keys j={j} />);
    for (const el of [screen.getByRole('textbox', { name: 'text field' }), screen.getByRole('combobox'), screen.getByRole('textbox', { name: 'notes' }), screen.getByText('inside editable')]) {
      expect(press(el, 'j')).toBe(true);
    }
    expect(j).not.toHaveBeenCalled();
  });

  it('ignores Ctrl, Meta and Alt; Shift only where it makes the character', () => {
    const j = vi.fn();
    const escape = vi.fn();
    const help = vi.fn();
    render(<Keys j={j} escape={escape} help={help} />);
    press(document.body, 'j', { ctrlKey: true });
    press(document.body, 'j', { metaKey: true });
    press(document.body, 'j', { altKey: true });
    press(document.body, 'Escape', { shiftKey: true });
    expect(j).not.toHaveBeenCalled();
    expect(escape).not.toHaveBeenCalled();
    press(document.body, '?', { shiftKey: true });
    expect(help).toHaveBeenCalledTimes(1);
    press(document.body, 'Escape');
    expect(escape).toHaveBeenCalledTimes(1);
  });

  it('ignores a key already handled by an element, and keys inside a menu panel', () => {
    const j = vi.fn();
    render(<Keys j={j} />);
    const button = screen.getByRole('button', { name: 'plain button' });
    const stop = (e: KeyboardEvent) => e.preventDefault();
    button.addEventListener('keydown', stop);
    press(button, 'j');
    button.removeEventListener('keydown', stop);
    press(screen.getByRole('button', { name: 'menu item' }), 'j');
    expect(j).not.toHaveBeenCalled();
    // A closed dialog owns no keys (React may have focused its autofocus button while it was closed).
    press(screen.getByText('in a closed dialog'), 'j');
    expect(j).toHaveBeenCalledTimes(1);
  });

  it('waits while a modal dialog is open, anywhere on the page', () => {
    const j = vi.fn();
    render(<Keys j={j} />);
    // A closed <dialog> in the page does not count.
    press(document.body, 'j');
    expect(j).toHaveBeenCalledTimes(1);
    // An open <dialog>, and an element with the dialog role.
    for (const [tag, attribute, value] of [['dialog', 'open', ''], ['div', 'role', 'dialog']]) {
      const modal = document.createElement(tag);
      modal.setAttribute(attribute, value);
      document.body.append(modal);
      press(document.body, 'j');
      expect(j).toHaveBeenCalledTimes(1);
      modal.remove();
    }
  });

  it('does nothing for other keys or when disabled, and reads the latest handlers', () => {
    const first = vi.fn();
    const second = vi.fn();
    const { rerender } = render(<Keys j={first} />);
    expect(press(document.body, 'x')).toBe(true);
    rerender(<Keys j={second} />);
    press(document.body, 'j');
    expect(first).not.toHaveBeenCalled();
    expect(second).toHaveBeenCalledTimes(1);
    rerender(<Keys j={second} enabled={false} />);
    expect(press(document.body, 'j')).toBe(true);
    expect(second).toHaveBeenCalledTimes(1);
  });

  it("lists each page-wide key in the help's one table", () => {
    const keys = SHORTCUTS.map(([k]) => k).join(' ');
    for (const k of ['j', 'k', '/', 'Escape', '?']) expect(keys).toContain(k);
  });
});
