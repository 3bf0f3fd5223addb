import { AGENCIES, akimatCode, policeCode } from './agencies';
import { BRANCHES, CENTRAL_BRANCH_CODE, REGIONAL_BRANCH_CODES } from './branches';
import { CATEGORIES } from './categories';
import { ROUTING_RULES } from './routing-rules';

const CODE_RE = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;

/** Asserts every parentCode names an item declared earlier in the list. */
function expectParentsFirst(items: ReadonlyArray<{ code: string; parentCode?: string }>): void {
  const seen = new Set<string>();
  const violations: string[] = [];
  for (const item of items) {
    if (item.parentCode !== undefined && !seen.has(item.parentCode)) {
      violations.push(`${item.code} → ${item.parentCode}`);
    }
    seen.add(item.code);
  }
  expect(violations).toEqual([]);
}

function duplicates(values: ReadonlyArray<string>): string[] {
  return values.filter((v, i) => values.indexOf(v) !== i);
}

describe('reference data: branches', () => {
  const byCode = new Map(BRANCHES.map((b) => [b.code, b]));

  it('has one central office, KZ, with no parent', () => {
    const central = BRANCHES.filter((b) => b.level === 'central');
    expect(central).toHaveLength(1);
    expect(central[0]).toMatchObject({ code: CENTRAL_BRANCH_CODE });
    expect(central[0].parentCode).toBeUndefined();
    expect(BRANCHES.filter((b) => b.parentCode === undefined)).toHaveLength(1);
  });

  it('has the 20 regional branches (17 oblasts + Astana, Almaty, Shymkent) under the central office', () => {
    const regional = BRANCHES.filter((b) => b.level === 'regional');
    expect(regional.map((b) => b.code).sort()).toEqual(
      [
        'AST', 'ALA', 'SHY', 'ABA', 'AKM', 'AKT', 'ALM', 'ATY', 'VKO', 'ZHA',
        'ZHE', 'ZKO', 'KAR', 'KOS', 'KZY', 'MAN', 'PAV', 'SKO', 'TUR', 'ULY',
      ].sort(),
    );
    expect(regional.every((b) => b.parentCode === CENTRAL_BRANCH_CODE)).toBe(true);
    expect([...REGIONAL_BRANCH_CODES].sort()).toEqual(regional.map((b) => b.code).sort());
  });

  it('has between 150 and 260 district branches, each directly under a regional branch', () => {
    const districts = BRANCHES.filter((b) => b.level === 'district');
    expect(districts.length).toBeGreaterThanOrEqual(150);
    expect(districts.length).toBeLessThanOrEqual(260);
    const misplaced = districts.filter((d) => byCode.get(d.parentCode ?? '')?.level !== 'regional');
    expect(misplaced).toEqual([]);
  });

  it('gives every regional branch at least one district, prefixed with the region code', () => {
    for (const region of REGIONAL_BRANCH_CODES) {
      const children = BRANCHES.filter((b) => b.parentCode === region);
      expect(children.length).toBeGreaterThan(0);
      expect(children.every((c) => c.code.startsWith(`${region}-`))).toBe(true);
    }
  });

  it('keeps the three new oblasts\u2019 districts out of their old parents', () => {
    expect(byCode.get('ABA-SEMEY')?.parentCode).toBe('ABA');
    expect(byCode.get('ZHE-TALDYKORGAN')?.parentCode).toBe('ZHE');
    expect(byCode.get('ULY-ZHEZKAZGAN')?.parentCode).toBe('ULY');
    expect(byCode.has('VKO-SEMEY')).toBe(false);
    expect(byCode.has('ALM-TALDYKORGAN')).toBe(false);
    expect(byCode.has('KAR-ZHEZKAZGAN')).toBe(false);
  });

  it('has unique codes that satisfy the database check and length', () => {
    const codes = BRANCHES.map((b) => b.code);
    expect(duplicates(codes)).toEqual([]);
    expect(codes.filter((c) => !CODE_RE.test(c) || c.length > 32)).toEqual([]);
  });

  it('has unique, non-empty names that fit the column', () => {
    expect(BRANCHES.filter((b) => b.name.trim() === '' || b.name.length > 200)).toEqual([]);
    // Sibling branches must be distinguishable by name.
    const siblingKeys = BRANCHES.map((b) => `${b.parentCode ?? ''}/${b.name}`);
    expect(duplicates(siblingKeys)).toEqual([]);
  });

  it('declares every parent, before its children', () => {
    expect(BRANCHES.filter((b) => b.parentCode !== undefined && !byCode.has(b.parentCode))).toEqual([]);
    expectParentsFirst(BRANCHES);
  });
});

