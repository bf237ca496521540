import type { DeskAction } from './state.js';

/**
 * One letter per action, the same in every UI language (muscle memory), picked
 * from the German labels: Nächste, Erneut, Beginnen, Fertig, Weiterleiten,
 * Zurückstellen, Drucken; X for no-show; A for "nächstes Anliegen" (#17).
 */
export const SHORTCUTS: Readonly<Record<DeskAction, string>> = {
  'call-next': 'N',
  recall: 'E',
  start: 'B',
  finish: 'F',
  'finish-next': 'A',
  'no-show': 'X',
  return: 'Z',
  transfer: 'W',
  reprint: 'D',
};

export interface KeyPress {
  key: string;
  altKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  repeat?: boolean;
}

/** Inputs where a letter key does nothing of its own. */
const NON_TEXT_INPUTS = new Set(['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color', 'file', 'image']);

/** True for elements where a letter key types text or picks an option. */
export function isEditable(el: { tagName?: string; type?: string; isContentEditable?: boolean } | null | undefined): boolean {
  if (!el) return false;
  if (el.isContentEditable) return true;
  const tag = el.tagName?.toUpperCase();
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  return tag === 'INPUT' && !NON_TEXT_INPUTS.has((el.type ?? 'text').toLowerCase());
}

/**
 * The action a key press asks for, or null. Keys with Ctrl/Alt/Meta stay the
 * browser's, held-down keys do not repeat an action, and typing in a field
 * never triggers one.
 */
export function actionForKey(press: KeyPress, typingInField: boolean): DeskAction | null {
  if (typingInField || press.altKey || press.ctrlKey || press.metaKey || press.repeat) return null;
  if (press.key.length !== 1) return null;
  const key = press.key.toUpperCase();
  for (const [action, letter] of Object.entries(SHORTCUTS) as Array<[DeskAction, string]>) {
    if (letter === key) return action;
  }
  return null;
}
