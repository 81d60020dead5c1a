/** Longest accepted value per contact-form field, in characters (the form's `maxlength`s and the receiver's check). */
export const LIMITS = {name: 200, email: 254, phone: 40, organization: 200, subject: 200, message: 5000} as const;

/** The fields a visitor types. */
export type FieldName = keyof typeof LIMITS;
