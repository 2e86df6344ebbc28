export { classifyRisk } from './classifier';
export { detectLanguage } from './language';
// A message's risk (none…crisis) is not a case's risk level (low…crisis, in ./cases): named apart.
export { riskLevels as textRiskLevels, type RiskAssessment, type RiskLanguage, type RiskLevel as TextRiskLevel } from './types';
