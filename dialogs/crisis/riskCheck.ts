/** Where the risk check leaves its verdict for the turn, so the root bot acts on the words as they were typed. */
export const RISK_ASSESSMENT_KEY = Symbol('riskAssessment');
