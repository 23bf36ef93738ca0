import type { RefundCase } from '../../../services/refunds';
import { INSPECTION_PROBLEMS, MERCHANT_REJECT_CODES } from '../../../services/refunds';
import type { CardAction, Element } from '../adaptive';
import { text } from '../adaptive';
import type { CardContext } from '../buyer/case-words';
import { itemWords } from '../buyer/case-words';
import type { MerchantCaseView } from './merchant-case-view';
import { problemKey, rejectWordKey } from './merchant-case-parts';
import type { MerchantActionData } from './merchant-verbs';
import { MERCHANT_INPUTS as IN, MERCHANT_VERBS, shortQuantityInput } from './merchant-verbs';

// The buttons of a merchant card (Action.Execute, Universal Actions). Every form that needs input sits in its own
// Action.ShowCard: an action collects the inputs of its own card and its parents only, so a required remark of
// the rejection form never blocks an approval. Required inputs are marked for the client and checked again by
// the server (a client may not validate).

const REMARK_MAX = 2000;

function execute(title: string, verb: string, data: MerchantActionData, style?: 'positive' | 'destructive'): CardAction {
  return { type: 'Action.Execute', title, verb, data: { ...data }, ...(style ? { style } : {}) };
}

function showCard(title: string, body: Element[], actions: CardAction[]): CardAction {
  return { type: 'Action.ShowCard', title, card: { type: 'AdaptiveCard', body, actions } };
}

function input(id: string, label: string, options: Record<string, unknown> = {}): Element {
  return { type: 'Input.Text', id, label, ...options };
}

const dataOf = (c: RefundCase): MerchantActionData => ({ caseId: c.id, version: c.version });

/** pending_merchant: approve (with the return address for a return), refund without return, reject, ask for evidence. */
export function decisionActions(view: MerchantCaseView, ctx: CardContext): CardAction[] {
  const c = view.case;
  const { t } = ctx;
  const data = dataOf(c);
  const actions: CardAction[] = [];
  if (c.type === 'refund_only') {
    actions.push(execute(t('merchant.action.approve'), MERCHANT_VERBS.approve, data, 'positive'));
  } else {
    const address = c.returnAddress ?? view.shopReturnAddress;
    const required = { isRequired: true, errorMessage: t('merchant.form.required') };
    actions.push(
      showCard(
        t(c.type === 'exchange' ? 'merchant.action.approveExchange' : 'merchant.action.approveReturn'),
        [
          text(t('merchant.form.addressHint')),
          input(IN.recipient, t('merchant.form.recipient'), { value: address?.recipient ?? '', maxLength: 100, ...required }),
          input(IN.phone, t('merchant.form.phone'), { value: address?.phone ?? '', maxLength: 40, ...required }),
          input(IN.address, t('merchant.form.address'), { value: address?.address ?? '', maxLength: 500, isMultiline: true, ...required }),
          input(IN.approveRemark, t('merchant.form.remarkOptional'), { maxLength: REMARK_MAX, isMultiline: true }),
        ],
        [execute(t('merchant.action.confirmApprove'), MERCHANT_VERBS.approve, data, 'positive')],
      ),
    );
  }
  if (c.type === 'return_refund') {
    actions.push(
      showCard(
        t('merchant.action.withoutReturn'),
        [text(t('merchant.form.withoutReturnHint')), input(IN.noReturnRemark, t('merchant.form.remarkOptional'), { maxLength: REMARK_MAX, isMultiline: true })],
        [execute(t('merchant.action.confirmWithoutReturn'), MERCHANT_VERBS.approveWithoutReturn, data, 'positive')],
      ),
    );
  }
  actions.push(
    showCard(
      t('merchant.action.reject'),
      [
        {
          type: 'Input.ChoiceSet',
          id: IN.rejectCode,
          label: t('merchant.form.rejectCode'),
          style: 'compact',
          isRequired: true,
          errorMessage: t('merchant.form.required'),
          placeholder: t('merchant.form.choose'),
          choices: MERCHANT_REJECT_CODES.map((code) => ({ title: t(rejectWordKey(code)), value: code })),
        },
        input(IN.rejectRemark, t('merchant.form.remarkRequired'), {
          isMultiline: true,
          maxLength: REMARK_MAX,
          isRequired: true,
          errorMessage: t('merchant.form.remarkMissing'),
          placeholder: t('merchant.form.rejectPlaceholder'),
        }),
      ],
      [execute(t('merchant.action.confirmReject'), MERCHANT_VERBS.reject, data, 'destructive')],
    ),
  );
  actions.push(
    showCard(
      t('merchant.action.requestEvidence'),
      [
        text(t('merchant.form.evidenceHint')),
        input(IN.evidenceMessage, t('merchant.form.evidenceMessage'), {
          isMultiline: true,
          maxLength: REMARK_MAX,
          isRequired: true,
          errorMessage: t('merchant.form.messageMissing'),
        }),
      ],
      [execute(t('merchant.action.sendRequest'), MERCHANT_VERBS.requestEvidence, data)],
    ),
  );
  return actions;
}

