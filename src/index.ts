/**
 * The package's classes and helpers, without side effects: importing this registers no
 * element. Import `loft-widgets/define/<tag>.js` (or `loft-widgets/embed.js` for all) to register.
 */
export {LoftProjectCard} from './elements/project-card/project-card.js';
export {LoftMemberList} from './elements/member-list/member-list.js';
export {LoftProject} from './elements/project/project.js';
export {LoftProjectList} from './elements/project-list/project-list.js';
export {LoftContactForm} from './elements/contact-form/contact-form.js';
export {LoftElement} from './elements/shared/loft-element.js';
export {define} from './define/define.js';
export {LoftErrorEvent, LoftLoadEvent, type LoftErrorDetail, type LoftLoadDetail} from './events/events.js';
export {
  LoftSubmitEvent,
  LoftSubmittedEvent,
  LoftSubmitErrorEvent,
  type LoftSubmitDetail,
  type LoftSubmittedDetail,
  type LoftSubmitErrorDetail,
  type SubmitErrorCode,
  type SubmitOutcome,
} from './events/events.js';
export {SubmissionSchema, checkSubmission, type Submission, type SubmissionErrors} from './contact/submission.js';
export {validateFeed, type Problem, type ErrorCode, type ValidationResult} from './feed/validate.js';
export {adviseFeed, collectAdvice, type Advice, type AdviceKind, type AdviceOptions, type AdviceResult} from './feed/advice.js';
export {feedSettings, FeedError, MAX_FEED_BYTES, type LoadedFeed} from './feed/load.js';
export type {Feed, LocalizedText, Organization, Person, Project, ContactForm} from './feed/schema.js';
export {MESSAGES, type MessageId, type MessageSpec} from './i18n/messages.js';
export {Translator, translatorFor, languageChain, type Catalog} from './i18n/translator.js';
