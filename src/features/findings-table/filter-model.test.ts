import { describe, expect, it } from 'vitest';
import { criteriaFromFilters, DEFAULT_FILTERS, type Filters } from '../../view/filters';
import { addListValue, epochToInput, filterChips, inputToEpoch, setSeverityFrom } from './filter-model';

describe('filter model', () => {
  it('makes one removable chip per value and none for the default status', () => {
    expect(filterChips(DEFAULT_FILTERS)).toEqual([]);
    let f: Filters = addListValue(DEFAULT_FILTERS, 'type', 'Recon:EC2/Portscan');
    f = addListValue(f, 'type', 'Trojan:EC2/DropPoint');
    f = addListValue(f, 'type', 'Trojan:EC2/DropPoint');
    f = { ...f, severity: { from: 'high', to: 'critical' }, updated: { window: '7d' }, archived: 'all' };
    const chips = filterChips(f);
    expect(chips.map((c) => c.label)).toEqual([
      'Finding type: Recon:EC2/Portscan',
      'Finding type: Trojan:EC2/DropPoint',
      'Severity: High or higher',
      'Updated: last 7 days',
      'Status: Current and archived',
    ]);
    const without = chips[0].remove(f);
    expect(without.lists.type).toEqual(['Trojan:EC2/DropPoint']);
    expect(chips[1].remove(without).lists.type).toBeUndefined();
  });

  it('one condition per field: values of a field are OR-ed in one eq list', () => {
    let f = addListValue(DEFAULT_FILTERS, 'inRegion', 'us-east-1');
    f = addListValue(f, 'inRegion', 'eu-west-1');
    expect(criteriaFromFilters(f, 0).criterion?.region).toEqual({ eq: ['us-east-1', 'eu-west-1'] });
  });

  it('keeps the severity range ordered', () => {
    const f = setSeverityFrom({ ...DEFAULT_FILTERS, severity: { from: 'low', to: 'medium' } }, 'high');
    expect(f.severity).toEqual({ from: 'high', to: 'high' });
    expect(setSeverityFrom(f, '').severity).toBeUndefined();
  });

  it('converts custom times in UTC', () => {
    const ms = Date.UTC(2024, 0, 2, 3, 4);
    expect(epochToInput(ms, false)).toBe('2024-01-02T03:04');
    expect(inputToEpoch('2024-01-02T03:04', false)).toBe(ms);
    expect(inputToEpoch('', false)).toBeUndefined();
  });
});

describe('only attributes GuardDuty accepts', () => {
  it('every criterion the filter controls can produce is a documented filter attribute', async () => {
    const { FILTER_ATTRIBUTES } = await import('../../guardduty/filter-attributes');
    const { LIST_FILTERS } = await import('../../view/filters');
    const all: Filters = {
      lists: Object.fromEntries(LIST_FILTERS.map((f) => [f.param, ['x']])),
      severity: { from: 'low', to: 'high' },
      updated: { window: '24h' },
      created: { before: Date.now() },
      archived: 'archived',
    };
    const keys = Object.keys(criteriaFromFilters(all, Date.now()).criterion ?? {});
    expect(keys.length).toBe(LIST_FILTERS.length + 4);
    const { ANY_ATTRIBUTES } = await import('../../api/any-criteria');
    // "Any action" pseudo attributes never reach the wire: each stands for documented attributes.
    for (const key of keys) for (const attr of ANY_ATTRIBUTES[key] ?? [key]) expect(FILTER_ATTRIBUTES).toContain(attr);
  });
});
