import { x } from '../services/refunds';
test('x', () => expect(x).toBe(1));
