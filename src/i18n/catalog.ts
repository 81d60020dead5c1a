/**
 * What a catalog is: message id → text with `{placeholders}`, or, for a count, an object of
 * `Intl.PluralRules` categories. Built-in catalogs (generated from `locales/*.xlf`), a
 * page's run-time catalogs and a feed's `labels` all have this shape.
 */
import type {MessageId, PluralText} from './messages.js';

export type {MessageId, PluralText};

export type CatalogText = string | PluralText;

/** A catalog's messages. */
export type Messages = Partial<Record<MessageId, CatalogText>>;

/** Values for a message's `{placeholders}`; a number is formatted for the language, and `count` picks the plural form. */
export type Params = Record<string, string | number>;
