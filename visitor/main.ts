import '../common/client/fonts.js';
import './visitor-app.js';
