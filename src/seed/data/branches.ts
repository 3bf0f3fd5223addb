/**
 * The party's branch tree: central office → 20 regional branches (17 oblasts in their borders since
 * 8 June 2022 + the cities of republican significance Astana, Almaty, Shymkent) → city/district branches.
 *
 * District branches follow the administrative-territorial division: every district and every city of
 * regional significance of an oblast, and the city districts of Astana, Almaty and Shymkent. Later changes
 * included: Kosshy (city, 2021), Sauran (2021), Samar (2022), Turan in Shymkent (2022), Alatau (city, 2024),
 * Sarayshyk in Astana (2024), Ulken Naryn and Markakol (East Kazakhstan), Makanshy and Zhanasemey (Abai).
 *
 * Names are the Russian forms used for party branches; districts whose official Russian name keeps the
 * Kazakh form ("район Ақсуат") or a person's name ("район Беимбета Майлина") are named "Филиал по району …".
 * Order: parents are always declared before their children.
 */
import { DISTRICT_NAMES, REGION_NAMES } from './branch-names';

export type BranchLevel = 'central' | 'regional' | 'district';

export interface Names {
  kk: string;
  ru: string;
  en: string;
}

export interface BranchSeed {
  code: string;
  /** The Russian name (= names.ru), as API.md v1 has it. */
  name: string;
  names: Names;
  level: BranchLevel;
  parentCode?: string;
}

export const CENTRAL_BRANCH_CODE = 'KZ';

interface RegionDef {
  code: string;
  name: string;
  /** [code suffix, name]; the branch code is `${region}-${suffix}`. */
  children: ReadonlyArray<readonly [string, string]>;
}

