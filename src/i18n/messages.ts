/**
 * Every built-in UI string, by its stable message id. The ids are public: editors override
 * any of them per language through the feed's `labels`, e.g.
 * `{"labels": {"sv": {"contact-person": "Skriv till {name}"}}}`.
 *
 * Each entry is a function so that `msg()` runs at render time and follows the active
 * locale (a `msg()` evaluated once would keep the language it was first called in).
 */
import {msg, str} from '@lit/localize';

/** Values for a message's `{placeholders}`. */
export type Params = Record<string, string>;

export const messages = {
  // States
  'loading': () => msg('Loading…', {id: 'loading'}),
  'retry': () => msg('Try again', {id: 'retry'}),
  'error-unreachable': () => msg('The information could not be loaded.', {id: 'error-unreachable'}),
  'error-timeout': () => msg('Loading the information took too long.', {id: 'error-timeout'}),
  'error-invalid': () => msg('The information is in a form that cannot be shown.', {id: 'error-invalid'}),
  'error-too-large': () => msg('The information is too large to be shown.', {id: 'error-too-large'}),
  'error-project-not-found': () => msg('The project could not be found.', {id: 'error-project-not-found'}),

  // Summary fact box
  'summary': () => msg('Summary', {id: 'summary'}),
  'project-name': () => msg('Project name', {id: 'project-name'}),
  'status': () => msg('Status', {id: 'status'}),
  'publisher-role': (p: Params) => msg(str`Role of ${p.name} in the project`, {id: 'publisher-role'}),
  'start': () => msg('Project start', {id: 'start'}),
  'duration': () => msg('Duration', {id: 'duration'}),
  'partners': () => msg('Partners', {id: 'partners'}),
  'website': () => msg('Project website', {id: 'website'}),
  'duration-ongoing': () => msg('Ongoing', {id: 'duration-ongoing'}),
  'duration-open': () => msg('Open-ended', {id: 'duration-open'}),
  'duration-from': (p: Params) => msg(str`From ${p.start}`, {id: 'duration-from'}),
  'duration-until': (p: Params) => msg(str`Until ${p.end}`, {id: 'duration-until'}),
  'duration-range': (p: Params) => msg(str`${p.start} – ${p.end}`, {id: 'duration-range'}),

  // Project status
  'status-planned': () => msg('Planned', {id: 'status-planned'}),
  'status-ongoing': () => msg('Ongoing', {id: 'status-ongoing'}),
  'status-completed': () => msg('Completed', {id: 'status-completed'}),
  'status-terminated': () => msg('Terminated', {id: 'status-terminated'}),

  // Organisation roles in a project
  'role-lead': () => msg('Project leader', {id: 'role-lead'}),
  'role-coordinator': () => msg('Coordinator', {id: 'role-coordinator'}),
  'role-partner': () => msg('Partner', {id: 'role-partner'}),
  'role-funder': () => msg('Funder', {id: 'role-funder'}),
  'role-associated': () => msg('Associated partner', {id: 'role-associated'}),
  'role-contractor': () => msg('Contractor', {id: 'role-contractor'}),

  // People's roles in a project
  'person-role-project-manager': () => msg('Project manager', {id: 'person-role-project-manager'}),
  'person-role-contact': () => msg('Contact person', {id: 'person-role-contact'}),
  'person-role-researcher': () => msg('Researcher', {id: 'person-role-researcher'}),
  'person-role-member': () => msg('Project member', {id: 'person-role-member'}),
  'person-role-principal-investigator': () => msg('Principal investigator', {id: 'person-role-principal-investigator'}),

  // Member list and contact disclosure
  'members': () => msg('Project members', {id: 'members'}),
  'no-members': () => msg('There are no people to show.', {id: 'no-members'}),
  'error-person-not-found': () => msg('The person could not be found.', {id: 'error-person-not-found'}),
  'read-more': (p: Params) => msg(str`Read more about ${p.name}`, {id: 'read-more'}),
  'contact-person': (p: Params) => msg(str`Contact ${p.name}`, {id: 'contact-person'}),
  'contact-heading': (p: Params) => msg(str`Message to ${p.name}`, {id: 'contact-heading'}),
  'contact-project': () => msg('Contact us', {id: 'contact-project'}),
  'close': () => msg('Close', {id: 'close'}),

  // Whole project
  'contact': () => msg('Contact', {id: 'contact'}),

  // Project list
  'projects': () => msg('Projects', {id: 'projects'}),
  'search': () => msg('Search projects', {id: 'search'}),
  'organization': () => msg('Organisation', {id: 'organization'}),
  'all': () => msg('All', {id: 'all'}),
  'sort': () => msg('Sort by', {id: 'sort'}),
  'sort-name': () => msg('Name', {id: 'sort-name'}),
  'sort-start': () => msg('Start date, newest first', {id: 'sort-start'}),
  'results-one': () => msg('1 project', {id: 'results-one'}),
  'results': (p: Params) => msg(str`${p.count} projects`, {id: 'results'}),
  'no-results': () => msg('No project matches.', {id: 'no-results'}),
  'show-more': () => msg('Show more', {id: 'show-more'}),
} satisfies Record<string, (p: Params) => string>;

export type MessageId = keyof typeof messages;
