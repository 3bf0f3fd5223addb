/**
 * Default routing of appeals to agencies.
 *
 * Resolution (API.md "Reference data"): candidate rules are those whose category is the appeal's category
 * or an ancestor of it and whose branch is absent or the appeal's branch or an ancestor of it; the deepest
 * branch wins, then the deepest category, then the highest priority. So:
 * - national rules (no branch) send each topic to the competent ministry, with subtopic refinements
 *   (heating → Ministry of Energy, higher education → Ministry of Science and Higher Education, …);
 * - regional rules send matters of local government (housing, utilities, land, local roads and public
 *   transport, targeted social assistance, schools and kindergartens, waste, stray animals, pastures …)
 *   to the region's akimat, and public-order matters to the region's police department. A regional rule
 *   beats every national rule, so regional rules name subtopics wherever a national subtopic rule must
 *   keep working (tariffs stay with the natural-monopoly regulator, court enforcement with Justice);
 * - district rules send the most local matters to the seeded district/city akimats.
 * Topics with no rule ("other", "other.gratitude", "other.party") stay registered for a controller.
 */
import { akimatCode, DISTRICT_AKIMAT_BRANCHES, policeCode } from './agencies';
import { BRANCHES, REGIONAL_BRANCH_CODES, REPUBLICAN_CITY_CODES } from './branches';

export interface RoutingRuleSeed {
  categoryCode: string;
  agencyCode: string;
  branchCode?: string;
  priority?: number;
}

const NATIONAL_RULES: ReadonlyArray<RoutingRuleSeed> = [
  { categoryCode: 'housing', agencyCode: 'MIN-INDUSTRY' },
  { categoryCode: 'utilities', agencyCode: 'MIN-INDUSTRY' },
  { categoryCode: 'utilities.heating', agencyCode: 'MIN-ENERGY' },
  { categoryCode: 'utilities.electricity', agencyCode: 'MIN-ENERGY' },
  { categoryCode: 'utilities.gas', agencyCode: 'MIN-ENERGY' },
  { categoryCode: 'utilities.tariffs', agencyCode: 'MIN-ECONOMY' },
  { categoryCode: 'land', agencyCode: 'MIN-AGRICULTURE' },
  { categoryCode: 'social', agencyCode: 'MIN-LABOUR' },
  { categoryCode: 'health', agencyCode: 'MIN-HEALTH' },
  { categoryCode: 'education', agencyCode: 'MIN-ENLIGHTENMENT' },
  { categoryCode: 'education.higher', agencyCode: 'MIN-SCIENCE' },
  { categoryCode: 'labour', agencyCode: 'MIN-LABOUR' },
  { categoryCode: 'transport', agencyCode: 'MIN-TRANSPORT' },
  { categoryCode: 'transport.road_safety', agencyCode: 'MIN-INTERIOR' },
  { categoryCode: 'law', agencyCode: 'MIN-INTERIOR' },
  { categoryCode: 'law.police', agencyCode: 'PROSECUTOR-GENERAL' },
  { categoryCode: 'law.court_enforcement', agencyCode: 'MIN-JUSTICE' },
  { categoryCode: 'corruption', agencyCode: 'ANTI-CORRUPTION' },
  // Procurement: the Anti-Corruption Agency first; internal state audit (Ministry of Finance) as the
  // lower-priority alternative at the same depth.
  { categoryCode: 'corruption.procurement', agencyCode: 'ANTI-CORRUPTION', priority: 10 },
  { categoryCode: 'corruption.procurement', agencyCode: 'MIN-FINANCE', priority: 0 },
  { categoryCode: 'ecology', agencyCode: 'MIN-ECOLOGY' },
  { categoryCode: 'agriculture', agencyCode: 'MIN-AGRICULTURE' },
  { categoryCode: 'agriculture.irrigation', agencyCode: 'MIN-WATER' },
  { categoryCode: 'business', agencyCode: 'MIN-ECONOMY' },
  { categoryCode: 'business.taxes', agencyCode: 'MIN-FINANCE' },
  // Quality of public services is overseen by the Civil Service Affairs Agency.
  { categoryCode: 'public_services', agencyCode: 'AGENCY-CIVIL-SERVICE' },
  { categoryCode: 'public_services.identity_documents', agencyCode: 'MIN-INTERIOR' },
  { categoryCode: 'public_services.residence_registration', agencyCode: 'MIN-INTERIOR' },
  { categoryCode: 'public_services.civil_registry', agencyCode: 'MIN-JUSTICE' },
  { categoryCode: 'public_services.real_estate', agencyCode: 'MIN-JUSTICE' },
  { categoryCode: 'public_services.psc', agencyCode: 'GOV4C' },
  { categoryCode: 'public_services.egov', agencyCode: 'MIN-DIGITAL' },
  { categoryCode: 'other.migration', agencyCode: 'MIN-INTERIOR' },
  { categoryCode: 'other.consumer_rights', agencyCode: 'MIN-TRADE' },
];

