/** The pictograms live in common/client (the admin app's icon picker shows them too). */
export { ICONS, MIRRORED_ICONS } from '../../common/client/icons.js';
