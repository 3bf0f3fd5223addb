/**
 * One realistic request body per operation that takes one, keyed by operationId (`<Controller>_<method>`).
 * Kazakh data: IINs with valid check digits (DOMAIN.md), +7 mobile numbers, Almaty addresses, Kazakh and
 * Russian texts. The ids are fixed example UUIDs (a real call uses ids from the reference lists).
 * openapi-document.spec.ts fails when an operation with a body has no row here, when a row names no
 * operation, and when an example would not pass the operation's own validation.
 */

const ALMATY_BRANCH = '5d0f6a8e-2b7c-4f1e-9a3d-1c2b3a4d5e6f';
const ROAD_REPAIR_CATEGORY = '8c1e4b2a-7d3f-4a9e-b6c5-0f1e2d3c4b5a';
const ALMATY_AKIMAT = '3f2e1d0c-9b8a-4c7d-8e6f-5a4b3c2d1e0f';

const PORTAL_APPEAL = {
  type: 'complaint',
  language: 'kk',
  categoryId: ROAD_REPAIR_CATEGORY,
  branchId: ALMATY_BRANCH,
  subject: 'Аулаға жол жөндеу қажет',
  text: 'Алматы қаласы, Әуезов ауданы, Жетісу-2 ықшамауданы, 45-үйдің ауласындағы жол екі жыл бойы жөнделмеген. Жөндеу жұмыстарын жүргізуді сұраймын.',
  applicant: {
    fullName: 'Сәрсенбаев Ерлан Қайратұлы',
    iin: '921029350851',
    phone: '+77011234567',
    email: 'erlan.sarsenbayev@mail.kz',
    address: 'Алматы қ., Әуезов ауданы, Жетісу-2 ықш., 45-үй, 12-пәтер',
  },
};

