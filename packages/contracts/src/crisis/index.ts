export {
  crisisJurisdictions,
  crisisLines,
  crisisLinesFor,
  type CrisisJurisdiction,
  type CrisisLine,
  type CrisisLineKind,
  type CrisisLinesResult,
} from './crisis-lines';
export * from './crisis-api';
