import { setNewest } from '../../lib/newestFirstMap';

describe('setNewest', () => {
  it('forgets the least recently set entries beyond the bound, counting a key set again as new', () => {
    const map = new Map<string, number>();
    setNewest(map, 'a', 1, 2);
    setNewest(map, 'b', 2, 2);
    setNewest(map, 'a', 3, 2);
    setNewest(map, 'c', 4, 2);
    expect([...map]).toEqual([
      ['a', 3],
      ['c', 4],
    ]);
  });
});
