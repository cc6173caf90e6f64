import userEvent, { PointerEventsCheckLevel } from '@testing-library/user-event';

/**
 * user-event without its pointer-events check: the app sets pointer-events nowhere and jsdom loads
 * no stylesheet, so the check (getComputedStyle on every ancestor, per action) can find nothing,
 * and it was most of a click's cost.
 */
export const setupUser = () => userEvent.setup({ pointerEventsCheck: PointerEventsCheckLevel.Never });