/** return_received: received OK, damaged or wrong item, short quantity (only when more than one unit came back). */
export function inspectionActions(view: MerchantCaseView, ctx: CardContext): CardAction[] {
  const c = view.case;
  const { t } = ctx;
  const data = dataOf(c);
  const remarkRequired = { isMultiline: true, maxLength: REMARK_MAX, isRequired: true, errorMessage: t('merchant.form.remarkMissing') };
  const photos = text(t('merchant.form.photos'), { isSubtle: true, size: 'Small' });
  const actions: CardAction[] = [
    showCard(
      t('merchant.action.inspectOk'),
      [text(t(c.type === 'exchange' ? 'merchant.form.okHintExchange' : 'merchant.form.okHint')), input(IN.okRemark, t('merchant.form.remarkOptional'), { maxLength: REMARK_MAX, isMultiline: true })],
      [execute(t('merchant.action.confirmInspectOk'), MERCHANT_VERBS.inspectOk, data, 'positive')],
    ),
    showCard(
      t('merchant.action.inspectFailed'),
      [
        {
          type: 'Input.ChoiceSet',
          id: IN.problem,
          label: t('merchant.form.problem'),
          style: 'expanded',
          isRequired: true,
          errorMessage: t('merchant.form.required'),
          choices: INSPECTION_PROBLEMS.map((p) => ({ title: t(problemKey(p)), value: p })),
        },
        input(IN.failedRemark, t('merchant.form.remarkRequired'), remarkRequired),
        photos,
      ],
      [execute(t('merchant.action.confirmInspectFailed'), MERCHANT_VERBS.inspectFailed, data, 'destructive')],
    ),
  ];
  const units = c.lines.reduce((n, l) => n + l.units.length, 0);
  if (units > 1) {
    const words = itemWords(c, view.orderLines, ctx.lang);
    actions.push(
      showCard(
        t('merchant.action.inspectShort'),
        [
          text(t('merchant.form.shortHint')),
          ...c.lines.map((line, i) => ({
            type: 'Input.Number',
            id: shortQuantityInput(line.lineIndex),
            label: t('merchant.form.received', { item: words[i] ?? `#${line.lineIndex + 1}` }),
            min: 0,
            max: line.units.length,
            value: line.units.length,
            isRequired: true,
            errorMessage: t('merchant.form.quantityInvalid', { max: line.units.length }),
          })),
          input(IN.shortRemark, t('merchant.form.remarkRequired'), remarkRequired),
          photos,
        ],
        [execute(t('merchant.action.confirmInspectShort'), MERCHANT_VERBS.inspectShort, data, 'destructive')],
      ),
    );
  }
  return actions;
}
