import { describe, expect, it } from 'vitest';
import { parseFindingType } from './finding-type';

describe('parseFindingType', () => {
  it('splits all five parts', () => {
    expect(parseFindingType('Backdoor:EC2/C&CActivity.B!DNS')).toEqual({
      threatPurpose: 'Backdoor',
      resourceTypeAffected: 'EC2',
      threatFamilyName: 'C&CActivity',
      detectionMechanism: 'B',
      artifact: 'DNS',
    });
  });

  it('leaves out the optional parts a type does not have', () => {
    expect(parseFindingType('UnauthorizedAccess:EC2/RDPBruteForce')).toEqual({
      threatPurpose: 'UnauthorizedAccess',
      resourceTypeAffected: 'EC2',
      threatFamilyName: 'RDPBruteForce',
    });
    expect(parseFindingType('Trojan:EC2/DropPoint!DNS')).toEqual({
      threatPurpose: 'Trojan',
      resourceTypeAffected: 'EC2',
      threatFamilyName: 'DropPoint',
      artifact: 'DNS',
    });
    expect(parseFindingType('UnauthorizedAccess:IAMUser/InstanceCredentialExfiltration.OutsideAWS')?.detectionMechanism).toBe('OutsideAWS');
    expect(parseFindingType('Backdoor:EC2/DenialOfService.UdpOnTcpPorts')?.threatFamilyName).toBe('DenialOfService');
  });

  it('rejects values that are not type names', () => {
    expect(parseFindingType(undefined)).toBeUndefined();
    expect(parseFindingType('')).toBeUndefined();
    expect(parseFindingType('NoColonHere')).toBeUndefined();
    expect(parseFindingType('Recon:EC2')).toBeUndefined();
  });
});