const REGIONS: ReadonlyArray<RegionDef> = [
  {
    code: 'AST',
    name: 'Астанинский городской филиал',
    children: [
      ['ALMATY', 'Филиал по району «Алматы»'],
      ['BAIKONYR', 'Филиал по району «Байконыр»'],
      ['ESIL', 'Филиал по району «Есиль»'],
      ['NURA', 'Филиал по району «Нура»'],
      ['SARAISHYK', 'Филиал по району «Сарайшык»'],
      ['SARYARKA', 'Филиал по району «Сарыарка»'],
    ],
  },
  {
    code: 'ALA',
    name: 'Алматинский городской филиал',
    children: [
      ['ALATAU', 'Алатауский районный филиал'],
      ['ALMALY', 'Алмалинский районный филиал'],
      ['AUEZOV', 'Ауэзовский районный филиал'],
      ['BOSTANDYK', 'Бостандыкский районный филиал'],
      ['ZHETYSU', 'Жетысуский районный филиал'],
      ['MEDEU', 'Медеуский районный филиал'],
      ['NAURYZBAI', 'Наурызбайский районный филиал'],
      ['TURKSIB', 'Турксибский районный филиал'],
    ],
  },
  {
    code: 'SHY',
    name: 'Шымкентский городской филиал',
    children: [
      ['ABAI', 'Абайский районный филиал'],
      ['AL-FARABI', 'Аль-Фарабийский районный филиал'],
      ['ENBEKSHI', 'Енбекшинский районный филиал'],
      ['KARATAU', 'Каратауский районный филиал'],
      ['TURAN', 'Филиал по району Туран'],
    ],
  },
  {
    code: 'ABA',
    name: 'Областной филиал области Абай',
    children: [
      ['SEMEY', 'Семейский городской филиал'],
      ['KURCHATOV', 'Курчатовский городской филиал'],
      ['ABAI', 'Абайский районный филиал'],
      ['AKSUAT', 'Филиал по району Ақсуат'],
      ['AYAGOZ', 'Аягозский районный филиал'],
      ['BESKARAGAI', 'Бескарагайский районный филиал'],
      ['BORODULIKHA', 'Бородулихинский районный филиал'],
      ['ZHANASEMEY', 'Филиал по району Жаңасемей'],
      ['ZHARMA', 'Жарминский районный филиал'],
      ['KOKPEKTY', 'Кокпектинский районный филиал'],
      ['MAKANSHY', 'Филиал по району Мақаншы'],
      ['URZHAR', 'Урджарский районный филиал'],
    ],
  },
  {
    code: 'AKM',
    name: 'Акмолинский областной филиал',
    children: [
      ['KOKSHETAU', 'Кокшетауский городской филиал'],
      ['KOSSHY', 'Филиал по городу Косшы'],
      ['STEPNOGORSK', 'Степногорский городской филиал'],
      ['AKKOL', 'Аккольский районный филиал'],
      ['ARSHALY', 'Аршалынский районный филиал'],
      ['ASTRAKHAN', 'Астраханский районный филиал'],
      ['ATBASAR', 'Атбасарский районный филиал'],
      ['BIRZHAN-SAL', 'Филиал по району Биржан сал'],
      ['BULANDY', 'Буландынский районный филиал'],
      ['BURABAY', 'Бурабайский районный филиал'],
      ['EGINDYKOL', 'Егиндыкольский районный филиал'],
      ['EREYMENTAU', 'Ерейментауский районный филиал'],
      ['ESIL', 'Есильский районный филиал'],
      ['ZHAKSY', 'Жаксынский районный филиал'],
      ['ZHARKAIN', 'Жаркаинский районный филиал'],
      ['ZERENDA', 'Зерендинский районный филиал'],
      ['KORGALZHYN', 'Коргалжынский районный филиал'],
      ['SANDYKTAU', 'Сандыктауский районный филиал'],
      ['TSELINOGRAD', 'Целиноградский районный филиал'],
      ['SHORTANDY', 'Шортандинский районный филиал'],
    ],
  },
  {
    code: 'AKT',
    name: 'Актюбинский областной филиал',
    children: [
      ['AKTOBE', 'Актюбинский городской филиал'],
      ['AITEKEBI', 'Айтекебийский районный филиал'],
      ['ALGA', 'Алгинский районный филиал'],
      ['BAIGANIN', 'Байганинский районный филиал'],
      ['IRGIZ', 'Иргизский районный филиал'],
      ['KARGALY', 'Каргалинский районный филиал'],
      ['MARTUK', 'Мартукский районный филиал'],
      ['MUGALZHAR', 'Мугалжарский районный филиал'],
      ['TEMIR', 'Темирский районный филиал'],
      ['UIL', 'Уилский районный филиал'],
      ['KHOBDA', 'Хобдинский районный филиал'],
      ['KHROMTAU', 'Хромтауский районный филиал'],
      ['SHALKAR', 'Шалкарский районный филиал'],
    ],
  },
  {
    code: 'ALM',
    name: 'Алматинский областной филиал',
    children: [
      ['KONAEV', 'Конаевский городской филиал'],
      ['ALATAU', 'Филиал по городу Алатау'],
      ['BALKHASH', 'Балхашский районный филиал'],
      ['ENBEKSHIKAZAKH', 'Енбекшиказахский районный филиал'],
      ['ZHAMBYL', 'Жамбылский районный филиал'],
      ['ILI', 'Илийский районный филиал'],
      ['KARASAI', 'Карасайский районный филиал'],
      ['KEGEN', 'Кегенский районный филиал'],
      ['RAIYMBEK', 'Райымбекский районный филиал'],
      ['TALGAR', 'Талгарский районный филиал'],
      ['UIGUR', 'Уйгурский районный филиал'],
    ],
  },
  {
    code: 'ATY',
    name: 'Атырауский областной филиал',
    children: [
      ['ATYRAU', 'Атырауский городской филиал'],
      ['ZHYLYOI', 'Жылыойский районный филиал'],
      ['INDER', 'Индерский районный филиал'],
      ['ISATAI', 'Исатайский районный филиал'],
      ['KYZYLKOGA', 'Кзылкогинский районный филиал'],
      ['KURMANGAZY', 'Курмангазинский районный филиал'],
      ['MAKAT', 'Макатский районный филиал'],
      ['MAKHAMBET', 'Махамбетский районный филиал'],
    ],
  },
  {
    code: 'VKO',
    name: 'Восточно-Казахстанский областной филиал',
    children: [
      ['UST-KAMENOGORSK', 'Усть-Каменогорский городской филиал'],
      ['RIDDER', 'Риддерский городской филиал'],
      ['ALTAI', 'Алтайский районный филиал'],
      ['GLUBOKOE', 'Глубоковский районный филиал'],
      ['ZAISAN', 'Зайсанский районный филиал'],
      ['KATON-KARAGAI', 'Катон-Карагайский районный филиал'],
      ['KURCHUM', 'Курчумский районный филиал'],
      ['MARKAKOL', 'Филиал по району Марқакөл'],
      ['SAMAR', 'Самарский районный филиал'],
      ['TARBAGATAI', 'Тарбагатайский районный филиал'],
      ['ULAN', 'Уланский районный филиал'],
      ['ULKEN-NARYN', 'Филиал по району Үлкен Нарын'],
      ['SHEMONAIKHA', 'Шемонаихинский районный филиал'],
    ],
  },
  {
    code: 'ZHA',
    name: 'Жамбылский областной филиал',
    children: [
      ['TARAZ', 'Таразский городской филиал'],
      ['BAIZAK', 'Байзакский районный филиал'],
      ['ZHAMBYL', 'Жамбылский районный филиал'],
      ['ZHUALY', 'Жуалынский районный филиал'],
      ['KORDAI', 'Кордайский районный филиал'],
      ['MERKE', 'Меркенский районный филиал'],
      ['MOIYNKUM', 'Мойынкумский районный филиал'],
      ['T-RYSKULOV', 'Филиал по району Турара Рыскулова'],
      ['SARYSU', 'Сарысуский районный филиал'],
      ['TALAS', 'Таласский районный филиал'],
      ['SHU', 'Шуский районный филиал'],
    ],
  },
  {
    code: 'ZHE',
    name: 'Областной филиал области Жетісу',
    children: [
      ['TALDYKORGAN', 'Талдыкорганский городской филиал'],
      ['TEKELI', 'Текелийский городской филиал'],
      ['AKSU', 'Аксуский районный филиал'],
      ['ALAKOL', 'Алакольский районный филиал'],
      ['ESKELDI', 'Ескельдинский районный филиал'],
      ['KARATAL', 'Каратальский районный филиал'],
      ['KERBULAK', 'Кербулакский районный филиал'],
      ['KOKSU', 'Коксуский районный филиал'],
      ['PANFILOV', 'Панфиловский районный филиал'],
      ['SARKAND', 'Саркандский районный филиал'],
    ],
  },
  {
    code: 'ZKO',
    name: 'Западно-Казахстанский областной филиал',
    children: [
      ['URALSK', 'Уральский городской филиал'],
      ['AKZHAIK', 'Акжаикский районный филиал'],
      ['BAITEREK', 'Байтерекский районный филиал'],
      ['BOKEYORDA', 'Бокейординский районный филиал'],
      ['BURLIN', 'Бурлинский районный филиал'],
      ['ZHANGALA', 'Жангалинский районный филиал'],
      ['ZHANIBEK', 'Жанибекский районный филиал'],
      ['KAZTALOV', 'Казталовский районный филиал'],
      ['KARATOBE', 'Каратобинский районный филиал'],
      ['SYRYM', 'Сырымский районный филиал'],
      ['TASKALA', 'Таскалинский районный филиал'],
      ['TEREKTI', 'Теректинский районный филиал'],
      ['CHINGIRLAU', 'Чингирлауский районный филиал'],
    ],
  },
  {
    code: 'KAR',
    name: 'Карагандинский областной филиал',
    children: [
      ['KARAGANDA', 'Карагандинский городской филиал'],
      ['BALKHASH', 'Балхашский городской филиал'],
      ['PRIOZERSK', 'Приозерский городской филиал'],
      ['SARAN', 'Саранский городской филиал'],
      ['TEMIRTAU', 'Темиртауский городской филиал'],
      ['SHAKHTINSK', 'Шахтинский городской филиал'],
      ['ABAI', 'Абайский районный филиал'],
      ['AKTOGAI', 'Актогайский районный филиал'],
      ['BUKHAR-ZHYRAU', 'Бухар-Жырауский районный филиал'],
      ['KARKARALY', 'Каркаралинский районный филиал'],
      ['NURA', 'Нуринский районный филиал'],
      ['OSAKAROVKA', 'Осакаровский районный филиал'],
      ['SHET', 'Шетский районный филиал'],
    ],
  },
  {
    code: 'KOS',
    name: 'Костанайский областной филиал',
    children: [
      ['KOSTANAY', 'Костанайский городской филиал'],
      ['ARKALYK', 'Аркалыкский городской филиал'],
      ['LISAKOVSK', 'Лисаковский городской филиал'],
      ['RUDNY', 'Рудненский городской филиал'],
      ['ALTYNSARIN', 'Алтынсаринский районный филиал'],
      ['AMANGELDY', 'Амангельдинский районный филиал'],
      ['AULIEKOL', 'Аулиекольский районный филиал'],
      ['B-MAILIN', 'Филиал по району Беимбета Майлина'],
      ['DENISOVKA', 'Денисовский районный филиал'],
      ['ZHANGELDIN', 'Джангельдинский районный филиал'],
      ['ZHITIKARA', 'Житикаринский районный филиал'],
      ['KAMYSTY', 'Камыстинский районный филиал'],
      ['KARABALYK', 'Карабалыкский районный филиал'],
      ['KARASU', 'Карасуский районный филиал'],
      ['KOSTANAY-DISTRICT', 'Костанайский районный филиал'],
      ['MENDYKARA', 'Мендыкаринский районный филиал'],
      ['NAURZUM', 'Наурзумский районный филиал'],
      ['SARYKOL', 'Сарыкольский районный филиал'],
      ['UZUNKOL', 'Узункольский районный филиал'],
      ['FEDOROVKA', 'Федоровский районный филиал'],
    ],
  },
  {
    code: 'KZY',
    name: 'Кызылординский областной филиал',
    children: [
      ['KYZYLORDA', 'Кызылординский городской филиал'],
      ['ARAL', 'Аральский районный филиал'],
      ['ZHALAGASH', 'Жалагашский районный филиал'],
      ['ZHANAKORGAN', 'Жанакорганский районный филиал'],
      ['KAZALY', 'Казалинский районный филиал'],
      ['KARMAKSHY', 'Кармакшинский районный филиал'],
      ['SYRDARYA', 'Сырдарьинский районный филиал'],
      ['SHIELI', 'Шиелийский районный филиал'],
    ],
  },
  {
    code: 'MAN',
    name: 'Мангистауский областной филиал',
    children: [
      ['AKTAU', 'Актауский городской филиал'],
      ['ZHANAOZEN', 'Жанаозенский городской филиал'],
      ['BEINEU', 'Бейнеуский районный филиал'],
      ['KARAKIYA', 'Каракиянский районный филиал'],
      ['MANGISTAU', 'Мангистауский районный филиал'],
      ['MUNAILY', 'Мунайлинский районный филиал'],
      ['TUPKARAGAN', 'Тупкараганский районный филиал'],
    ],
  },
  {
    code: 'PAV',
    name: 'Павлодарский областной филиал',
    children: [
      ['PAVLODAR', 'Павлодарский городской филиал'],
      ['AKSU', 'Аксуский городской филиал'],
      ['EKIBASTUZ', 'Экибастузский городской филиал'],
      ['AKKULY', 'Аккулинский районный филиал'],
      ['BAYANAUL', 'Баянаульский районный филиал'],
      ['ZHELEZIN', 'Железинский районный филиал'],
      ['IRTYSH', 'Иртышский районный филиал'],
      ['MAY', 'Майский районный филиал'],
      ['PAVLODAR-DISTRICT', 'Павлодарский районный филиал'],
      ['TERENKOL', 'Теренкольский районный филиал'],
      ['USPEN', 'Успенский районный филиал'],
      ['SHARBAKTY', 'Щербактинский районный филиал'],
    ],
  },
  {
    code: 'SKO',
    name: 'Северо-Казахстанский областной филиал',
    children: [
      ['PETROPAVLOVSK', 'Петропавловский городской филиал'],
      ['AIYRTAU', 'Айыртауский районный филиал'],
      ['AKZHAR', 'Акжарский районный филиал'],
      ['AKKAYIN', 'Аккайынский районный филиал'],
      ['ESIL', 'Есильский районный филиал'],
      ['ZHAMBYL', 'Жамбылский районный филиал'],
      ['M-ZHUMABAEV', 'Филиал по району Магжана Жумабаева'],
      ['KYZYLZHAR', 'Кызылжарский районный филиал'],
      ['MAMLYUT', 'Мамлютский районный филиал'],
      ['G-MUSREPOV', 'Филиал по району имени Габита Мусрепова'],
      ['TAIYNSHA', 'Тайыншинский районный филиал'],
      ['TIMIRYAZEV', 'Тимирязевский районный филиал'],
      ['UALIKHANOV', 'Уалихановский районный филиал'],
      ['SHAL-AKYN', 'Филиал по району Шал акына'],
    ],
  },
  {
    code: 'TUR',
    name: 'Туркестанский областной филиал',
    children: [
      ['TURKISTAN', 'Туркестанский городской филиал'],
      ['ARYS', 'Арысский городской филиал'],
      ['KENTAU', 'Кентауский городской филиал'],
      ['BAIDIBEK', 'Байдибекский районный филиал'],
      ['ZHETYSAI', 'Жетысайский районный филиал'],
      ['KAZYGURT', 'Казыгуртский районный филиал'],
      ['KELES', 'Келесский районный филиал'],
      ['MAKTAARAL', 'Мактааральский районный филиал'],
      ['ORDABASY', 'Ордабасинский районный филиал'],
      ['OTRAR', 'Отырарский районный филиал'],
      ['SAIRAM', 'Сайрамский районный филиал'],
      ['SARYAGASH', 'Сарыагашский районный филиал'],
      ['SAURAN', 'Филиал по району Сауран'],
      ['SOZAK', 'Созакский районный филиал'],
      ['TOLEBI', 'Толебийский районный филиал'],
      ['TULKIBAS', 'Тюлькубасский районный филиал'],
      ['SHARDARA', 'Шардаринский районный филиал'],
    ],
  },
  {
    code: 'ULY',
    name: 'Областной филиал области Ұлытау',
    children: [
      ['ZHEZKAZGAN', 'Жезказганский городской филиал'],
      ['KARAZHAL', 'Каражальский городской филиал'],
      ['SATPAYEV', 'Сатпаевский городской филиал'],
      ['ZHANAARKA', 'Жанааркинский районный филиал'],
      ['ULYTAU', 'Улытауский районный филиал'],
    ],
  },
];

