import {LoftProjectCard} from '../elements/project-card/project-card.js';
import {define} from './define.js';

define('loft-project-card', LoftProjectCard);
