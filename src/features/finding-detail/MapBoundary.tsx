import { Component, type ReactNode } from 'react';

/** A failed map (no canvas, jsdom…) leaves what it would show to the text beside it. */
export class MapBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  render() {
    return this.state.failed ? null : this.props.children;
  }
}
