/**
 * Starts the MSW worker over the GuardDuty emulator when the SPA runs without a server:
 * `npm run dev` and the static demo build. Imported dynamically behind import.meta.env flags,
 * so the production build contains no MSW.
 */
export async function startMockWorker(): Promise<void> {
  const { worker } = await import('../../mocks/browser');
  await worker.start({ onUnhandledRequest: 'bypass', quiet: true, serviceWorker: { url: `${import.meta.env.BASE_URL}mockServiceWorker.js` } });
}
