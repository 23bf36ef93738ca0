import { CardForm } from '../../../scripts/chat/card-form';

describe('CardForm', () => {
  it('asks each field in turn, asks again after a bad answer, and gives the answers at the end', () => {
    const form = new CardForm([
      { id: 'qty', label: 'Received', kind: 'number', required: true, preset: '2' },
      { id: 'remark', label: 'Remark', kind: 'text', required: false },
    ]);
    expect(form.question()).toBe('  Received (number; empty keeps 2):');
    expect(form.answer('two')).toEqual({ kind: 'ask', lines: ['  "two" is not a number', '  Received (number; empty keeps 2):'] });
    expect(form.answer('1')).toEqual({ kind: 'ask', lines: ['  Remark (empty skips):'] });
    expect(form.answer('')).toEqual({ kind: 'done', answers: { qty: '1' } });
  });

  it('needs at least one field', () => {
    expect(() => new CardForm([])).toThrow(/at least one input/);
  });
});
