import '../common/client/fonts.js';
import './display-app.js';
