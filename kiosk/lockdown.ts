/**
 * A public touchscreen is not a browser: no text selection, no context menu,
 * no pinch or keyboard zoom, no dragging, no pull-to-refresh. The kiosk
 * browser should also run in kiosk mode (see README), this is the page's half.
 */
export function lockDownPage(doc: Document = document): void {
  const style = doc.createElement('style');
  style.textContent = `
    html { font-size: clamp(18px, calc(1.1vmin + 14px), 34px); touch-action: pan-x pan-y; overscroll-behavior: none; }
    html, body { margin: 0; block-size: 100%; overflow: hidden; background: #eef2f6; }
    body { user-select: none; -webkit-user-select: none; -webkit-touch-callout: none; -webkit-user-drag: none; }
  `;
  doc.head.append(style);
  const block = (e: Event) => e.preventDefault();
  for (const type of ['contextmenu', 'selectstart', 'dragstart', 'gesturestart']) doc.addEventListener(type, block);
  doc.addEventListener('wheel', (e) => e.ctrlKey && e.preventDefault(), { passive: false });
  doc.addEventListener('keydown', (e) => {
    if ((e.ctrlKey || e.metaKey) && ['+', '-', '=', '0'].includes(e.key)) e.preventDefault();
  });
  // More than one finger is a pinch; a kiosk needs only single taps.
  doc.addEventListener('touchmove', (e) => e.touches.length > 1 && e.preventDefault(), { passive: false });
}
