import { Component, type ErrorInfo, type ReactNode } from 'react';
import { isChunkLoadError, retryFailedChunks } from './lazy';
import './ErrorBoundary.css';

interface Props {
  /** What is shown here, in plain words for "Could not show …": "the attack map", "this finding". */
  what: string;
  children: ReactNode;
  /** A new value starts over (another finding, another screen). */
  resetKey?: unknown;
  /** Puts the fallback where the content would have been (a screen's <main>, the side panel). */
  frame?: (fallback: ReactNode) => ReactNode;
}

interface State {
  error?: unknown;
  /** Failed again after "Try again". */
  again: boolean;
  resetKey?: unknown;
}

/**
 * One screen's or one panel's failure stays there: a render error or a chunk that did not load
 * shows what failed and "Try again" (which loads a failed chunk anew), and the header, the
 * navigation and the rest of the page keep working. A chunk that does not load after a retry is
 * most likely gone (a new deployment replaced the files): then reloading the page is the fix.
 */
export class ErrorBoundary extends Component<Props, State> {
  state: State = { again: false, resetKey: this.props.resetKey };

  static getDerivedStateFromError(error: unknown): Partial<State> {
    return { error };
  }

  static getDerivedStateFromProps(props: Props, state: State): Partial<State> | null {
    return props.resetKey !== state.resetKey ? { error: undefined, again: false, resetKey: props.resetKey } : null;
  }

  componentDidCatch(error: unknown, info: ErrorInfo): void {
    // Kept in the console for whoever debugs it; the analyst sees the fallback.
    console.warn(`Could not show ${this.props.what}:`, error, info.componentStack);
  }

  private retry = () => {
    retryFailedChunks();
    this.setState({ error: undefined, again: true });
  };

  render(): ReactNode {
    const { error, again } = this.state;
    if (error === undefined) return this.props.children;
    const chunk = isChunkLoadError(error);
    const message = error instanceof Error ? error.message : String(error);
    const fallback = (
      <div className="screen-error" role="alert">
        <p className="screen-error-title">
          <strong>Could not show {this.props.what}.</strong>
        </p>
        <p>
          {chunk
            ? again
              ? 'This part of the app still did not load. A new version of Findings Atlas was probably deployed since this page was opened: reload the page to get it.'
              : 'This part of the app did not load: the connection may have dropped, or a new version was deployed since this page was opened.'
            : 'Something went wrong while showing it. The rest of the app still works.'}
        </p>
        <p className="screen-error-detail">
          <code>{message}</code>
        </p>
        <p className="screen-error-actions">
          <button type="button" className="button button-primary" onClick={this.retry}>
            Try again
          </button>
          {chunk && (
            <button type="button" className="button" onClick={() => window.location.reload()}>
              Reload the page
            </button>
          )}
        </p>
      </div>
    );
    return this.props.frame ? this.props.frame(fallback) : fallback;
  }
}