/** Categories every regional akimat (oblast or city of republican significance) handles. */
const REGIONAL_AKIMAT_CATEGORIES: ReadonlyArray<string> = [
  'housing',
  'utilities.heating',
  'utilities.water',
  'utilities.electricity',
  'utilities.gas',
  'utilities.improvement',
  'land',
  'transport.road_repair',
  'transport.public',
  'social.targeted_aid',
  'social.services',
  'education.preschool',
  'education.school',
  'ecology.waste',
  'ecology.animals',
  'business.financing',
];

/** Additional categories for oblast akimats (rural matters; not in the three big cities). */
const OBLAST_AKIMAT_CATEGORIES: ReadonlyArray<string> = [
  'agriculture.pastures',
  'agriculture.veterinary',
  'agriculture.fuel',
];

/** Categories handled by the regional police departments. */
const REGIONAL_POLICE_CATEGORIES: ReadonlyArray<string> = [
  'law.public_order',
  'law.fraud',
  'law.domestic_violence',
  'transport.road_safety',
];

/** Akimats of city districts (Astana, Almaty, Shymkent): yards, lighting, apartment buildings. */
const CITY_DISTRICT_AKIMAT_CATEGORIES: ReadonlyArray<string> = [
  'utilities.improvement',
  'housing.building_management',
  'ecology.waste',
];

/** Akimats of districts and cities of regional significance. */
const LOCAL_AKIMAT_CATEGORIES: ReadonlyArray<string> = [
  'housing',
  'utilities.water',
  'utilities.heating',
  'utilities.improvement',
  'land',
  'transport.road_repair',
  'social.targeted_aid',
  'agriculture.pastures',
];

const parentOf = new Map(BRANCHES.map((b) => [b.code, b.parentCode]));

const regionalRules = (region: string): RoutingRuleSeed[] => {
  const akimat = [
    ...REGIONAL_AKIMAT_CATEGORIES,
    ...(REPUBLICAN_CITY_CODES.includes(region) ? [] : OBLAST_AKIMAT_CATEGORIES),
  ].map((categoryCode) => ({ categoryCode, agencyCode: akimatCode(region), branchCode: region }));
  const police = REGIONAL_POLICE_CATEGORIES.map((categoryCode) => ({
    categoryCode,
    agencyCode: policeCode(region),
    branchCode: region,
  }));
  return [...akimat, ...police];
};

const districtRules = (district: string): RoutingRuleSeed[] => {
  const region = parentOf.get(district);
  const categories =
    region !== undefined && REPUBLICAN_CITY_CODES.includes(region)
      ? CITY_DISTRICT_AKIMAT_CATEGORIES
      : LOCAL_AKIMAT_CATEGORIES;
  return categories.map((categoryCode) => ({ categoryCode, agencyCode: akimatCode(district), branchCode: district }));
};

export const ROUTING_RULES: ReadonlyArray<RoutingRuleSeed> = [
  ...NATIONAL_RULES,
  ...REGIONAL_BRANCH_CODES.flatMap(regionalRules),
  ...DISTRICT_AKIMAT_BRANCHES.flatMap(districtRules),
];
