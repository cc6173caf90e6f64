/**
 * GuardDuty finding type names, as GuardDuty documents them:
 * ThreatPurpose:ResourceTypeAffected/ThreatFamilyName.DetectionMechanism!Artifact,
 * e.g. "Backdoor:EC2/C&CActivity.B!DNS". Only the purpose, resource and family are always present.
 */
export interface FindingTypeParts {
  threatPurpose: string;
  resourceTypeAffected: string;
  threatFamilyName: string;
  detectionMechanism?: string;
  artifact?: string;
}

const TYPE = /^([^:/]+):([^/]+)\/([^.!]+)(?:\.([^!]+))?(?:!(.+))?$/;

/** The parts of a finding type, or undefined when the value does not follow the pattern. */
export function parseFindingType(type: unknown): FindingTypeParts | undefined {
  if (typeof type !== 'string') return undefined;
  const m = TYPE.exec(type.trim());
  if (!m) return undefined;
  const [, threatPurpose, resourceTypeAffected, threatFamilyName, detectionMechanism, artifact] = m;
  return {
    threatPurpose,
    resourceTypeAffected,
    threatFamilyName,
    ...(detectionMechanism ? { detectionMechanism } : {}),
    ...(artifact ? { artifact } : {}),
  };
}
