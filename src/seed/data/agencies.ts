/**
 * State agencies appeals are routed to. An agency without `branchCode` is national; with one, it serves
 * that branch's territory (the region or district with the same borders).
 *
 * National: the central state bodies in their current structure (ministries reorganised in 2022–2023,
 * the Ministry of Artificial Intelligence and Digital Development formed in 2025 from the former
 * Ministry of Digital Development, Innovation and Aerospace Industry), plus the Government for Citizens
 * corporation that runs the public service centres.
 * Regional: the akimat and the police department of every region and city of republican significance.
 * District: the akimats of a few districts and cities of regional significance.
 */
export interface AgencySeed {
  code: string;
  name: string;
  branchCode?: string;
}

/** National agencies, by code. Codes are referenced by the routing rules. */
export const NATIONAL_AGENCIES: ReadonlyArray<AgencySeed> = [
  { code: 'MIN-LABOUR', name: 'Министерство труда и социальной защиты населения Республики Казахстан' },
  { code: 'MIN-HEALTH', name: 'Министерство здравоохранения Республики Казахстан' },
  { code: 'MIN-ENLIGHTENMENT', name: 'Министерство просвещения Республики Казахстан' },
  { code: 'MIN-SCIENCE', name: 'Министерство науки и высшего образования Республики Казахстан' },
  { code: 'MIN-INTERIOR', name: 'Министерство внутренних дел Республики Казахстан' },
  {
    code: 'ANTI-CORRUPTION',
    name: 'Агентство Республики Казахстан по противодействию коррупции (Антикоррупционная служба)',
  },
  { code: 'MIN-ECOLOGY', name: 'Министерство экологии и природных ресурсов Республики Казахстан' },
  { code: 'MIN-AGRICULTURE', name: 'Министерство сельского хозяйства Республики Казахстан' },
  { code: 'MIN-INDUSTRY', name: 'Министерство промышленности и строительства Республики Казахстан' },
  { code: 'MIN-TRANSPORT', name: 'Министерство транспорта Республики Казахстан' },
  { code: 'MIN-ENERGY', name: 'Министерство энергетики Республики Казахстан' },
  { code: 'MIN-JUSTICE', name: 'Министерство юстиции Республики Казахстан' },
  { code: 'PROSECUTOR-GENERAL', name: 'Генеральная прокуратура Республики Казахстан' },
  { code: 'MIN-ECONOMY', name: 'Министерство национальной экономики Республики Казахстан' },
  { code: 'MIN-FINANCE', name: 'Министерство финансов Республики Казахстан' },
  {
    code: 'MIN-DIGITAL',
    name: 'Министерство искусственного интеллекта и цифрового развития Республики Казахстан',
  },
  { code: 'MIN-CULTURE', name: 'Министерство культуры и информации Республики Казахстан' },
  { code: 'MIN-WATER', name: 'Министерство водных ресурсов и ирригации Республики Казахстан' },
  { code: 'MIN-EMERGENCIES', name: 'Министерство по чрезвычайным ситуациям Республики Казахстан' },
  { code: 'MIN-TRADE', name: 'Министерство торговли и интеграции Республики Казахстан' },
  { code: 'MIN-TOURISM-SPORT', name: 'Министерство туризма и спорта Республики Казахстан' },
  { code: 'MIN-DEFENCE', name: 'Министерство обороны Республики Казахстан' },
  { code: 'MIN-FOREIGN', name: 'Министерство иностранных дел Республики Казахстан' },
  { code: 'AGENCY-COMPETITION', name: 'Агентство по защите и развитию конкуренции Республики Казахстан' },
  { code: 'AGENCY-CIVIL-SERVICE', name: 'Агентство Республики Казахстан по делам государственной службы' },
  {
    code: 'AGENCY-FINANCIAL-MARKET',
    name: 'Агентство Республики Казахстан по регулированию и развитию финансового рынка',
  },
  { code: 'AGENCY-FIN-MONITORING', name: 'Агентство Республики Казахстан по финансовому мониторингу' },
  { code: 'GOV4C', name: 'НАО «Государственная корпорация «Правительство для граждан»' },
];

/** The genitive that follows "Акимат …" / "Департамент полиции …", per regional branch code. */
const REGION_GENITIVE: Readonly<Record<string, string>> = {
  AST: 'города Астаны',
  ALA: 'города Алматы',
  SHY: 'города Шымкента',
  ABA: 'области Абай',
  AKM: 'Акмолинской области',
  AKT: 'Актюбинской области',
  ALM: 'Алматинской области',
  ATY: 'Атырауской области',
  VKO: 'Восточно-Казахстанской области',
  ZHA: 'Жамбылской области',
  ZHE: 'области Жетісу',
  ZKO: 'Западно-Казахстанской области',
  KAR: 'Карагандинской области',
  KOS: 'Костанайской области',
  KZY: 'Кызылординской области',
  MAN: 'Мангистауской области',
  PAV: 'Павлодарской области',
  SKO: 'Северо-Казахстанской области',
  TUR: 'Туркестанской области',
  ULY: 'области Ұлытау',
};

/** Code of the akimat serving a branch's territory (regional or district). */
export const akimatCode = (branchCode: string): string => `AKIMAT-${branchCode}`;

/** Code of the regional police department (territorial body of the Ministry of Internal Affairs). */
export const policeCode = (regionCode: string): string => `POLICE-${regionCode}`;

/** District-level akimats seeded (a sample, not the full list). */
const DISTRICT_AKIMATS: ReadonlyArray<readonly [branchCode: string, name: string]> = [
  ['AST-ESIL', 'Акимат района «Есиль» города Астаны'],
  ['ALA-ALMALY', 'Акимат Алмалинского района города Алматы'],
  ['ALA-BOSTANDYK', 'Акимат Бостандыкского района города Алматы'],
  ['SHY-ABAI', 'Акимат Абайского района города Шымкента'],
  ['ABA-SEMEY', 'Акимат города Семей'],
  ['KAR-TEMIRTAU', 'Акимат города Темиртау'],
  ['PAV-EKIBASTUZ', 'Акимат города Экибастуза'],
  ['MAN-ZHANAOZEN', 'Акимат города Жанаозен'],
  ['ALM-KARASAI', 'Акимат Карасайского района'],
  ['TUR-SARYAGASH', 'Акимат Сарыагашского района'],
];

export const REGIONAL_AGENCY_REGIONS: ReadonlyArray<string> = Object.keys(REGION_GENITIVE);

export const AGENCIES: ReadonlyArray<AgencySeed> = [
  ...NATIONAL_AGENCIES,
  ...Object.entries(REGION_GENITIVE).map(
    ([region, genitive]): AgencySeed => ({ code: akimatCode(region), name: `Акимат ${genitive}`, branchCode: region }),
  ),
  ...Object.entries(REGION_GENITIVE).map(
    ([region, genitive]): AgencySeed => ({
      code: policeCode(region),
      name: `Департамент полиции ${genitive}`,
      branchCode: region,
    }),
  ),
  ...DISTRICT_AKIMATS.map(
    ([branchCode, name]): AgencySeed => ({ code: akimatCode(branchCode), name, branchCode }),
  ),
];

/** Branch codes that have their own (district-level) akimat in the seed. */
export const DISTRICT_AKIMAT_BRANCHES: ReadonlyArray<string> = DISTRICT_AKIMATS.map(([code]) => code);
