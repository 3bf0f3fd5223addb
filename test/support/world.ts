import { ApiClient, login } from './api-client';
import { TestApp } from './test-app';

type Server = Parameters<typeof login>[0];

export const VALID_IINS = ['921029350851', '791028302728', '061211600012'];
export const PASSWORD = 'password-123';

/**
 * A small organisation built through the API as the bootstrap admin: the central office, two
 * regions (Almaty city, Astana) with districts, a classifier, agencies, routing rules and one
 * user per role.
 */
export interface World {
  server: Server;
  admin: ApiClient;
  anonymous: ApiClient;
  branches: Record<'kz' | 'ala' | 'alaBos' | 'alaAlm' | 'ast' | 'astEsl', string>;
  categories: Record<'housing' | 'housingRepair' | 'health' | 'other', string>;
  agencies: Record<'minConstruction' | 'alaAkimat' | 'astAkimat' | 'minHealth', string>;
  users: Record<'operatorAla' | 'operatorKz' | 'controllerAla' | 'controllerAst' | 'receptionAla' | 'analystKz' | 'officerAlaAkimat' | 'officerMinHealth', ApiClient>;
  userIds: Record<string, string>;
}

export async function buildWorld(t: TestApp): Promise<World> {
  const server = t.app.getHttpServer();
  const admin = await login(server, 'admin', 'admin-password');
  const id = async (path: string, body: object): Promise<string> => {
    const res = await admin.post(path, body);
    if (res.status !== 201) throw new Error(`${path} ${JSON.stringify(body)} → ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.id;
  };
  const kz = await id('/branches', { code: 'KZ', name: 'Центральный аппарат', level: 'central' });
  const ala = await id('/branches', { code: 'ALA', name: 'Алматинский городской филиал', level: 'regional', parentId: kz });
  const alaBos = await id('/branches', { code: 'ALA-BOS', name: 'Бостандыкский районный филиал', level: 'district', parentId: ala });
  const alaAlm = await id('/branches', { code: 'ALA-ALM', name: 'Алмалинский районный филиал', level: 'district', parentId: ala });
  const ast = await id('/branches', { code: 'AST', name: 'Астанинский городской филиал', level: 'regional', parentId: kz });
  const astEsl = await id('/branches', { code: 'AST-ESL', name: 'Есильский районный филиал', level: 'district', parentId: ast });

  const housing = await id('/categories', { code: 'HOUSING', names: { kk: 'Тұрғын үй', ru: 'Жилье', en: 'Housing' } });
  const housingRepair = await id('/categories', {
    code: 'HOUSING.REPAIR',
    names: { kk: 'Жөндеу', ru: 'Ремонт жилья', en: 'Housing repair' },
    parentId: housing,
  });
  const health = await id('/categories', { code: 'HEALTH', names: { kk: 'Денсаулық сақтау', ru: 'Здравоохранение', en: 'Healthcare' } });
  const other = await id('/categories', { code: 'OTHER', names: { kk: 'Басқа', ru: 'Прочее', en: 'Other' } });

  const minConstruction = await id('/agencies', { code: 'MIN-CONSTR', name: 'Министерство промышленности и строительства' });
  const alaAkimat = await id('/agencies', { code: 'ALA-AKIMAT', name: 'Акимат города Алматы', branchId: ala });
  const astAkimat = await id('/agencies', { code: 'AST-AKIMAT', name: 'Акимат города Астаны', branchId: ast });
  const minHealth = await id('/agencies', { code: 'MIN-HEALTH', name: 'Министерство здравоохранения' });

  await id('/routing-rules', { categoryId: housing, agencyId: minConstruction });
  await id('/routing-rules', { categoryId: housing, agencyId: alaAkimat, branchId: ala });
  await id('/routing-rules', { categoryId: housing, agencyId: astAkimat, branchId: ast });
  await id('/routing-rules', { categoryId: health, agencyId: minHealth });

  const userIds: Record<string, string> = {};
  const user = async (loginName: string, role: string, scope: { branchId?: string; agencyId?: string }) => {
    userIds[loginName] = await id('/users', { login: loginName, password: PASSWORD, fullName: `Test ${loginName}`, role, ...scope });
    return login(server, loginName, PASSWORD);
  };
  return {
    server,
    admin,
    anonymous: new ApiClient(server),
    branches: { kz, ala, alaBos, alaAlm, ast, astEsl },
    categories: { housing, housingRepair, health, other },
    agencies: { minConstruction, alaAkimat, astAkimat, minHealth },
    users: {
      operatorAla: await user('operator.ala', 'operator', { branchId: ala }),
      operatorKz: await user('operator.kz', 'operator', { branchId: kz }),
      controllerAla: await user('controller.ala', 'controller', { branchId: ala }),
      controllerAst: await user('controller.ast', 'controller', { branchId: ast }),
      receptionAla: await user('reception.ala', 'reception', { branchId: ala }),
      analystKz: await user('analyst.kz', 'analyst', { branchId: kz }),
      officerAlaAkimat: await user('officer.ala', 'agency_officer', { agencyId: alaAkimat }),
      officerMinHealth: await user('officer.health', 'agency_officer', { agencyId: minHealth }),
    },
    userIds,
  };
}

/** A valid staff AppealInput; override what a test is about. */
export function appealInput(w: World, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    type: 'complaint',
    categoryId: w.categories.housingRepair,
    branchId: w.branches.alaBos,
    subject: 'Протекает крыша',
    text: 'Крыша дома по ул. Абая протекает третий месяц, управляющая компания не отвечает.',
    language: 'ru',
    applicant: { fullName: 'Серик Ахметов', iin: VALID_IINS[0], phone: '8 701 123 45 67', email: 'serik@example.kz', address: 'Алматы, ул. Абая 1' },
    ...overrides,
  };
}
