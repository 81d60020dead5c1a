import {LoftProjectList} from '../elements/project-list/project-list.js';
import {define} from './define.js';

define('loft-project-list', LoftProjectList);
