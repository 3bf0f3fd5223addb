// 64 parallel GET /appeals?pageSize=200 by one whole-country operator (docs/search.md).
// Usage: node bench/search/parallel-pages.mjs http://127.0.0.1:3917 <adminPassword> [--no-sort]
// (--no-sort: for a build before v1.1, which has no `sort`; every request is then newest first.)
const [base, adminPassword, flag] = process.argv.slice(2);
const api = (path, init = {}) => fetch(`${base}/api/v1${path}`, { ...init, headers: { 'content-type': 'application/json', ...(init.headers ?? {}) } });
const token = async (login, password) => (await (await api('/auth/login', { method: 'POST', body: JSON.stringify({ login, password }) })).json()).accessToken;
const admin = await token('admin', adminPassword);
const auth = (t) => ({ authorization: `Bearer ${t}` });
const central = (await (await api('/branches', { headers: auth(admin) })).json()).find((b) => b.level === 'central');
await api('/users', { method: 'POST', headers: auth(admin), body: JSON.stringify({ login: 'operator.kz', password: 'operator-password-1', fullName: 'Operator KZ', role: 'operator', branchId: central.id }) });
const operator = await token('operator.kz', 'operator-password-1');
const sorts = ['-receivedAt', 'receivedAt', 'dueDate', '-dueDate'];
for (const round of [1, 2]) {
  const started = Date.now();
  const answers = await Promise.all(
    Array.from({ length: 64 }, async (_, i) => {
      const t0 = Date.now();
      const res = await api(`/appeals?pageSize=200&page=${1 + (i % 8)}${flag === '--no-sort' ? '' : `&sort=${sorts[i % 4]}`}`, { headers: auth(operator) });
      const body = await res.json();
      return { status: res.status, ms: Date.now() - t0, total: body.total, estimate: body.totalIsEstimate, items: body.items?.length };
    }),
  );
  const ms = answers.map((a) => a.ms).sort((a, b) => a - b);
  const statuses = answers.reduce((m, a) => ({ ...m, [a.status]: (m[a.status] ?? 0) + 1 }), {});
  console.log(JSON.stringify({ round, statuses, wallMs: Date.now() - started, p50: ms[31], p95: ms[60], max: ms[63], total: answers[0].total, totalIsEstimate: answers[0].estimate, items: answers[0].items }));
}
