import { html, type TemplateResult } from 'lit';

/** From a broad smile (1, "sehr gut") to a deep frown (6, "ungenügend"). */
const FILL = ['#3fae5f', '#8cc63f', '#e0cf3a', '#f3b03d', '#ef7d3c', '#e0533f'];
const CURVE = [9, 6, 2, 0, -4, -7];

/** A face for a school grade; decorative, the grade's number and word carry the meaning. */
export function face(grade: number): TemplateResult {
  const fill = FILL[grade - 1] ?? '#cccccc';
  const curve = CURVE[grade - 1] ?? 0;
  const y = curve >= 0 ? 24 : 29;
  return html`<svg viewBox="0 0 40 40" width="44" height="44" aria-hidden="true" focusable="false">
    <circle cx="20" cy="20" r="18" fill=${fill} stroke="#15181c" stroke-width="2"></circle>
    <circle cx="14" cy="16" r="2.3" fill="#15181c"></circle>
    <circle cx="26" cy="16" r="2.3" fill="#15181c"></circle>
    <path d="M12 ${y} Q20 ${y + curve} 28 ${y}" fill="none" stroke="#15181c" stroke-width="2.4" stroke-linecap="round"></path>
  </svg>`;
}
