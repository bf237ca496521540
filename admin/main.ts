import '../common/client/fonts.js';
import './admin-app.js';
