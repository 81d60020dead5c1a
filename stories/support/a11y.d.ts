export declare const PAGE_LEVEL_AXE_RULES: string[];
export declare const EXPECTED_REQUEST_FAILURE: 'expected-request-failure';
export declare const STAYS_LOADING: 'stays-loading';
