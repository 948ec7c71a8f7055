/** A small national-template sample for tests: prefectural governments and county departments in four provinces. */
import type { Agency, Report } from '@xxgk/schema';
import { buildReport, random } from './build-report.js';

const PROVINCES: [string, string][] = [
  ['32', '江苏省'],
  ['33', '浙江省'],
  ['44', '广东省'],
  ['51', '四川省'],
];
const CITIES = ['南湖', '东川', '西岭', '北塘', '青山', '白沙', '临江', '望海', '金溪', '石门', '云阳', '安平'];

/** Prefectural governments and county departments across four provinces. */
export function sampleAgencies(): Agency[] {
  const agencies: Agency[] = [];
  PROVINCES.forEach(([prov, provName], p) => {
    for (let i = 0; i < 6; i++) {
      const city = CITIES[(p * 5 + i) % CITIES.length] as string;
      const code = `${prov}${String(i + 1).padStart(2, '0')}00`;
      agencies.push({
        name: `${city}市人民政府`,
        level: 'prefectural',
        kind: 'government',
        region: { code, name: `${provName}${city}市` },
      });
      agencies.push({
        name: `${city}市${i % 2 === 0 ? '安平' : '临江'}县自然资源局`,
        level: 'county',
        kind: 'department',
        region: { code: `${prov}${String(i + 1).padStart(2, '0')}0${(i % 3) + 1}`, name: `${city}市辖县` },
      });
    }
  });
  return agencies;
}

/** Reports of every sample agency for the given years; about one in twelve has unbalanced tables. */
export function sampleReports(years: readonly number[] = [2022, 2023, 2024], seed = 7): Report[] {
  const rand = random(seed);
  const reports: Report[] = [];
  sampleAgencies().forEach((agency, a) => {
    for (const year of years) {
      reports.push(
        buildReport({
          seed: seed * 100_000 + a * 100 + year,
          agency,
          year,
          scale: agency.level === 'prefectural' ? 60 + Math.floor(rand() * 400) : 10 + Math.floor(rand() * 30),
          defect: rand() < 0.08 ? 'unbalanced' : null,
        }),
      );
    }
  });
  return reports;
}
