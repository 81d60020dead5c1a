import {LoftContactForm} from '../elements/contact-form/contact-form.js';
import {define} from './define.js';

define('loft-contact-form', LoftContactForm);
