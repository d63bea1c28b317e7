import { mayUse, ROLE_AREAS, STAFF_AREAS, STAFF_ROLES } from './roles';

describe('staff roles', () => {
  it.each([
    ['cicc', ['cicc']],
    ['participation', ['cicc', 'staff']],
    ['admin', ['cicc', 'staff', 'admin']],
  ] as const)('a %s may use %j and nothing else', (role, areas) => {
    expect(STAFF_AREAS.filter((area) => mayUse(role, area))).toEqual(areas);
  });

  it('lists every role once', () => {
    expect(Object.keys(ROLE_AREAS).sort()).toEqual([...STAFF_ROLES].sort());
  });
});
