import { screenHref } from '../view/paths';
import { linkClick, matchPath } from '../view/router';
import { useViewState } from '../view/url-state';

const TABS = [
  { screen: 'findings', label: 'Findings' },
  { screen: 'overview', label: 'Overview' },
] as const;

/** Findings | Overview: two views of the same detector and filters (each link carries the view state). */
export function ViewTabs() {
  const { state, pathname } = useViewState();
  const current = matchPath(pathname).screen;
  return (
    <nav className="view-tabs" aria-label="Views">
      {TABS.map((tab) => {
        const href = screenHref(tab.screen, state);
        return (
          <a key={tab.screen} className="view-tab" href={href} aria-current={tab.screen === current ? 'page' : undefined} onClick={linkClick(href)}>
            {tab.label}
          </a>
        );
      })}
    </nav>
  );
}
