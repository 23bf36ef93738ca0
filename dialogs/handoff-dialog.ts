import { ComponentDialog } from 'botbuilder-dialogs';
import { DIALOG } from './dialog-ids';
import type { DialogDeps } from './dialog-deps';

export class HandoffDialog extends ComponentDialog {
  constructor(_deps: DialogDeps) {
    super(DIALOG.handoff);
  }
}
