import {LoftProject} from '../elements/project/project.js';
import {define} from './define.js';
import './project-card.js';
import './member-list.js';

define('loft-project', LoftProject);
