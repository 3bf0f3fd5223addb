/**
 * Two-level classifier of appeal topics, with Kazakh (state language), Russian and English names.
 * Codes are stable identifiers: `<topic>` for the top level, `<topic>.<subtopic>` below it.
 * Order: every topic is declared before its subtopics.
 */
export interface CategoryNames {
  kk: string;
  ru: string;
  en: string;
}

export interface CategorySeed {
  code: string;
  names: CategoryNames;
  parentCode?: string;
}

type Names = readonly [kk: string, ru: string, en: string];

interface TopicDef {
  code: string;
  names: Names;
  /** [subtopic suffix, names]; the code is `${topic}.${suffix}`. */
  subtopics: ReadonlyArray<readonly [string, Names]>;
}

const TOPICS: ReadonlyArray<TopicDef> = [
  {
    code: 'housing',
    names: ['Тұрғын үй мәселелері', 'Жилищные вопросы', 'Housing'],
    subtopics: [
      ['queue', ['Тұрғын үй кезегі', 'Очередь на получение жилья', 'Housing waiting list']],
      ['rental', ['Жалға берілетін тұрғын үй', 'Арендное жильё', 'Rental housing']],
      ['emergency', ['Апатты тұрғын үй', 'Аварийное жильё', 'Dilapidated and unsafe housing']],
      ['shared_construction', ['Үлестік құрылыс', 'Долевое строительство', 'Shared-equity construction']],
      ['mortgage', ['Ипотекалық бағдарламалар', 'Ипотечные программы', 'Mortgage programmes']],
      [
        'building_management',
        [
          'Көппәтерлі тұрғын үйді басқару (ПИБ)',
          'Управление многоквартирным домом (ОСИ)',
          "Apartment building management (owners' associations)",
        ],
      ],
    ],
  },
  {
    code: 'utilities',
    names: ['Коммуналдық қызметтер', 'Коммунальные услуги', 'Utilities'],
    subtopics: [
      ['heating', ['Жылумен жабдықтау', 'Теплоснабжение', 'Heating']],
      ['water', ['Сумен жабдықтау және су бұру', 'Водоснабжение и водоотведение', 'Water supply and sewerage']],
      ['electricity', ['Электрмен жабдықтау', 'Электроснабжение', 'Electricity supply']],
      ['gas', ['Газбен жабдықтау', 'Газоснабжение', 'Gas supply']],
      ['tariffs', ['Тарифтер және коммуналдық төлемдер', 'Тарифы и коммунальные платежи', 'Tariffs and utility bills']],
      [
        'improvement',
        ['Абаттандыру және көше жарығы', 'Благоустройство и уличное освещение', 'Public amenities and street lighting'],
      ],
    ],
  },
  {
    code: 'land',
    names: ['Жер қатынастары', 'Земельные отношения', 'Land'],
    subtopics: [
      ['allocation', ['Жер учаскесін беру', 'Предоставление земельных участков', 'Allocation of land plots']],
      [
        'individual_housing',
        [
          'Жеке тұрғын үй құрылысына арналған жер',
          'Земельные участки под ИЖС',
          'Plots for individual housing construction',
        ],
      ],
      ['disputes', ['Жер даулары және шекаралар', 'Земельные споры и границы участков', 'Land disputes and boundaries']],
      ['unused', ['Пайдаланылмай жатқан жерлерді қайтару', 'Возврат неиспользуемых земель', 'Return of unused land']],
      [
        'documents',
        ['Жерге құқық белгілейтін құжаттар', 'Правоустанавливающие документы на землю', 'Land title documents'],
      ],
    ],
  },
  {
    code: 'social',
    names: ['Әлеуметтік қолдау', 'Социальная поддержка', 'Social support'],
    subtopics: [
      ['targeted_aid', ['Атаулы әлеуметтік көмек', 'Адресная социальная помощь', 'Targeted social assistance']],
      ['pensions', ['Зейнетақымен қамсыздандыру', 'Пенсионное обеспечение', 'Pensions']],
      ['benefits', ['Әлеуметтік жәрдемақылар мен төлемдер', 'Социальные пособия и выплаты', 'Social benefits and payments']],
      [
        'disability',
        ['Мүгедектігі бар адамдарды қолдау', 'Поддержка лиц с инвалидностью', 'Support for persons with disabilities'],
      ],
      ['large_families', ['Көпбалалы отбасыларды қолдау', 'Поддержка многодетных семей', 'Support for large families']],
      ['services', ['Арнаулы әлеуметтік қызметтер', 'Специальные социальные услуги', 'Special social services']],
    ],
  },
  {
    code: 'health',
    names: ['Денсаулық сақтау', 'Здравоохранение', 'Healthcare'],
    subtopics: [
      [
        'primary_care',
        ['Медициналық-санитариялық алғашқы көмек', 'Первичная медико-санитарная помощь', 'Primary healthcare'],
      ],
      ['medicines', ['Дәрілік заттармен қамтамасыз ету', 'Лекарственное обеспечение', 'Provision of medicines']],
      [
        'insurance',
        [
          'Міндетті әлеуметтік медициналық сақтандыру',
          'Обязательное социальное медицинское страхование',
          'Compulsory social health insurance',
        ],
      ],
      ['quality', ['Медициналық көмектің сапасы', 'Качество медицинской помощи', 'Quality of medical care']],
      [
        'inpatient',
        [
          'Стационарлық және жоғары технологиялық медициналық көмек',
          'Стационарная и высокотехнологичная медицинская помощь',
          'Inpatient and high-tech medical care',
        ],
      ],
    ],
  },
  {
    code: 'education',
    names: ['Білім беру', 'Образование', 'Education'],
    subtopics: [
      [
        'preschool',
        [
          'Мектепке дейінгі білім беру (балабақшалар)',
          'Дошкольное образование (детские сады)',
          'Preschool education (kindergartens)',
        ],
      ],
      ['school', ['Орта білім беру (мектептер)', 'Среднее образование (школы)', 'Secondary education (schools)']],
      [
        'vocational',
        [
          'Техникалық және кәсіптік білім беру',
          'Техническое и профессиональное образование',
          'Technical and vocational education',
        ],
      ],
      ['higher', ['Жоғары білім және гранттар', 'Высшее образование и гранты', 'Higher education and grants']],
      ['inclusive', ['Инклюзивті білім беру', 'Инклюзивное образование', 'Inclusive education']],
    ],
  },
  {
    code: 'labour',
    names: ['Еңбек және жұмыспен қамту', 'Труд и занятость', 'Employment and labour'],
    subtopics: [
      ['wage_arrears', ['Жалақы бойынша берешек', 'Задолженность по заработной плате', 'Wage arrears']],
      ['employment', ['Жұмысқа орналасу', 'Трудоустройство', 'Job placement']],
      ['disputes', ['Еңбек даулары', 'Трудовые споры', 'Labour disputes']],
      ['safety', ['Еңбекті қорғау және қауіпсіздігі', 'Охрана и безопасность труда', 'Occupational safety and health']],
      [
        'training',
        [
          'Кәсіптік оқыту және қайта даярлау',
          'Профессиональное обучение и переподготовка',
          'Vocational training and retraining',
        ],
      ],
    ],
  },
  {
    code: 'transport',
    names: ['Жолдар және көлік', 'Дороги и транспорт', 'Roads and transport'],
    subtopics: [
      ['road_repair', ['Жолдарды жөндеу және күтіп ұстау', 'Ремонт и содержание дорог', 'Road repair and maintenance']],
      ['public', ['Қоғамдық көлік', 'Общественный транспорт', 'Public transport']],
      ['road_safety', ['Жол жүрісінің қауіпсіздігі', 'Безопасность дорожного движения', 'Road safety']],
      [
        'intercity',
        [
          'Қалааралық және теміржол қатынасы',
          'Междугороднее и железнодорожное сообщение',
          'Intercity and rail services',
        ],
      ],
    ],
  },
  {
    code: 'law',
    names: ['Құқық қорғау қызметі', 'Правоохранительная деятельность', 'Law enforcement'],
    subtopics: [
      ['police', ['Полиция қызметкерлерінің әрекеттері', 'Действия сотрудников полиции', 'Conduct of police officers']],
      ['public_order', ['Қоғамдық тәртіп', 'Общественный порядок', 'Public order']],
      ['fraud', ['Алаяқтық', 'Мошенничество', 'Fraud']],
      ['domestic_violence', ['Тұрмыстық зорлық-зомбылық', 'Бытовое насилие', 'Domestic violence']],
      ['court_enforcement', ['Сот актілерін орындау', 'Исполнение судебных актов', 'Enforcement of court decisions']],
    ],
  },
  {
    code: 'corruption',
    names: ['Сыбайлас жемқорлық', 'Коррупция', 'Corruption'],
    subtopics: [
      ['bribery', ['Парақорлық', 'Взяточничество', 'Bribery']],
      [
        'abuse_of_office',
        [
          'Лауазымдық өкілеттіктерді теріс пайдалану',
          'Злоупотребление должностными полномочиями',
          'Abuse of office',
        ],
      ],
      [
        'procurement',
        [
          'Мемлекеттік сатып алудағы бұзушылықтар',
          'Нарушения при государственных закупках',
          'Public procurement violations',
        ],
      ],
      ['conflict_of_interest', ['Мүдделер қақтығысы', 'Конфликт интересов', 'Conflict of interest']],
    ],
  },
  {
    code: 'ecology',
    names: ['Экология және қоршаған орта', 'Экология и окружающая среда', 'Ecology and environment'],
    subtopics: [
      ['air', ['Атмосфералық ауаның ластануы', 'Загрязнение атмосферного воздуха', 'Air pollution']],
      [
        'waste',
        ['Қалдықтар және рұқсатсыз қоқыс орындары', 'Отходы и несанкционированные свалки', 'Waste and illegal dumps'],
      ],
      ['water_bodies', ['Су объектілерінің жай-күйі', 'Состояние водных объектов', 'Rivers, lakes and reservoirs']],
      ['green', ['Ормандар және жасыл желектер', 'Леса и зелёные насаждения', 'Forests and green spaces']],
      [
        'animals',
        ['Жануарларға жауапкершілікпен қарау', 'Ответственное обращение с животными', 'Responsible treatment of animals'],
      ],
    ],
  },
  {
    code: 'agriculture',
    names: ['Ауыл шаруашылығы', 'Сельское хозяйство', 'Agriculture'],
    subtopics: [
      ['subsidies', ['Ауыл шаруашылығын субсидиялау', 'Субсидирование сельского хозяйства', 'Agricultural subsidies']],
      ['irrigation', ['Суармалы су және ирригация', 'Поливная вода и ирригация', 'Irrigation water']],
      ['veterinary', ['Ветеринария', 'Ветеринария', 'Veterinary services']],
      ['pastures', ['Жайылымдар', 'Пастбища', 'Pastures']],
      [
        'fuel',
        [
          'Егіс және орақ жұмыстарына арналған жанар-жағармай',
          'ГСМ для посевных и уборочных работ',
          'Fuel for sowing and harvesting',
        ],
      ],
    ],
  },
  {
    code: 'business',
    names: ['Кәсіпкерлікті қолдау', 'Поддержка предпринимательства', 'Business support'],
    subtopics: [
      [
        'financing',
        ['Бизнесті қаржыландыру және гранттар', 'Финансирование и гранты для бизнеса', 'Business financing and grants'],
      ],
      [
        'inspections',
        ['Тексерулер және әкімшілік кедергілер', 'Проверки и административные барьеры', 'Inspections and red tape'],
      ],
      ['permits', ['Рұқсаттар мен лицензиялар', 'Разрешения и лицензии', 'Permits and licences']],
      ['taxes', ['Салық салу', 'Налогообложение', 'Taxation']],
    ],
  },
  {
    code: 'public_services',
    names: ['Мемлекеттік қызметтер және құжаттар', 'Государственные услуги и документы', 'Public services and documents'],
    subtopics: [
      [
        'identity_documents',
        ['Жеке басты куәландыратын құжаттар', 'Документы, удостоверяющие личность', 'Identity documents'],
      ],
      [
        'residence_registration',
        ['Тұрғылықты жері бойынша тіркеу', 'Регистрация по месту жительства', 'Residence registration'],
      ],
      [
        'civil_registry',
        [
          'Азаматтық хал актілерін тіркеу (АХАТ)',
          'Регистрация актов гражданского состояния (ЗАГС)',
          'Civil registry (births, marriages, deaths)',
        ],
      ],
      [
        'psc',
        [
          'Халыққа қызмет көрсету орталықтарының жұмысы (ХҚКО)',
          'Работа центров обслуживания населения (ЦОН)',
          'Public service centres',
        ],
      ],
      [
        'egov',
        ['Электрондық үкімет порталы (eGov)', 'Портал электронного правительства (eGov)', 'e-Government portal (eGov)'],
      ],
      [
        'real_estate',
        ['Жылжымайтын мүлікке құқықтарды тіркеу', 'Регистрация прав на недвижимость', 'Real estate registration'],
      ],
    ],
  },
  {
    code: 'other',
    names: ['Басқа мәселелер', 'Прочие вопросы', 'Other'],
    subtopics: [
      ['gratitude', ['Алғыс білдіру', 'Благодарности', 'Expressions of gratitude']],
      ['party', ['Партияның қызметі', 'Деятельность партии', 'Party activities']],
      ['migration', ['Азаматтық және көші-қон', 'Гражданство и миграция', 'Citizenship and migration']],
      [
        'consumer_rights',
        ['Тұтынушылардың құқықтарын қорғау', 'Защита прав потребителей', 'Consumer rights protection'],
      ],
    ],
  },
];

const names = ([kk, ru, en]: Names): CategoryNames => ({ kk, ru, en });

export const CATEGORIES: ReadonlyArray<CategorySeed> = [
  ...TOPICS.map((t): CategorySeed => ({ code: t.code, names: names(t.names) })),
  ...TOPICS.flatMap((t) =>
    t.subtopics.map(([suffix, n]): CategorySeed => ({
      code: `${t.code}.${suffix}`,
      names: names(n),
      parentCode: t.code,
    })),
  ),
];
