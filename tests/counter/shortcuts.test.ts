import { describe, expect, it } from 'vitest';
import { actionForKey, isEditable, SHORTCUTS } from '../../counter/shortcuts.js';
import { DESK_ACTIONS } from '../../counter/state.js';

const press = (key: string, mods: Partial<{ altKey: boolean; ctrlKey: boolean; metaKey: boolean; repeat: boolean }> = {}) => ({
  key,
  altKey: false,
  ctrlKey: false,
  metaKey: false,
  ...mods,
});

describe('counter shortcuts', () => {
  it('give every action its own letter', () => {
    const letters = DESK_ACTIONS.map((a) => SHORTCUTS[a]);
    expect(new Set(letters).size).toBe(DESK_ACTIONS.length);
    for (const l of letters) expect(l).toMatch(/^[A-Z]$/);
  });

  it('map letters in either case to their action', () => {
    expect(actionForKey(press('n'), false)).toBe('call-next');
    expect(actionForKey(press('N'), false)).toBe('call-next');
    expect(actionForKey(press('f'), false)).toBe('finish');
    expect(actionForKey(press('x'), false)).toBe('no-show');
    expect(actionForKey(press('q'), false)).toBeNull();
    expect(actionForKey(press('Enter'), false)).toBeNull();
  });

  it('never fire while typing, with a modifier, or for a held-down key', () => {
    expect(actionForKey(press('n'), true)).toBeNull();
    expect(actionForKey(press('n', { ctrlKey: true }), false)).toBeNull();
    expect(actionForKey(press('f', { altKey: true }), false)).toBeNull();
    expect(actionForKey(press('n', { metaKey: true }), false)).toBeNull();
    expect(actionForKey(press('n', { repeat: true }), false)).toBeNull();
  });

  it('treat text fields, selects and editable content as typing, checkboxes and buttons not', () => {
    expect(isEditable({ tagName: 'TEXTAREA' })).toBe(true);
    expect(isEditable({ tagName: 'INPUT', type: 'text' })).toBe(true);
    expect(isEditable({ tagName: 'INPUT', type: 'password' })).toBe(true);
    expect(isEditable({ tagName: 'INPUT' })).toBe(true);
    expect(isEditable({ tagName: 'SELECT' })).toBe(true);
    expect(isEditable({ tagName: 'DIV', isContentEditable: true })).toBe(true);
    expect(isEditable({ tagName: 'INPUT', type: 'checkbox' })).toBe(false);
    expect(isEditable({ tagName: 'BUTTON' })).toBe(false);
    expect(isEditable(null)).toBe(false);
  });
});
