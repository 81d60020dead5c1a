export declare const SEED_FACTS: string[];
