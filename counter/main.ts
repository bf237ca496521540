import '../common/client/fonts.js';
import './counter-app.js';
