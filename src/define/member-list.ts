import {LoftMemberList} from '../elements/member-list/member-list.js';
import {define} from './define.js';

define('loft-member-list', LoftMemberList);
