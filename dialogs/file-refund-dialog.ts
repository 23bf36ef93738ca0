import { ComponentDialog } from 'botbuilder-dialogs';
import { DIALOG } from './dialog-ids';
import type { DialogDeps } from './dialog-deps';

export class FileRefundDialog extends ComponentDialog {
  constructor(_deps: DialogDeps) {
    super(DIALOG.fileRefund);
  }
}
