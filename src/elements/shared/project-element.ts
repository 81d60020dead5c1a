import {property} from 'lit/decorators.js';
import type {LoadedFeed} from '../../feed/load.js';
import type {Project} from '../../feed/schema.js';
import {selectProject} from '../../feed/view.js';
import {LoftElement} from './loft-element.js';

/** An element that shows one project of the feed (`<loft-project-card>`, `<loft-project>`). */
export abstract class LoftProjectElement extends LoftElement<Project> {
  /** The project's id in the feed (may be left out when the feed has one project). */
  @property({reflect: true}) project?: string;

  protected override _selectionKeys(): unknown[] {
    return [this.project];
  }

  protected override _select(loaded: LoadedFeed): Project {
    return selectProject(loaded, this.project);
  }

  protected override _notFoundMessage(): string {
    return this._t('error-project-not-found');
  }
}
