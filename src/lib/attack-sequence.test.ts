import { describe, expect, it } from 'vitest';
import { findingIdFromArn, signalsInTimeOrder, tacticChain, tacticOf, techniqueIds } from './attack-sequence';

describe('attack sequence helpers', () => {
  it('maps GuardDuty spellings of the ATT&CK tactics', () => {
    for (const v of ['DefenseEvasion', 'Defense Evasion', 'defense-evasion', 'DEFENSE_EVASION', 'TA0005 - Defense Evasion']) expect(tacticOf(v)?.name).toBe('Defense Evasion');
    expect(tacticOf('CommandAndControl')?.id).toBe('TA0011');
    expect(tacticOf('Command & Control')?.id).toBe('TA0011');
    expect(tacticOf('PrivilegeEscalation')?.id).toBe('TA0004');
    expect(tacticOf('Stealth')).toBeUndefined();
    expect(tacticOf(42)).toBeUndefined();
  });

  it('finds technique ids in indicator values', () => {
    expect(techniqueIds('T1562.008 - Impair Defenses: Disable or Modify Cloud Logs')).toEqual(['T1562.008']);
    expect(techniqueIds('T1078, T1098.003')).toEqual(['T1078', 'T1098.003']);
    expect(techniqueIds('none')).toEqual([]);
  });

  it('orders tactics along the kill chain with the techniques of their signals', () => {
    const chain = tacticChain({
      sequenceIndicators: [{ key: 'ATTACK_TACTIC', values: ['Impact', 'Discovery', 'Nonsense'] }, { key: 'ATTACK_TECHNIQUE', values: ['T1485'] }],
      signals: [
        { firstSeenAt: 200, signalIndicators: [{ key: 'ATTACK_TACTIC', values: ['Discovery'] }, { key: 'ATTACK_TECHNIQUE', values: ['T1087.004'] }] },
        { firstSeenAt: 100, signalIndicators: [{ key: 'ATTACK_TACTIC', values: ['InitialAccess'] }, { key: 'ATTACK_TECHNIQUE', values: ['T1078.004'] }] },
      ],
    });
    expect(chain.steps.map((s) => s.tactic.name)).toEqual(['Initial Access', 'Discovery', 'Impact']);
    expect(chain.steps[0]).toMatchObject({ techniques: ['T1078.004'], signalCount: 1, firstSeen: 100_000 });
    expect(chain.steps[2]).toMatchObject({ techniques: [], signalCount: 0 });
    expect(chain.otherTechniques).toEqual(['T1485']);
    expect(chain.unknownTactics).toEqual(['Nonsense']);
    expect(tacticChain(undefined).steps).toEqual([]);
  });

  it('puts signals in time order, those without a time last', () => {
    const names = signalsInTimeOrder({ signals: [{ name: 'c', firstSeenAt: 30 }, { name: 'none' }, { name: 'a', firstSeenAt: 10, lastSeenAt: 50 }, { name: 'b', firstSeenAt: 10, lastSeenAt: 20 }] }).map((s) => s.name);
    expect(names).toEqual(['b', 'a', 'c', 'none']);
  });

  it('reads the finding id of a finding ARN only', () => {
    expect(findingIdFromArn('arn:aws:guardduty:us-east-1:123456789012:detector/abc/finding/0123abcd')).toBe('0123abcd');
    expect(findingIdFromArn('javascript:alert(1)')).toBeUndefined();
    expect(findingIdFromArn('arn:aws:s3:::bucket')).toBeUndefined();
  });
});
