import { describe, expect, it } from 'vitest';
import { guardDutyConsoleUrl } from './console-url';

describe('guardDutyConsoleUrl', () => {
  it('opens the finding in its own region', () => {
    expect(guardDutyConsoleUrl('us-west-2', '9cb0be64df8ba1df249c45eb8a0bf584')).toBe(
      'https://us-west-2.console.aws.amazon.com/guardduty/home?region=us-west-2#/findings?macros=current&fId=9cb0be64df8ba1df249c45eb8a0bf584',
    );
    expect(guardDutyConsoleUrl('eu-central-1', 'abc', 'aws')).toContain('https://eu-central-1.console.aws.amazon.com/');
  });

  it('knows the China and GovCloud consoles', () => {
    expect(guardDutyConsoleUrl('cn-north-1', 'abc', 'aws-cn')).toBe(
      'https://console.amazonaws.cn/guardduty/home?region=cn-north-1#/findings?macros=current&fId=abc',
    );
    expect(guardDutyConsoleUrl('us-gov-west-1', 'abc', 'aws-us-gov')).toContain('https://console.amazonaws-us-gov.com/');
  });

  it('refuses values that would not make a safe console link', () => {
    expect(guardDutyConsoleUrl('javascript:alert(1)//', 'abc')).toBeUndefined();
    expect(guardDutyConsoleUrl('evil.example.com/x', 'abc')).toBeUndefined();
    expect(guardDutyConsoleUrl(undefined, 'abc')).toBeUndefined();
    expect(guardDutyConsoleUrl('us-west-2', 'abc', 'aws-evil')).toBeUndefined();
    expect(guardDutyConsoleUrl('us-west-2', 'a&b#c')).toContain('fId=a%26b%23c');
  });
});
