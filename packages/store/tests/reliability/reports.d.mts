import type { Report } from '@xxgk/schema';
export declare function childReport(buildReport: (options: object) => Report, i: number): Report;
