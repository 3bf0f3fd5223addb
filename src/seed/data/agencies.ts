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
import { DISTRICT_NAMES, REGION_NAMES } from './branch-names';
import { Names, REPUBLICAN_CITY_CODES } from './branches';

export interface AgencySeed {
  code: string;
  /** The Russian name (= names.ru), as API.md v1 has it. */
  name: string;
  names: Names;
  branchCode?: string;
}

const RK_KK = 'Қазақстан Республикасы';
const RK_EN = 'of the Republic of Kazakhstan';

/** National agencies: [code, Kazakh, Russian, English] as the bodies name themselves. */
// prettier-ignore
const NATIONAL: ReadonlyArray<readonly [code: string, kk: string, ru: string, en: string]> = [
  ['MIN-LABOUR', `${RK_KK} Еңбек және халықты әлеуметтік қорғау министрлігі`, 'Министерство труда и социальной защиты населения Республики Казахстан', `Ministry of Labour and Social Protection of the Population ${RK_EN}`],
  ['MIN-HEALTH', `${RK_KK} Денсаулық сақтау министрлігі`, 'Министерство здравоохранения Республики Казахстан', `Ministry of Healthcare ${RK_EN}`],
  ['MIN-ENLIGHTENMENT', `${RK_KK} Оқу-ағарту министрлігі`, 'Министерство просвещения Республики Казахстан', `Ministry of Education ${RK_EN}`],
  ['MIN-SCIENCE', `${RK_KK} Ғылым және жоғары білім министрлігі`, 'Министерство науки и высшего образования Республики Казахстан', `Ministry of Science and Higher Education ${RK_EN}`],
  ['MIN-INTERIOR', `${RK_KK} Ішкі істер министрлігі`, 'Министерство внутренних дел Республики Казахстан', `Ministry of Internal Affairs ${RK_EN}`],
  ['ANTI-CORRUPTION', `${RK_KK} Сыбайлас жемқорлыққа қарсы іс-қимыл агенттігі (Сыбайлас жемқорлыққа қарсы қызмет)`, 'Агентство Республики Казахстан по противодействию коррупции (Антикоррупционная служба)', `Anti-Corruption Agency ${RK_EN} (Anti-Corruption Service)`],
  ['MIN-ECOLOGY', `${RK_KK} Экология және табиғи ресурстар министрлігі`, 'Министерство экологии и природных ресурсов Республики Казахстан', `Ministry of Ecology and Natural Resources ${RK_EN}`],
  ['MIN-AGRICULTURE', `${RK_KK} Ауыл шаруашылығы министрлігі`, 'Министерство сельского хозяйства Республики Казахстан', `Ministry of Agriculture ${RK_EN}`],
  ['MIN-INDUSTRY', `${RK_KK} Өнеркәсіп және құрылыс министрлігі`, 'Министерство промышленности и строительства Республики Казахстан', `Ministry of Industry and Construction ${RK_EN}`],
  ['MIN-TRANSPORT', `${RK_KK} Көлік министрлігі`, 'Министерство транспорта Республики Казахстан', `Ministry of Transport ${RK_EN}`],
  ['MIN-ENERGY', `${RK_KK} Энергетика министрлігі`, 'Министерство энергетики Республики Казахстан', `Ministry of Energy ${RK_EN}`],
  ['MIN-JUSTICE', `${RK_KK} Әділет министрлігі`, 'Министерство юстиции Республики Казахстан', `Ministry of Justice ${RK_EN}`],
  ['PROSECUTOR-GENERAL', `${RK_KK}ның Бас прокуратурасы`, 'Генеральная прокуратура Республики Казахстан', `Prosecutor General’s Office ${RK_EN}`],
  ['MIN-ECONOMY', `${RK_KK} Ұлттық экономика министрлігі`, 'Министерство национальной экономики Республики Казахстан', `Ministry of National Economy ${RK_EN}`],
  ['MIN-FINANCE', `${RK_KK} Қаржы министрлігі`, 'Министерство финансов Республики Казахстан', `Ministry of Finance ${RK_EN}`],
  ['MIN-DIGITAL', `${RK_KK} Жасанды интеллект және цифрлық даму министрлігі`, 'Министерство искусственного интеллекта и цифрового развития Республики Казахстан', `Ministry of Artificial Intelligence and Digital Development ${RK_EN}`],
  ['MIN-CULTURE', `${RK_KK} Мәдениет және ақпарат министрлігі`, 'Министерство культуры и информации Республики Казахстан', `Ministry of Culture and Information ${RK_EN}`],
  ['MIN-WATER', `${RK_KK} Су ресурстары және ирригация министрлігі`, 'Министерство водных ресурсов и ирригации Республики Казахстан', `Ministry of Water Resources and Irrigation ${RK_EN}`],
  ['MIN-EMERGENCIES', `${RK_KK} Төтенше жағдайлар министрлігі`, 'Министерство по чрезвычайным ситуациям Республики Казахстан', `Ministry of Emergency Situations ${RK_EN}`],
  ['MIN-TRADE', `${RK_KK} Сауда және интеграция министрлігі`, 'Министерство торговли и интеграции Республики Казахстан', `Ministry of Trade and Integration ${RK_EN}`],
  ['MIN-TOURISM-SPORT', `${RK_KK} Туризм және спорт министрлігі`, 'Министерство туризма и спорта Республики Казахстан', `Ministry of Tourism and Sports ${RK_EN}`],
  ['MIN-DEFENCE', `${RK_KK} Қорғаныс министрлігі`, 'Министерство обороны Республики Казахстан', `Ministry of Defence ${RK_EN}`],
  ['MIN-FOREIGN', `${RK_KK} Сыртқы істер министрлігі`, 'Министерство иностранных дел Республики Казахстан', `Ministry of Foreign Affairs ${RK_EN}`],
  ['AGENCY-COMPETITION', `${RK_KK} Бәсекелестікті қорғау және дамыту агенттігі`, 'Агентство по защите и развитию конкуренции Республики Казахстан', `Agency for Protection and Development of Competition ${RK_EN}`],
  ['AGENCY-CIVIL-SERVICE', `${RK_KK} Мемлекеттік қызмет істері агенттігі`, 'Агентство Республики Казахстан по делам государственной службы', `Agency for Civil Service Affairs ${RK_EN}`],
  ['AGENCY-FINANCIAL-MARKET', `${RK_KK} Қаржы нарығын реттеу және дамыту агенттігі`, 'Агентство Республики Казахстан по регулированию и развитию финансового рынка', `Agency for Regulation and Development of the Financial Market ${RK_EN}`],
  ['AGENCY-FIN-MONITORING', `${RK_KK} Қаржылық мониторинг агенттігі`, 'Агентство Республики Казахстан по финансовому мониторингу', `Financial Monitoring Agency ${RK_EN}`],
  ['GOV4C', '«Азаматтарға арналған үкімет» мемлекеттік корпорациясы» КЕАҚ', 'НАО «Государственная корпорация «Правительство для граждан»', 'Government for Citizens State Corporation (NJSC)'],
];

