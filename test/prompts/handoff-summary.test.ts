import { z } from 'zod';
import { HandoffSummarySchema, handoffSummarySystemPrompt, transcriptBlock } from '../../prompts/handoff-summary';

describe('handoff summary prompt and schema', () => {
  it('masks personal data in the transcript and keeps the latest turns', () => {
    const block = transcriptBlock([
      { from: 'buyer', text: '我的电话13812345678，订单 DEMO-1002 的杯子碎了' },
      { from: 'bot', text: '请上传照片' },
    ]);
    expect(block).not.toContain('13812345678');
    expect(block).toContain('BUYER: 我的电话[phone]');
    expect(block).toContain('DEMO-1002');
    const long = transcriptBlock([{ from: 'buyer', text: 'x'.repeat(9000) }, { from: 'buyer', text: 'latest' }], 100);
    expect(long.length).toBeLessThan(200);
    expect(long).toContain('latest');
  });

  it('asks for the agent language and validates the answer', () => {
    expect(handoffSummarySystemPrompt('zh-CN')).toContain('in Chinese');
    const ok = HandoffSummarySchema.safeParse({
      summary: 's', buyerGoal: 'g', orderId: 'DEMO-1002', caseId: null, reason: 'damaged_in_transit', keyFacts: ['2 cups broken'],
      mood: 'angry', suggestedNextStep: 'check photos', buyerLanguage: 'zh-CN',
    });
    expect(ok.success).toBe(true);
    expect(HandoffSummarySchema.safeParse({ summary: 's' }).success).toBe(false);
    const schema = z.toJSONSchema(HandoffSummarySchema) as { required: string[]; properties: object };
    expect(schema.required.sort()).toEqual(Object.keys(schema.properties).sort());
  });
});
