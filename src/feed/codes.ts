/**
 * The feed format's fixed vocabularies. Kept apart from the schema (valibot), so elements
 * can use them without loading the validator.
 */
export const ORGANIZATION_TYPES = [
  'municipality',
  'region',
  'government-agency',
  'research-institute',
  'higher-education',
  'company',
  'non-profit',
  'funder',
  'other',
] as const;

export const PROJECT_STATUSES = ['planned', 'ongoing', 'completed', 'terminated'] as const;
export const PARTICIPANT_ROLES = ['coordinator', 'lead', 'partner', 'funder', 'associated', 'contractor'] as const;
export const PERSON_ROLES = ['project-manager', 'contact', 'researcher', 'member', 'principal-investigator'] as const;
export const LEGAL_BASES = ['legitimate-interest', 'public-task', 'consent'] as const;
