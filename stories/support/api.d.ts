export interface ApiItem {
  name: string;
  description?: string;
  type?: {text: string};
  default?: string;
  kind?: string;
  static?: boolean;
  privacy?: string;
  /** A property's attribute, if it has one. */
  attribute?: string;
}
export declare function isPublicMember(member: Partial<ApiItem>): boolean;
export declare function apiTables(declaration: Record<string, any>): Record<
  'attributes' | 'properties' | 'events' | 'slots' | 'css shadow parts' | 'css custom properties',
  ApiItem[]
>;