export const REQUEST_EXAMPLES: Record<string, unknown> = {
  Auth_login: { login: 'operator', password: 'Almaty-Demo-2026' },
  Auth_changePassword: { currentPassword: 'Almaty-Demo-2026', newPassword: 'Көктем-таңы-2026' },

  Users_create: {
    login: 'a.nurlanova',
    password: 'Алатау-Медеу-2026',
    fullName: 'Нұрланова Айгерім Серікқызы',
    role: 'controller',
    branchId: ALMATY_BRANCH,
  },
  Users_update: { role: 'operator', active: true },
  Users_setPassword: { password: 'Тау-самалы-2026' },

  Org_createBranch: {
    code: 'ALA-AUE',
    level: 'district',
    parentId: ALMATY_BRANCH,
    name: 'Ауэзовский районный филиал',
    names: { kk: 'Әуезов аудандық филиалы', ru: 'Ауэзовский районный филиал', en: 'Auezov district branch' },
  },
  Org_createAgency: {
    code: 'ALA-ENERGY',
    branchId: ALMATY_BRANCH,
    name: 'Управление энергетики и водоснабжения города Алматы',
    names: {
      kk: 'Алматы қаласының Энергетика және сумен жабдықтау басқармасы',
      ru: 'Управление энергетики и водоснабжения города Алматы',
      en: 'Almaty city department of energy and water supply',
    },
  },
  Classifier_create: {
    code: 'housing.heating',
    names: { kk: 'Жылумен жабдықтау', ru: 'Теплоснабжение', en: 'Heating' },
  },
  Routing_create: { categoryId: ROAD_REPAIR_CATEGORY, branchId: ALMATY_BRANCH, agencyId: ALMATY_AKIMAT, priority: 10 },

  Calendar_setDay: { kind: 'holiday', name: 'Наурыз мейрамы (перенос)' },
  DeadlinePolicies_set: {
    decisionWorkdays: 15,
    forwardingWorkdays: 3,
    reminderLeadWorkdays: 2,
    escalationWorkdays: [3, 10],
    restartOnTransfer: false,
  },

  Portal_submit: PORTAL_APPEAL,
  Portal_clarify: { text: 'Кадастровый номер дома: 20:315:004:123. Подъезд №2, квартира 45.' },
  Portal_rate: { satisfied: true, comment: 'Жол жөнделді, рахмет!' },
  StaffIntake_create: {
    channel: 'mail',
    type: 'statement',
    language: 'ru',
    categoryId: ROAD_REPAIR_CATEGORY,
    branchId: ALMATY_BRANCH,
    receivedAt: '2026-12-04T09:30:00+05:00',
    subject: 'Отсутствует уличное освещение',
    text: 'На улице Толе би от Байзакова до Муратбаева третью неделю не горят фонари. Просим восстановить освещение.',
    applicant: {
      fullName: 'Ким Валентина Петровна',
      iin: '791028302728',
      phone: '+77051234567',
      address: 'г. Алматы, Алмалинский район, ул. Толе би, 150, кв. 8',
    },
  },

  Lifecycle_route: { agencyId: ALMATY_AKIMAT, expectedVersion: 1 },
  Lifecycle_accept: { expectedVersion: 2 },
  Lifecycle_return: { reason: 'Вопрос относится к компетенции акимата Медеуского района', expectedVersion: 2 },
  Lifecycle_pause: { reason: 'Өтініш берушіден үйдің кадастрлық нөмірін нақтылау сұралды', expectedVersion: 3 },
  Lifecycle_resume: { expectedVersion: 4 },
  Lifecycle_extend: { dueDate: '2027-01-29', reason: 'Требуется выезд комиссии на место', expectedVersion: 3 },
  Lifecycle_answer: {
    outcome: 'positive',
    text: 'Жол жөндеу жұмыстары 2027 жылғы мамыр айына жоспарланды. Мердігер анықталды.',
    expectedVersion: 3,
  },
  Lifecycle_close: { expectedVersion: 4 },
  Lifecycle_reopen: { reason: 'Ответ не содержит сроков выполнения работ', expectedVersion: 5 },
  Lifecycle_withdraw: { reason: 'Заявитель отозвал обращение по телефону', expectedVersion: 2 },

  CallCentre_create: {
    callerPhone: '87471234567',
    startedAt: '2026-12-04T10:15:00+05:00',
    endedAt: '2026-12-04T10:22:00+05:00',
    result: 'appeal',
    notes: 'Звонок на русском языке',
    appeal: {
      type: 'request',
      language: 'ru',
      categoryId: ROAD_REPAIR_CATEGORY,
      branchId: ALMATY_BRANCH,
      subject: 'Нет горячей воды',
      text: 'В доме по адресу мкр. Самал-2, 58 нет горячей воды с 1 декабря.',
      applicant: { fullName: 'Оспанов Нурлан Маратович', phone: '+77471234567', address: 'г. Алматы, мкр. Самал-2, 58' },
    },
  },
  Receptions_create: {
    branchId: ALMATY_BRANCH,
    hostType: 'majilis_deputy',
    hostName: 'Жақсыбеков Асқар Мұратұлы',
    format: 'in_person',
    startsAt: '2026-12-10T10:00:00+05:00',
    endsAt: '2026-12-10T13:00:00+05:00',
  },
  Receptions_addVisit: {
    visitor: { fullName: 'Жұмабаева Гүлнар Асқарқызы', iin: '061211600012', phone: '+77771234567' },
    topic: 'Балабақшаға кезек',
    result: 'consultation',
  },

  Receptions_update: { endsAt: '2026-12-10T13:40:00+05:00' },

  AppealImports_create:
    'externalId,receivedOn,branchCode,categoryCode,agencyCode,channel,type,status,outcome,answeredOn,subject,language,applicantName,applicantIin\r\n' +
    'EOT-2023-000117,2023-03-14,ALA,housing,ALA-AKIMAT,mail,complaint,closed,positive,2023-03-30,Протечка кровли,ru,Ахметова Динара,921029350851\r\n',
};