describe('reference data: categories', () => {
  const codes = new Set(CATEGORIES.map((c) => c.code));
  const topics = CATEGORIES.filter((c) => c.parentCode === undefined);

  it('has unique codes', () => {
    expect(duplicates(CATEGORIES.map((c) => c.code))).toEqual([]);
    expect(CATEGORIES.filter((c) => c.code.length > 64)).toEqual([]);
  });

  it('names every category in Kazakh, Russian and English', () => {
    const incomplete = CATEGORIES.filter((c) =>
      (['kk', 'ru', 'en'] as const).some((lang) => typeof c.names[lang] !== 'string' || c.names[lang].trim() === ''),
    );
    expect(incomplete).toEqual([]);
    expect(CATEGORIES.filter((c) => Object.values(c.names).some((n) => n.length > 300))).toEqual([]);
  });

  it('writes Kazakh and Russian names in Cyrillic and English names in Latin script', () => {
    expect(CATEGORIES.filter((c) => !/[А-Яа-яЁёӘәҒғҚқҢңӨөҰұҮүҺһІі]/.test(c.names.kk))).toEqual([]);
    expect(CATEGORIES.filter((c) => !/[А-Яа-яЁё]/.test(c.names.ru))).toEqual([]);
    expect(CATEGORIES.filter((c) => /[А-Яа-яЁё]/.test(c.names.en))).toEqual([]);
  });

  it('is a two-level tree of about 14 topics with 3–6 subtopics each', () => {
    expect(topics.length).toBeGreaterThanOrEqual(12);
    expect(topics.length).toBeLessThanOrEqual(16);
    for (const topic of topics) {
      const subtopics = CATEGORIES.filter((c) => c.parentCode === topic.code);
      expect({ topic: topic.code, ok: subtopics.length >= 3 && subtopics.length <= 6 }).toEqual({
        topic: topic.code,
        ok: true,
      });
    }
    const topicCodes = new Set(topics.map((t) => t.code));
    expect(CATEGORIES.filter((c) => c.parentCode !== undefined && !topicCodes.has(c.parentCode))).toEqual([]);
  });

  it('declares every parent, before its children', () => {
    expect(CATEGORIES.filter((c) => c.parentCode !== undefined && !codes.has(c.parentCode))).toEqual([]);
    expectParentsFirst(CATEGORIES);
  });
});

describe('reference data: agencies', () => {
  const branchCodes = new Set(BRANCHES.map((b) => b.code));

  it('has unique codes and non-empty names that fit the columns', () => {
    expect(duplicates(AGENCIES.map((a) => a.code))).toEqual([]);
    expect(duplicates(AGENCIES.map((a) => a.name))).toEqual([]);
    expect(AGENCIES.filter((a) => a.code.length > 64 || a.name.trim() === '' || a.name.length > 300)).toEqual([]);
  });

  it('serves only existing branches', () => {
    expect(AGENCIES.filter((a) => a.branchCode !== undefined && !branchCodes.has(a.branchCode))).toEqual([]);
  });

  it('has national ministries and an akimat and police department for every region', () => {
    expect(AGENCIES.filter((a) => a.branchCode === undefined).length).toBeGreaterThanOrEqual(15);
    const byCode = new Map(AGENCIES.map((a) => [a.code, a]));
    for (const region of REGIONAL_BRANCH_CODES) {
      expect(byCode.get(akimatCode(region))).toMatchObject({ branchCode: region });
      expect(byCode.get(policeCode(region))).toMatchObject({ branchCode: region });
    }
  });
});

