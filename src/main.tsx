import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { applyMapBesideTableDefault } from './app/map-default';
import { matchPath } from './view/router';
import './app/styles.css';

async function boot() {
  // Dev server and static demo answer /api in the browser; the production build talks to server/.
  if (import.meta.env.DEV || import.meta.env.VITE_STATIC_DEMO === '1') {
    const { startMockWorker } = await import('./app/dev-mocks');
    await startMockWorker();
  }
  if (matchPath(window.location.pathname).screen === 'findings') applyMapBesideTableDefault();
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}

void boot();
