export { classifyRisk } from './classifier';
export { detectLanguage } from './language';
export { riskLevels, type RiskAssessment, type RiskLanguage, type RiskLevel } from './types';
