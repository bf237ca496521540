import '../common/client/fonts.js';
import { lockDownPage } from './lockdown.js';
import './kiosk-app.js';

lockDownPage();
