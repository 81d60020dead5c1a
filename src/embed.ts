/**
 * The CDN entry: defines every element. `<script type="module" src="loft-widgets.js">`.
 */
import './define/project-card.js';
import './define/member-list.js';
import './define/project.js';
import './define/project-list.js';
import './define/contact-form.js';