/** Codes of the 20 regional branches, in declaration order. */
export const REGIONAL_BRANCH_CODES: ReadonlyArray<string> = REGIONS.map((r) => r.code);

/** Regional codes of the three cities of republican significance (no rural districts). */
export const REPUBLICAN_CITY_CODES: ReadonlyArray<string> = ['AST', 'ALA', 'SHY'];

/** "Алматы облысы" → "Алматы облыстық филиалы"; "Астана қаласы" → "Астана қалалық филиалы". */
function regionalBranchNames(code: string, ru: string): Names {
  const territory = REGION_NAMES[code];
  const city = REPUBLICAN_CITY_CODES.includes(code);
  const kk = city ? territory.kk.replace(/ қаласы$/, ' қалалық филиалы') : territory.kk.replace(/ облысы$/, ' облыстық филиалы');
  return { kk, ru, en: `${territory.en} ${city ? 'City ' : ''}Branch` };
}

/** A district branch or the branch of a city of regional significance, told apart by its Russian name. */
function districtBranchNames(code: string, ru: string): Names {
  const [kk, en] = DISTRICT_NAMES[code];
  const city = /городской|по городу/.test(ru);
  return { kk: `${kk} ${city ? 'қалалық' : 'аудандық'} филиалы`, ru, en: `${en} ${city ? 'City' : 'District'} Branch` };
}

export const CENTRAL_BRANCH_NAMES: Names = { kk: 'Партияның орталық аппараты', ru: 'Центральный аппарат партии', en: 'Central Office of the Party' };

export const BRANCHES: ReadonlyArray<BranchSeed> = [
  { code: CENTRAL_BRANCH_CODE, name: CENTRAL_BRANCH_NAMES.ru, names: CENTRAL_BRANCH_NAMES, level: 'central' },
  ...REGIONS.map((r): BranchSeed => ({
    code: r.code,
    name: r.name,
    names: regionalBranchNames(r.code, r.name),
    level: 'regional',
    parentCode: CENTRAL_BRANCH_CODE,
  })),
  ...REGIONS.flatMap((r) =>
    r.children.map(([suffix, name]): BranchSeed => ({
      code: `${r.code}-${suffix}`,
      name,
      names: districtBranchNames(`${r.code}-${suffix}`, name),
      level: 'district',
      parentCode: r.code,
    })),
  ),
];
