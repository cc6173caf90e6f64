import { linkClick, matchPath, OVERVIEW_PATH } from '../view/router';
import { useViewState, viewHref } from '../view/url-state';

const TABS = [
  { screen: 'findings', label: 'Findings', path: '/' },
  { screen: 'overview', label: 'Overview', path: OVERVIEW_PATH },
] as const;

/** Findings | Overview: two views of the same detector and filters (each link carries the view state). */
export function ViewTabs() {
  const { state, pathname } = useViewState();
  const current = matchPath(pathname).screen;
  return (
    <nav className="view-tabs" aria-label="Views">
      {TABS.map((tab) => {
        const href = viewHref(tab.path, state);
        return (
          <a key={tab.screen} className="view-tab" href={href} aria-current={tab.screen === current ? 'page' : undefined} onClick={linkClick(href)}>
            {tab.label}
          </a>
        );
      })}
    </nav>
  );
}
