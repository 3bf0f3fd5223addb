/**
 * Kazakh and English names of the branch territories (branches.ts keeps the Russian ones).
 *
 * Regions: the official names of the oblasts and of the cities of republican significance. Districts and
 * cities of regional significance: the Kazakh toponym as written in Kazakh (Бостандық, Әуезов, Өскемен,
 * Орал) and its English transliteration (the current official Latin forms: Oskemen, Oral, Petropavl,
 * Satbayev); districts named after a person keep the person's name (Т. Рысқұлов / Turar Ryskulov).
 * The branch names themselves ("… аудандық филиалы" / "… District Branch") are built in branches.ts.
 */

export interface TerritoryNames {
  /** Kazakh nominative of the territory: "Алматы облысы", "Астана қаласы". */
  kk: string;
  /** English: "Almaty Region", "Astana". */
  en: string;
}

export const REGION_NAMES: Readonly<Record<string, TerritoryNames>> = {
  AST: { kk: 'Астана қаласы', en: 'Astana' },
  ALA: { kk: 'Алматы қаласы', en: 'Almaty' },
  SHY: { kk: 'Шымкент қаласы', en: 'Shymkent' },
  ABA: { kk: 'Абай облысы', en: 'Abai Region' },
  AKM: { kk: 'Ақмола облысы', en: 'Akmola Region' },
  AKT: { kk: 'Ақтөбе облысы', en: 'Aktobe Region' },
  ALM: { kk: 'Алматы облысы', en: 'Almaty Region' },
  ATY: { kk: 'Атырау облысы', en: 'Atyrau Region' },
  VKO: { kk: 'Шығыс Қазақстан облысы', en: 'East Kazakhstan Region' },
  ZHA: { kk: 'Жамбыл облысы', en: 'Zhambyl Region' },
  ZHE: { kk: 'Жетісу облысы', en: 'Zhetysu Region' },
  ZKO: { kk: 'Батыс Қазақстан облысы', en: 'West Kazakhstan Region' },
  KAR: { kk: 'Қарағанды облысы', en: 'Karaganda Region' },
  KOS: { kk: 'Қостанай облысы', en: 'Kostanay Region' },
  KZY: { kk: 'Қызылорда облысы', en: 'Kyzylorda Region' },
  MAN: { kk: 'Маңғыстау облысы', en: 'Mangystau Region' },
  PAV: { kk: 'Павлодар облысы', en: 'Pavlodar Region' },
  SKO: { kk: 'Солтүстік Қазақстан облысы', en: 'North Kazakhstan Region' },
  TUR: { kk: 'Түркістан облысы', en: 'Turkistan Region' },
  ULY: { kk: 'Ұлытау облысы', en: 'Ulytau Region' },
};

