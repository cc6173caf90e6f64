import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Suspense } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { ErrorBoundary } from './ErrorBoundary';
import { lazyWithRetry } from './lazy';

const Map = ({ label }: { label: string }) => <p>{label} is here</p>;

function quietly<T>(run: () => Promise<T>): Promise<T> {
  // React reports caught errors on the console; the test asserts what the analyst sees instead.
  const spies = [vi.spyOn(console, 'error').mockImplementation(() => {}), vi.spyOn(console, 'warn').mockImplementation(() => {})];
  return run().finally(() => spies.forEach((s) => s.mockRestore()));
}

describe('ErrorBoundary with lazyWithRetry', () => {
  it('a chunk that failed to load shows what failed; "Try again" loads it anew and shows it', () =>
    quietly(async () => {
      const user = userEvent.setup();
      const load = vi
        .fn<() => Promise<{ default: typeof Map }>>()
        .mockRejectedValueOnce(new TypeError('Failed to fetch dynamically imported module: /assets/AttackMapPanel-x1.js'))
        .mockResolvedValue({ default: Map });
      const Lazy = lazyWithRetry(load);
      render(
        <>
          <nav>
            <a href="/overview">Overview</a>
          </nav>
          <ErrorBoundary what="the attack map">
            <Suspense fallback={<p>Loading map…</p>}>
              <Lazy label="The map" />
            </Suspense>
          </ErrorBoundary>
        </>,
      );
      const alert = await screen.findByRole('alert');
      expect(alert).toHaveTextContent('Could not show the attack map.');
      expect(alert).toHaveTextContent('did not load');
      expect(alert).toHaveTextContent('Failed to fetch dynamically imported module: /assets/AttackMapPanel-x1.js');
      expect(screen.getByRole('button', { name: 'Reload the page' })).toBeInTheDocument();
      // The rest of the page is still there.
      expect(screen.getByRole('link', { name: 'Overview' })).toBeInTheDocument();
      await user.click(screen.getByRole('button', { name: 'Try again' }));
      expect(await screen.findByText('The map is here')).toBeInTheDocument();
      expect(screen.queryByRole('alert')).not.toBeInTheDocument();
      expect(load).toHaveBeenCalledTimes(2);
    }));

  it('a chunk that fails again after "Try again" says a reload gets the new version', () =>
    quietly(async () => {
      const user = userEvent.setup();
      const Lazy = lazyWithRetry(() => Promise.reject(new TypeError('Failed to fetch dynamically imported module: /assets/Gone-1.js')));
      render(
        <ErrorBoundary what="the overview">
          <Suspense fallback={<p>Loading…</p>}>
            <Lazy />
          </Suspense>
        </ErrorBoundary>,
      );
      await screen.findByRole('alert');
      await user.click(screen.getByRole('button', { name: 'Try again' }));
      expect(await screen.findByText(/still did not load.*reload the page/)).toBeInTheDocument();
    }));

  it('a render error shows its message as text, and "Try again" renders again', () =>
    quietly(async () => {
      const user = userEvent.setup();
      let fail = true;
      function Panel() {
        if (fail) throw new Error('<img src=x onerror="alert(1)"> broke');
        return <p>Panel content</p>;
      }
      render(
        <ErrorBoundary what="this finding">
          <Panel />
        </ErrorBoundary>,
      );
      const alert = await screen.findByRole('alert');
      expect(alert).toHaveTextContent('Could not show this finding.');
      expect(alert).toHaveTextContent('<img src=x onerror="alert(1)"> broke');
      expect(alert.querySelector('img')).toBeNull();
      // Not a chunk: reloading is not offered.
      expect(screen.queryByRole('button', { name: 'Reload the page' })).not.toBeInTheDocument();
      fail = false;
      await user.click(screen.getByRole('button', { name: 'Try again' }));
      expect(await screen.findByText('Panel content')).toBeInTheDocument();
    }));

  it('a new resetKey (another finding) starts over', () =>
    quietly(async () => {
      function Panel({ id }: { id: string }) {
        if (id === 'bad') throw new Error('bad finding');
        return <p>Finding {id}</p>;
      }
      const { rerender } = render(
        <ErrorBoundary what="this finding" resetKey="bad">
          <Panel id="bad" />
        </ErrorBoundary>,
      );
      await screen.findByRole('alert');
      rerender(
        <ErrorBoundary what="this finding" resetKey="good">
          <Panel id="good" />
        </ErrorBoundary>,
      );
      expect(await screen.findByText('Finding good')).toBeInTheDocument();
    }));

  it('preload() fetches the chunk once; the component then uses it', async () => {
    const load = vi.fn(() => Promise.resolve({ default: Map }));
    const Lazy = lazyWithRetry(load);
    await Lazy.preload();
    render(
      <Suspense fallback={<p>Loading…</p>}>
        <Lazy label="Preloaded" />
      </Suspense>,
    );
    expect(await screen.findByText('Preloaded is here')).toBeInTheDocument();
    expect(load).toHaveBeenCalledTimes(1);
  });
});
