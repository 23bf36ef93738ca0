import { readStars } from '../../../dialogs/cases/stars';

describe('typed star ratings', () => {
  it.each([
    ['5', 5, ''],
    ['五星', 5, ''],
    ['4 stars', 4, ''],
    ['5 stars, very fast', 5, 'very fast'],
    ['五星，处理很快', 5, '处理很快'],
    ['给5分', 5, ''],
    ['打四星', 4, ''],
    ['4/5', 4, ''],
    ['五星好评', 5, ''],
    ['好评', 5, ''],
    ['I give it 3 stars', 3, ''],
    ['very good, 5 stars', 5, 'very good'],
    ['非常满意 五星', 5, '非常满意'],
    ['rate 2', 2, ''],
  ])('reads %j as %d stars', (text, stars, rest) => {
    expect(readStars(text)).toEqual({ stars, rest });
  });

  it.each(['一般', '50元', '6', 'hello', '', '七'])('reads no stars in %j', (text) => {
    expect(readStars(text)).toBeNull();
  });
});