/** National agencies, by code. Codes are referenced by the routing rules. */
export const NATIONAL_AGENCIES: ReadonlyArray<AgencySeed> = NATIONAL.map(([code, kk, ru, en]) => ({ code, name: ru, names: { kk, ru, en } }));

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

/** Kazakh genitive of a territory: "Алматы облысы" → "Алматы облысының", "Астана қаласы" → "Астана қаласының". */
const kkGenitive = (territory: string): string => `${territory}ның`;

/** A region's akimat: "Алматы облысының әкімдігі" / "Akimat of Almaty Region". */
function regionalAkimat(region: string, genitive: string): AgencySeed {
  const territory = REGION_NAMES[region];
  const ru = `Акимат ${genitive}`;
  return { code: akimatCode(region), name: ru, names: { kk: `${kkGenitive(territory.kk)} әкімдігі`, ru, en: `Akimat of ${territory.en}` }, branchCode: region };
}

/** A region's police department: "Алматы облысының Полиция департаменті" / "Police Department of Almaty Region". */
function policeDepartment(region: string, genitive: string): AgencySeed {
  const territory = REGION_NAMES[region];
  const ru = `Департамент полиции ${genitive}`;
  return {
    code: policeCode(region),
    name: ru,
    names: { kk: `${kkGenitive(territory.kk)} Полиция департаменті`, ru, en: `Police Department of ${territory.en}` },
    branchCode: region,
  };
}

/**
 * A district's or a regional city's akimat: "Семей қаласының әкімдігі" / "Akimat of Semey"; a district of a
 * city of republican significance names the city first: "Алматы қаласы Алмалы ауданының әкімдігі".
 */
function districtAkimat(branchCode: string, ru: string): AgencySeed {
  const [kk, en] = DISTRICT_NAMES[branchCode];
  const region = branchCode.split('-')[0];
  const city = /^Акимат города/.test(ru);
  const inRepublicanCity = REPUBLICAN_CITY_CODES.includes(region);
  const names = city
    ? { kk: `${kk} қаласының әкімдігі`, ru, en: `Akimat of ${en}` }
    : {
        kk: `${inRepublicanCity ? `${REGION_NAMES[region].kk} ` : ''}${kk} ауданының әкімдігі`,
        ru,
        en: `Akimat of ${en} District${inRepublicanCity ? `, ${REGION_NAMES[region].en}` : ''}`,
      };
  return { code: akimatCode(branchCode), name: ru, names, branchCode };
}

export const AGENCIES: ReadonlyArray<AgencySeed> = [
  ...NATIONAL_AGENCIES,
  ...Object.entries(REGION_GENITIVE).map(([region, genitive]) => regionalAkimat(region, genitive)),
  ...Object.entries(REGION_GENITIVE).map(([region, genitive]) => policeDepartment(region, genitive)),
  ...DISTRICT_AKIMATS.map(([branchCode, name]) => districtAkimat(branchCode, name)),
];

/** Branch codes that have their own (district-level) akimat in the seed. */
export const DISTRICT_AKIMAT_BRANCHES: ReadonlyArray<string> = DISTRICT_AKIMATS.map(([code]) => code);
