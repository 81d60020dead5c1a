/**
 * The CDN entry: defines every element. `<script type="module" src="loft-widgets.js">`.
 */
import './define/project-card.js';
import './define/contact-form.js';