describe('reference data: routing rules', () => {
  const branchCodes = new Set(BRANCHES.map((b) => b.code));
  const categoryCodes = new Set(CATEGORIES.map((c) => c.code));
  const agencyCodes = new Set(AGENCIES.map((a) => a.code));
  const agencyBranch = new Map(AGENCIES.map((a) => [a.code, a.branchCode]));

  it('references existing categories, agencies and branches', () => {
    const broken = ROUTING_RULES.filter(
      (r) =>
        !categoryCodes.has(r.categoryCode) ||
        !agencyCodes.has(r.agencyCode) ||
        (r.branchCode !== undefined && !branchCodes.has(r.branchCode)),
    );
    expect(broken).toEqual([]);
  });

  it('has no duplicate (category, branch, agency) keys', () => {
    expect(duplicates(ROUTING_RULES.map((r) => `${r.categoryCode}|${r.branchCode ?? ''}|${r.agencyCode}`))).toEqual(
      [],
    );
  });

  it('sends a territorial rule only to an agency serving that territory or the whole country', () => {
    const mismatched = ROUTING_RULES.filter((r) => {
      const served = agencyBranch.get(r.agencyCode);
      return served !== undefined && served !== r.branchCode;
    });
    expect(mismatched).toEqual([]);
  });

  it('routes every top-level topic except "other" nationally', () => {
    const national = new Set(ROUTING_RULES.filter((r) => r.branchCode === undefined).map((r) => r.categoryCode));
    const unrouted = CATEGORIES.filter((c) => c.parentCode === undefined && c.code !== 'other' && !national.has(c.code));
    expect(unrouted).toEqual([]);
  });

  it('routes housing in every region to that region\u2019s akimat', () => {
    for (const region of REGIONAL_BRANCH_CODES) {
      expect(ROUTING_RULES).toContainEqual({
        categoryCode: 'housing',
        agencyCode: akimatCode(region),
        branchCode: region,
      });
    }
  });
});

describe('reference data: names in kk, ru and en', () => {
  const KAZAKH_ONLY_LETTERS = /[әғқңөұүһі]/i;
  const items: ReadonlyArray<{ kind: string; code: string; name: string; names: { kk: string; ru: string; en: string } }> = [
    ...BRANCHES.map((b) => ({ kind: 'branch', ...b })),
    ...AGENCIES.map((a) => ({ kind: 'agency', ...a })),
  ];

  it('covers the 247 branches and 78 agencies', () => {
    expect(BRANCHES).toHaveLength(247);
    expect(AGENCIES).toHaveLength(78);
  });

  it('gives every branch and agency three non-empty names, the Russian one equal to `name`', () => {
    const bad = items.filter(
      (i) => !i.names || ['kk', 'ru', 'en'].some((l) => !i.names[l as 'kk'] || i.names[l as 'kk'].trim() !== i.names[l as 'kk']) || i.names.ru !== i.name,
    );
    expect(bad.map((i) => `${i.kind} ${i.code}`)).toEqual([]);
  });

  it('writes English in Latin letters and Kazakh differently from Russian', () => {
    expect(items.filter((i) => /[а-яёәғқңөұүһі]/i.test(i.names.en)).map((i) => i.code)).toEqual([]);
    expect(items.filter((i) => i.names.kk === i.names.ru).map((i) => i.code)).toEqual([]);
  });

  it('uses the Kazakh forms of the names (… облыстық/қалалық/аудандық филиалы, … әкімдігі, … министрлігі)', () => {
    for (const b of BRANCHES.filter((x) => x.level !== 'central')) expect(b.names.kk).toMatch(/ (облыстық|қалалық|аудандық) филиалы$/);
    for (const b of BRANCHES.filter((x) => x.level !== 'central')) expect(b.names.en).toMatch(/ (Region|City|District) Branch$|^(Astana|Almaty|Shymkent) City Branch$/);
    for (const a of AGENCIES.filter((x) => x.code.startsWith('AKIMAT-'))) expect(a.names.kk).toMatch(/ әкімдігі$/);
    for (const a of AGENCIES.filter((x) => x.code.startsWith('MIN-'))) expect(a.names.kk).toMatch(/^Қазақстан Республикасы .+ министрлігі$/);
    expect(BRANCHES.find((b) => b.code === 'ALM')?.names).toEqual({ kk: 'Алматы облыстық филиалы', ru: 'Алматинский областной филиал', en: 'Almaty Region Branch' });
    expect(AGENCIES.find((a) => a.code === 'MIN-HEALTH')?.names).toEqual({
      kk: 'Қазақстан Республикасы Денсаулық сақтау министрлігі',
      ru: 'Министерство здравоохранения Республики Казахстан',
      en: 'Ministry of Healthcare of the Republic of Kazakhstan',
    });
    expect(AGENCIES.find((a) => a.code === akimatCode('ABA'))?.names.kk).toBe('Абай облысының әкімдігі');
    expect(AGENCIES.filter((a) => KAZAKH_ONLY_LETTERS.test(a.names.kk)).length).toBeGreaterThan(70);
  });

  it('tells two places of the same name apart by kind (Kostanay city and district)', () => {
    const names = (code: string) => BRANCHES.find((b) => b.code === code)?.names.en;
    expect(names('KOS-KOSTANAY')).toBe('Kostanay City Branch');
    expect(names('KOS-KOSTANAY-DISTRICT')).toBe('Kostanay District Branch');
  });
});
