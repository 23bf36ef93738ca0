// What typing a choice's number does. Card buttons and suggested actions come in several kinds; each ends up
// as one of these, so the client needs only one way to "click".

/** A field of an Adaptive Card whose answer goes with the card's submit. */
export interface CardInput {
  id: string;
  /** What to ask: the input's label, else its placeholder, else its id. */
  label: string;
  kind: 'text' | 'number' | 'date' | 'time' | 'toggle' | 'choice';
  /** The input's preset value: what an empty answer keeps. */
  preset?: string;
  required: boolean;
  /** Choice sets: what may be picked (by number or by value). */
  options?: { title: string; value: string }[];
  multiSelect?: boolean;
  /** Toggles: what "yes" and "no" send. */
  valueOn?: string;
  valueOff?: string;
}

export type ChoiceAction =
  /**
   * Action.Submit with object data, messageBack, postBack with an object: data goes as activity.value.
   * An Action.Execute also says its verb and own data: Teams sends those as an `adaptiveCard/action` invoke, where
   * a client without Universal Actions (Web Chat, the buyer's terminal) sends `value` as a Submit would.
   */
  | { kind: 'value'; value: Record<string, unknown>; text?: string; inputs: CardInput[]; execute?: { verb: string; data: Record<string, unknown> } }
  /** imBack, or a submit whose data is a string: sent as if typed. */
  | { kind: 'text'; text: string }
  /** Action.OpenUrl and openUrl buttons: the terminal can only show the address. */
  | { kind: 'open'; url: string }
  /** Action.ShowCard: the inner card is shown, with its own choices; Action.ToggleVisibility: the card again, toggled. */
  | { kind: 'card'; card: unknown };

export interface Choice {
  label: string;
  action: ChoiceAction;
}
