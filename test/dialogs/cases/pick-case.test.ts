import { caseIdIn, newestFirst, ordinalOf, readCaseChoice } from '../../../dialogs/cases/pick-case';
import { aCase } from '../../support/case-builder';

const listed = [
  { id: 'RD-000003', orderId: 'DEMO-1005' },
  { id: 'RD-000002', orderId: 'DEMO-1002' },
  { id: 'RD-000001', orderId: 'DEMO-1002' },
];

describe('choosing a case', () => {
  it.each([
    ['1', 1], ['2.', 2], ['#3', 3], ['第二个', 2], ['第2笔', 2], ['三', 3], ['选第一个', 1], ['the second one', 2], ['first', 1], ['last', -1], ['最后一个', -1], ['no. 2', 2],
  ])('reads %s as position %d', (text, n) => {
    expect(ordinalOf(text)).toBe(n);
  });

  it.each(['DEMO-1002', '一般', 'hello', '', '第二'.repeat(3)])('reads no position in %j', (text) => {
    expect(ordinalOf(text)).toBeNull();
  });

  it('normalises case ids however they were typed', () => {
    expect(caseIdIn('rd000002 进度')).toBe('RD-000002');
    expect(caseIdIn('看看 RD-000123')).toBe('RD-000123');
    expect(caseIdIn('ＲＤ－０００００２')).toBe('RD-000002');
    expect(caseIdIn('DEMO-1002')).toBeNull();
  });

  it('takes a click, an id, a position or the order of exactly one listed case', () => {
    expect(readCaseChoice({ value: { action: 'case_status', caseId: 'rd-000009' } }, listed)).toBe('RD-000009');
    expect(readCaseChoice({ text: 'RD-000001' }, listed)).toBe('RD-000001');
    expect(readCaseChoice({ text: '2' }, listed)).toBe('RD-000002');
    expect(readCaseChoice({ text: '最后一个' }, listed)).toBe('RD-000001');
    expect(readCaseChoice({ text: '4' }, listed)).toBeNull();
    expect(readCaseChoice({ text: 'DEMO-1005 那个' }, listed)).toBe('RD-000003');
    expect(readCaseChoice({ text: 'DEMO-1002' }, listed)).toBeNull();
    expect(readCaseChoice(undefined, listed)).toBeNull();
  });

  it('puts the newest case first', () => {
    const older = aCase({ id: 'RD-000001', createdAt: '2026-03-01T00:00:00.000Z' });
    const newer = aCase({ id: 'RD-000002', createdAt: '2026-03-02T00:00:00.000Z' });
    expect(newestFirst([older, newer]).map((c) => c.id)).toEqual(['RD-000002', 'RD-000001']);
  });
});
