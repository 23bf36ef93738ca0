import { readRejectionChoice } from '../../../dialogs/cases/rejection-choice';

describe('the way on after a rejection', () => {
  it.each([
    ['1', 'resubmit'], ['重新提交', 'resubmit'], ['我补充一下照片', 'resubmit'], ['revise and resubmit', 'resubmit'],
    ['2', 'escalate'], ['申诉', 'escalate'], ['申请平台介入', 'escalate'], ['不接受，我要申诉', 'escalate'], ['appeal to the platform', 'escalate'],
    ['3', 'accept'], ['接受', 'accept'], ['算了我放弃', 'accept'], ['I accept', 'accept'],
  ])('reads %j as %s', (text, choice) => {
    expect(readRejectionChoice({ text })).toBe(choice);
  });

  it('reads no choice in unclear words, a refusal to accept, or a position out of range', () => {
    for (const text of ['嗯', '不接受', "I don't accept", '4', 'hello']) expect([text, readRejectionChoice({ text })]).toEqual([text, null]);
  });

  it('takes the button, and ignores a button of unknown data', () => {
    expect(readRejectionChoice({ value: { action: 'after_rejection', choice: 'accept' } })).toBe('accept');
    expect(readRejectionChoice({ value: { action: 'after_rejection', choice: 'explode' } })).toBeNull();
  });
});
