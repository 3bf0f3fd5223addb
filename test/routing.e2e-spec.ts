import { startTestApp, TestApp } from './support/test-app';
import { appealInput, buildWorld, World } from './support/world';

/**
 * Routing resolution at intake (API.md "Reference data"): the deepest branch wins, then the
 * deepest category, then the highest priority. Rules are added step by step, each step showing
 * which rule now wins for the same appeal.
 */
describe('routing an appeal by rule at intake', () => {
  let t: TestApp;
  let w: World;

  beforeAll(async () => {
    t = await startTestApp();
    w = await buildWorld(t);
  });
  afterAll(() => t?.close());

  const agencyFor = async (categoryId: string, branchId: string) => {
    const res = await w.users.operatorKz.post('/appeals', { ...appealInput(w, { categoryId, branchId }), channel: 'mail' });
    expect(res.status).toBe(201);
    // The administrator's tester (GET /routing-rules/resolve) names the rule intake just used.
    const resolved = await w.users.controllerAla.get(`/routing-rules/resolve?categoryId=${categoryId}&branchId=${branchId}`);
    expect(resolved.status).toBe(200);
    expect(resolved.body.rule?.agencyId ?? null).toBe(res.body.agencyId);
    return { status: res.body.status, agencyId: res.body.agencyId };
  };
  const rule = async (body: Record<string, unknown>) => expect((await w.admin.post('/routing-rules', body)).status).toBe(201);

  it('resolves by depth of branch, then of category, then priority', async () => {
    const { housing, housingRepair, other } = w.categories;
    const { ala, alaBos, alaAlm, ast } = w.branches;
    const a = w.agencies;

    // The Almaty rule on "housing" beats the national one on the same category.
    expect(await agencyFor(housingRepair, alaBos)).toEqual({ status: 'routed', agencyId: a.alaAkimat });
    expect(await agencyFor(housingRepair, ast)).toEqual({ status: 'routed', agencyId: a.astAkimat });

    // A national rule on the deeper category with a high priority does not beat a deeper branch...
    await rule({ categoryId: housingRepair, agencyId: a.minHealth, priority: 100 });
    expect(await agencyFor(housingRepair, alaBos)).toEqual({ status: 'routed', agencyId: a.alaAkimat });
    // ...but wins where no branch rule exists.
    expect(await agencyFor(housingRepair, w.branches.kz)).toEqual({ status: 'routed', agencyId: a.minHealth });

    // Same branch depth: the deeper category wins.
    await rule({ categoryId: housingRepair, agencyId: a.minConstruction, branchId: ala });
    expect(await agencyFor(housingRepair, alaBos)).toEqual({ status: 'routed', agencyId: a.minConstruction });
    expect(await agencyFor(housing, alaBos)).toEqual({ status: 'routed', agencyId: a.alaAkimat });

    // Same depths: the higher priority wins.
    await rule({ categoryId: housingRepair, agencyId: a.astAkimat, branchId: ala, priority: 5 });
    expect(await agencyFor(housingRepair, alaBos)).toEqual({ status: 'routed', agencyId: a.astAkimat });

    // A district rule beats the regional one.
    await rule({ categoryId: housing, agencyId: a.minHealth, branchId: alaAlm });
    expect(await agencyFor(housing, alaAlm)).toEqual({ status: 'routed', agencyId: a.minHealth });
    expect(await agencyFor(housing, alaBos)).toEqual({ status: 'routed', agencyId: a.alaAkimat });

    // No rule: the case waits for a controller.
    expect(await agencyFor(other, alaBos)).toEqual({ status: 'registered', agencyId: null });
  });

  it('the resolve endpoint refuses a malformed or unknown category or branch with 400 naming it', async () => {
    const bad = await w.admin.get(`/routing-rules/resolve?categoryId=nope&branchId=${w.branches.ala}`);
    expect(bad.status).toBe(400);
    expect(bad.body.details.map((d: { field: string }) => d.field)).toContain('categoryId');
    const missing = await w.admin.get(`/routing-rules/resolve?categoryId=${w.categories.housing}&branchId=00000000-0000-4000-8000-000000000000`);
    expect(missing.status).toBe(400);
    expect(missing.body.details.map((d: { field: string }) => d.field)).toEqual(['branchId']);
    const noBranch = await w.admin.get(`/routing-rules/resolve?categoryId=${w.categories.housing}`);
    expect(noBranch.status).toBe(400);
  });
});