/** District or city of regional significance, by branch code: [Kazakh toponym, English toponym]. */
// prettier-ignore
export const DISTRICT_NAMES: Readonly<Record<string, readonly [kk: string, en: string]>> = {
  'AST-ALMATY': ['Алматы', 'Almaty'], 'AST-BAIKONYR': ['Байқоңыр', 'Baikonyr'], 'AST-ESIL': ['Есіл', 'Esil'],
  'AST-NURA': ['Нұра', 'Nura'], 'AST-SARAISHYK': ['Сарайшық', 'Saraishyk'], 'AST-SARYARKA': ['Сарыарқа', 'Saryarka'],

  'ALA-ALATAU': ['Алатау', 'Alatau'], 'ALA-ALMALY': ['Алмалы', 'Almaly'], 'ALA-AUEZOV': ['Әуезов', 'Auezov'],
  'ALA-BOSTANDYK': ['Бостандық', 'Bostandyk'], 'ALA-ZHETYSU': ['Жетісу', 'Zhetysu'], 'ALA-MEDEU': ['Медеу', 'Medeu'],
  'ALA-NAURYZBAI': ['Наурызбай', 'Nauryzbai'], 'ALA-TURKSIB': ['Түрксіб', 'Turksib'],

  'SHY-ABAI': ['Абай', 'Abai'], 'SHY-AL-FARABI': ['Әл-Фараби', 'Al-Farabi'], 'SHY-ENBEKSHI': ['Еңбекші', 'Enbekshi'],
  'SHY-KARATAU': ['Қаратау', 'Karatau'], 'SHY-TURAN': ['Тұран', 'Turan'],

  'ABA-SEMEY': ['Семей', 'Semey'], 'ABA-KURCHATOV': ['Курчатов', 'Kurchatov'], 'ABA-ABAI': ['Абай', 'Abai'],
  'ABA-AKSUAT': ['Ақсуат', 'Aksuat'], 'ABA-AYAGOZ': ['Аягөз', 'Ayagoz'], 'ABA-BESKARAGAI': ['Бесқарағай', 'Beskaragai'],
  'ABA-BORODULIKHA': ['Бородулиха', 'Borodulikha'], 'ABA-ZHANASEMEY': ['Жаңасемей', 'Zhanasemey'],
  'ABA-ZHARMA': ['Жарма', 'Zharma'], 'ABA-KOKPEKTY': ['Көкпекті', 'Kokpekty'], 'ABA-MAKANSHY': ['Мақаншы', 'Makanshy'],
  'ABA-URZHAR': ['Үржар', 'Urzhar'],

  'AKM-KOKSHETAU': ['Көкшетау', 'Kokshetau'], 'AKM-KOSSHY': ['Қосшы', 'Kosshy'], 'AKM-STEPNOGORSK': ['Степногорск', 'Stepnogorsk'],
  'AKM-AKKOL': ['Ақкөл', 'Akkol'], 'AKM-ARSHALY': ['Аршалы', 'Arshaly'], 'AKM-ASTRAKHAN': ['Астрахан', 'Astrakhan'],
  'AKM-ATBASAR': ['Атбасар', 'Atbasar'], 'AKM-BIRZHAN-SAL': ['Біржан сал', 'Birzhan Sal'], 'AKM-BULANDY': ['Буланды', 'Bulandy'],
  'AKM-BURABAY': ['Бурабай', 'Burabay'], 'AKM-EGINDYKOL': ['Егіндікөл', 'Egindykol'], 'AKM-EREYMENTAU': ['Ерейментау', 'Ereymentau'],
  'AKM-ESIL': ['Есіл', 'Esil'], 'AKM-ZHAKSY': ['Жақсы', 'Zhaksy'], 'AKM-ZHARKAIN': ['Жарқайың', 'Zharkain'],
  'AKM-ZERENDA': ['Зеренді', 'Zerendi'], 'AKM-KORGALZHYN': ['Қорғалжын', 'Korgalzhyn'], 'AKM-SANDYKTAU': ['Сандықтау', 'Sandyktau'],
  'AKM-TSELINOGRAD': ['Целиноград', 'Tselinograd'], 'AKM-SHORTANDY': ['Шортанды', 'Shortandy'],

  'AKT-AKTOBE': ['Ақтөбе', 'Aktobe'], 'AKT-AITEKEBI': ['Әйтеке би', 'Aiteke Bi'], 'AKT-ALGA': ['Алға', 'Alga'],
  'AKT-BAIGANIN': ['Байғанин', 'Baiganin'], 'AKT-IRGIZ': ['Ырғыз', 'Irgiz'], 'AKT-KARGALY': ['Қарғалы', 'Kargaly'],
  'AKT-MARTUK': ['Мәртөк', 'Martuk'], 'AKT-MUGALZHAR': ['Мұғалжар', 'Mugalzhar'], 'AKT-TEMIR': ['Темір', 'Temir'],
  'AKT-UIL': ['Ойыл', 'Uil'], 'AKT-KHOBDA': ['Қобда', 'Khobda'], 'AKT-KHROMTAU': ['Хромтау', 'Khromtau'],
  'AKT-SHALKAR': ['Шалқар', 'Shalkar'],

  'ALM-KONAEV': ['Қонаев', 'Konaev'], 'ALM-ALATAU': ['Алатау', 'Alatau'], 'ALM-BALKHASH': ['Балқаш', 'Balkhash'],
  'ALM-ENBEKSHIKAZAKH': ['Еңбекшіқазақ', 'Enbekshikazakh'], 'ALM-ZHAMBYL': ['Жамбыл', 'Zhambyl'], 'ALM-ILI': ['Іле', 'Ili'],
  'ALM-KARASAI': ['Қарасай', 'Karasai'], 'ALM-KEGEN': ['Кеген', 'Kegen'], 'ALM-RAIYMBEK': ['Райымбек', 'Raiymbek'],
  'ALM-TALGAR': ['Талғар', 'Talgar'], 'ALM-UIGUR': ['Ұйғыр', 'Uigur'],

  'ATY-ATYRAU': ['Атырау', 'Atyrau'], 'ATY-ZHYLYOI': ['Жылыой', 'Zhylyoi'], 'ATY-INDER': ['Индер', 'Inder'],
  'ATY-ISATAI': ['Исатай', 'Isatai'], 'ATY-KYZYLKOGA': ['Қызылқоға', 'Kyzylkoga'], 'ATY-KURMANGAZY': ['Құрманғазы', 'Kurmangazy'],
  'ATY-MAKAT': ['Мақат', 'Makat'], 'ATY-MAKHAMBET': ['Махамбет', 'Makhambet'],

  'VKO-UST-KAMENOGORSK': ['Өскемен', 'Oskemen'], 'VKO-RIDDER': ['Риддер', 'Ridder'], 'VKO-ALTAI': ['Алтай', 'Altai'],
  'VKO-GLUBOKOE': ['Глубокое', 'Glubokoe'], 'VKO-ZAISAN': ['Зайсан', 'Zaisan'], 'VKO-KATON-KARAGAI': ['Катонқарағай', 'Katon-Karagai'],
  'VKO-KURCHUM': ['Күршім', 'Kurchum'], 'VKO-MARKAKOL': ['Марқакөл', 'Markakol'], 'VKO-SAMAR': ['Самар', 'Samar'],
  'VKO-TARBAGATAI': ['Тарбағатай', 'Tarbagatai'], 'VKO-ULAN': ['Ұлан', 'Ulan'], 'VKO-ULKEN-NARYN': ['Үлкен Нарын', 'Ulken Naryn'],
  'VKO-SHEMONAIKHA': ['Шемонаиха', 'Shemonaikha'],

  'ZHA-TARAZ': ['Тараз', 'Taraz'], 'ZHA-BAIZAK': ['Байзақ', 'Baizak'], 'ZHA-ZHAMBYL': ['Жамбыл', 'Zhambyl'],
  'ZHA-ZHUALY': ['Жуалы', 'Zhualy'], 'ZHA-KORDAI': ['Қордай', 'Kordai'], 'ZHA-MERKE': ['Меркі', 'Merke'],
  'ZHA-MOIYNKUM': ['Мойынқұм', 'Moiynkum'], 'ZHA-T-RYSKULOV': ['Т. Рысқұлов', 'Turar Ryskulov'], 'ZHA-SARYSU': ['Сарысу', 'Sarysu'],
  'ZHA-TALAS': ['Талас', 'Talas'], 'ZHA-SHU': ['Шу', 'Shu'],

  'ZHE-TALDYKORGAN': ['Талдықорған', 'Taldykorgan'], 'ZHE-TEKELI': ['Текелі', 'Tekeli'], 'ZHE-AKSU': ['Ақсу', 'Aksu'],
  'ZHE-ALAKOL': ['Алакөл', 'Alakol'], 'ZHE-ESKELDI': ['Ескелді', 'Eskeldi'], 'ZHE-KARATAL': ['Қаратал', 'Karatal'],
  'ZHE-KERBULAK': ['Кербұлақ', 'Kerbulak'], 'ZHE-KOKSU': ['Көксу', 'Koksu'], 'ZHE-PANFILOV': ['Панфилов', 'Panfilov'],
  'ZHE-SARKAND': ['Сарқан', 'Sarkand'],

  'ZKO-URALSK': ['Орал', 'Oral'], 'ZKO-AKZHAIK': ['Ақжайық', 'Akzhaik'], 'ZKO-BAITEREK': ['Бәйтерек', 'Baiterek'],
  'ZKO-BOKEYORDA': ['Бөкей ордасы', 'Bokey Orda'], 'ZKO-BURLIN': ['Бөрлі', 'Burlin'], 'ZKO-ZHANGALA': ['Жаңақала', 'Zhangala'],
  'ZKO-ZHANIBEK': ['Жәнібек', 'Zhanibek'], 'ZKO-KAZTALOV': ['Қазталов', 'Kaztalov'], 'ZKO-KARATOBE': ['Қаратөбе', 'Karatobe'],
  'ZKO-SYRYM': ['Сырым', 'Syrym'], 'ZKO-TASKALA': ['Тасқала', 'Taskala'], 'ZKO-TEREKTI': ['Теректі', 'Terekti'],
  'ZKO-CHINGIRLAU': ['Шыңғырлау', 'Chingirlau'],

  'KAR-KARAGANDA': ['Қарағанды', 'Karaganda'], 'KAR-BALKHASH': ['Балқаш', 'Balkhash'], 'KAR-PRIOZERSK': ['Приозерск', 'Priozersk'],
  'KAR-SARAN': ['Саран', 'Saran'], 'KAR-TEMIRTAU': ['Теміртау', 'Temirtau'], 'KAR-SHAKHTINSK': ['Шахтинск', 'Shakhtinsk'],
  'KAR-ABAI': ['Абай', 'Abai'], 'KAR-AKTOGAI': ['Ақтоғай', 'Aktogai'], 'KAR-BUKHAR-ZHYRAU': ['Бұқар жырау', 'Bukhar-Zhyrau'],
  'KAR-KARKARALY': ['Қарқаралы', 'Karkaraly'], 'KAR-NURA': ['Нұра', 'Nura'], 'KAR-OSAKAROVKA': ['Осакаров', 'Osakarovka'],
  'KAR-SHET': ['Шет', 'Shet'],

  'KOS-KOSTANAY': ['Қостанай', 'Kostanay'], 'KOS-ARKALYK': ['Арқалық', 'Arkalyk'], 'KOS-LISAKOVSK': ['Лисаков', 'Lisakovsk'],
  'KOS-RUDNY': ['Рудный', 'Rudny'], 'KOS-ALTYNSARIN': ['Алтынсарин', 'Altynsarin'], 'KOS-AMANGELDY': ['Амангелді', 'Amangeldy'],
  'KOS-AULIEKOL': ['Әулиекөл', 'Auliekol'], 'KOS-B-MAILIN': ['Бейімбет Майлин', 'Beimbet Mailin'], 'KOS-DENISOVKA': ['Денисов', 'Denisovka'],
  'KOS-ZHANGELDIN': ['Жангелдин', 'Zhangeldin'], 'KOS-ZHITIKARA': ['Жітіқара', 'Zhitikara'], 'KOS-KAMYSTY': ['Қамысты', 'Kamysty'],
  'KOS-KARABALYK': ['Қарабалық', 'Karabalyk'], 'KOS-KARASU': ['Қарасу', 'Karasu'], 'KOS-KOSTANAY-DISTRICT': ['Қостанай', 'Kostanay'],
  'KOS-MENDYKARA': ['Меңдіқара', 'Mendykara'], 'KOS-NAURZUM': ['Наурызым', 'Naurzum'], 'KOS-SARYKOL': ['Сарыкөл', 'Sarykol'],
  'KOS-UZUNKOL': ['Ұзынкөл', 'Uzunkol'], 'KOS-FEDOROVKA': ['Федоров', 'Fedorovka'],

  'KZY-KYZYLORDA': ['Қызылорда', 'Kyzylorda'], 'KZY-ARAL': ['Арал', 'Aral'], 'KZY-ZHALAGASH': ['Жалағаш', 'Zhalagash'],
  'KZY-ZHANAKORGAN': ['Жаңақорған', 'Zhanakorgan'], 'KZY-KAZALY': ['Қазалы', 'Kazaly'], 'KZY-KARMAKSHY': ['Қармақшы', 'Karmakshy'],
  'KZY-SYRDARYA': ['Сырдария', 'Syrdarya'], 'KZY-SHIELI': ['Шиелі', 'Shieli'],

  'MAN-AKTAU': ['Ақтау', 'Aktau'], 'MAN-ZHANAOZEN': ['Жаңаөзен', 'Zhanaozen'], 'MAN-BEINEU': ['Бейнеу', 'Beineu'],
  'MAN-KARAKIYA': ['Қарақия', 'Karakiya'], 'MAN-MANGISTAU': ['Маңғыстау', 'Mangystau'], 'MAN-MUNAILY': ['Мұнайлы', 'Munaily'],
  'MAN-TUPKARAGAN': ['Түпқараған', 'Tupkaragan'],

  'PAV-PAVLODAR': ['Павлодар', 'Pavlodar'], 'PAV-AKSU': ['Ақсу', 'Aksu'], 'PAV-EKIBASTUZ': ['Екібастұз', 'Ekibastuz'],
  'PAV-AKKULY': ['Аққулы', 'Akkuly'], 'PAV-BAYANAUL': ['Баянауыл', 'Bayanaul'], 'PAV-ZHELEZIN': ['Железин', 'Zhelezin'],
  'PAV-IRTYSH': ['Ертіс', 'Irtysh'], 'PAV-MAY': ['Май', 'May'], 'PAV-PAVLODAR-DISTRICT': ['Павлодар', 'Pavlodar'],
  'PAV-TERENKOL': ['Тереңкөл', 'Terenkol'], 'PAV-USPEN': ['Успен', 'Uspen'], 'PAV-SHARBAKTY': ['Шарбақты', 'Sharbakty'],

  'SKO-PETROPAVLOVSK': ['Петропавл', 'Petropavl'], 'SKO-AIYRTAU': ['Айыртау', 'Aiyrtau'], 'SKO-AKZHAR': ['Ақжар', 'Akzhar'],
  'SKO-AKKAYIN': ['Аққайың', 'Akkayin'], 'SKO-ESIL': ['Есіл', 'Esil'], 'SKO-ZHAMBYL': ['Жамбыл', 'Zhambyl'],
  'SKO-M-ZHUMABAEV': ['Мағжан Жұмабаев', 'Magzhan Zhumabayev'], 'SKO-KYZYLZHAR': ['Қызылжар', 'Kyzylzhar'],
  'SKO-MAMLYUT': ['Мамлют', 'Mamlyut'], 'SKO-G-MUSREPOV': ['Ғабит Мүсірепов', 'Gabit Musrepov'], 'SKO-TAIYNSHA': ['Тайынша', 'Taiynsha'],
  'SKO-TIMIRYAZEV': ['Тимирязев', 'Timiryazev'], 'SKO-UALIKHANOV': ['Уәлиханов', 'Ualikhanov'], 'SKO-SHAL-AKYN': ['Шал ақын', 'Shal Akyn'],

  'TUR-TURKISTAN': ['Түркістан', 'Turkistan'], 'TUR-ARYS': ['Арыс', 'Arys'], 'TUR-KENTAU': ['Кентау', 'Kentau'],
  'TUR-BAIDIBEK': ['Бәйдібек', 'Baidibek'], 'TUR-ZHETYSAI': ['Жетісай', 'Zhetysai'], 'TUR-KAZYGURT': ['Қазығұрт', 'Kazygurt'],
  'TUR-KELES': ['Келес', 'Keles'], 'TUR-MAKTAARAL': ['Мақтаарал', 'Maktaaral'], 'TUR-ORDABASY': ['Ордабасы', 'Ordabasy'],
  'TUR-OTRAR': ['Отырар', 'Otyrar'], 'TUR-SAIRAM': ['Сайрам', 'Sairam'], 'TUR-SARYAGASH': ['Сарыағаш', 'Saryagash'],
  'TUR-SAURAN': ['Сауран', 'Sauran'], 'TUR-SOZAK': ['Созақ', 'Sozak'], 'TUR-TOLEBI': ['Төлеби', 'Tolebi'],
  'TUR-TULKIBAS': ['Түлкібас', 'Tulkibas'], 'TUR-SHARDARA': ['Шардара', 'Shardara'],

  'ULY-ZHEZKAZGAN': ['Жезқазған', 'Zhezkazgan'], 'ULY-KARAZHAL': ['Қаражал', 'Karazhal'], 'ULY-SATPAYEV': ['Сәтбаев', 'Satbayev'],
  'ULY-ZHANAARKA': ['Жаңаарқа', 'Zhanaarka'], 'ULY-ULYTAU': ['Ұлытау', 'Ulytau'],
};
