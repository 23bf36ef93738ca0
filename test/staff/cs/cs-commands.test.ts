import { normalizeCaseId, parseCsCommand } from '../../../bot/staff/cs/cs-commands';

describe('CS channel commands', () => {
  it('reads case numbers written loosely as the core writes them', () => {
    expect(normalizeCaseId('RD-000012')).toBe('RD-000012');
    expect(normalizeCaseId('rd-12')).toBe('RD-000012');
    expect(normalizeCaseId('RD12')).toBe('RD-000012');
    expect(normalizeCaseId('DEMO-1002')).toBeNull();
    expect(normalizeCaseId('RD-')).toBeNull();
  });

  it('shows a case in English and Chinese, with or without a space after the Chinese word', () => {
    expect(parseCsCommand('case RD-000012')).toEqual({ kind: 'case', caseId: 'RD-000012' });
    expect(parseCsCommand('查看 RD-000012')).toEqual({ kind: 'case', caseId: 'RD-000012' });
    expect(parseCsCommand('查看RD-12')).toEqual({ kind: 'case', caseId: 'RD-000012' });
    expect(parseCsCommand('  RD-7 ')).toEqual({ kind: 'case', caseId: 'RD-000007' });
    expect(parseCsCommand('case')).toEqual({ kind: 'incomplete', command: 'case' });
  });

  it('lists open items and helps', () => {
    expect(parseCsCommand('open')).toEqual({ kind: 'open' });
    expect(parseCsCommand('待处理')).toEqual({ kind: 'open' });
    expect(parseCsCommand('OPEN')).toEqual({ kind: 'open' });
    expect(parseCsCommand('help')).toEqual({ kind: 'help' });
    expect(parseCsCommand('帮助')).toEqual({ kind: 'help' });
    expect(parseCsCommand('')).toEqual({ kind: 'help' });
    expect(parseCsCommand('open the pod bay doors')).toEqual({ kind: 'unknown' });
    expect(parseCsCommand('你好')).toEqual({ kind: 'unknown' });
  });

  it('intervenes only with a case number and a remark, keeping the remark as written', () => {
    expect(parseCsCommand('intervene RD-000012 the shop does not answer')).toEqual({ kind: 'intervene', caseId: 'RD-000012', remark: 'the shop does not answer' });
    expect(parseCsCommand('介入 RD-000012 商家长时间未回复')).toEqual({ kind: 'intervene', caseId: 'RD-000012', remark: '商家长时间未回复' });
    expect(parseCsCommand('介入RD-3 买家投诉\n第二行')).toEqual({ kind: 'intervene', caseId: 'RD-000003', remark: '买家投诉\n第二行' });
    expect(parseCsCommand('intervene RD-000012')).toEqual({ kind: 'incomplete', command: 'intervene' });
    expect(parseCsCommand('intervene please')).toEqual({ kind: 'incomplete', command: 'intervene' });
  });

  it('settles with a case number and a remark', () => {
    expect(parseCsCommand('settle RD-000012 paid by bank transfer')).toEqual({ kind: 'settle', caseId: 'RD-000012', remark: 'paid by bank transfer' });
    expect(parseCsCommand('结算 RD-12 已银行转账')).toEqual({ kind: 'settle', caseId: 'RD-000012', remark: '已银行转账' });
    expect(parseCsCommand('线下结算 RD-12 已银行转账')).toEqual({ kind: 'settle', caseId: 'RD-000012', remark: '已银行转账' });
    expect(parseCsCommand('settle RD-12')).toEqual({ kind: 'incomplete', command: 'settle' });
  });
});
