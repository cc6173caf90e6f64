import { describe, expect, it } from 'vitest';
import type { FindingsPage } from '../api/queries';
import { flattenPages } from './findings-view';

const page = (ids: string[], nextToken?: string): FindingsPage => ({ ids, findings: ids.map((id) => ({ id })), missingIds: [], nextToken });

describe('flattenPages', () => {
  it('keeps ListFindings order across pages and drops an id a later page repeats', () => {
    expect(flattenPages([page(['c', 'a'], 't'), page(['a', 'b'])]).map((f) => f.id)).toEqual(['c', 'a', 'b']);
    expect(flattenPages(undefined)).toEqual([]);
  });
});
