/**
 * The one element a selector names, or an error saying which selector found nothing (so a waitFor
 * polling it reports what it waited for). For the parts of a big screen that role queries would
 * find slowly in jsdom; accessible names are checked where it matters and audited in e2e.
 */
export function one(selector: string): HTMLElement {
  const el = document.querySelector<HTMLElement>(selector);
  if (!el) throw new Error(`Nothing on screen matches ${selector}`);
  return el;
}
