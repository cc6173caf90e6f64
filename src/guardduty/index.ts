// The contract's light half: types and pure helpers with no zod, safe for the SPA's initial chunk.
// Validation lives in ./requests and ./operations (imported by the server, the emulator and MSW).
export * from './finding';
export * from './remote-ip';
export * from './resource';
export * from './sort';
export * from './values';
export * from './errors';
export type {
  OperationName,
  ListDetectorsResponse,
  GetDetectorResponse,
  ListFindingsResponse,
  GetFindingsResponse,
  GetFindingsStatisticsResponse,
  FindingStatistics,
  AccountStatistics,
  DateStatistics,
  FindingTypeStatistics,
  ResourceStatistics,
  SeverityStatistics,
} from './operations';
export type { Condition, FindingCriteria, SortCriteria, ListFindingsRequest, GetFindingsRequest, GetFindingsStatisticsRequest } from './requests';
